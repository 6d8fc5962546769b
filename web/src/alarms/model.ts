import type { Alarm, AlarmKind, AlarmState, Outcome } from '../api/contract.ts';
import * as generated from '../api/values.ts';

export const ALARM_KINDS: readonly AlarmKind[] = [
  'panic',
  'tamper',
  'supervision',
  'low_battery',
  'fault',
  'test',
];

/** Queue priority per kind: lower comes first. Panic always on top, tests last. */
const KIND_PRIORITY: Record<AlarmKind, number> = {
  panic: 0,
  tamper: 1,
  supervision: 2,
  fault: 3,
  low_battery: 4,
  test: 5,
};

/** An alarm stays in the open queue until it is resolved: received, claimed, forwarded, on scene. */
export function isOpen(alarm: Pick<Alarm, 'state'>): boolean {
  return alarm.state !== 'resolved';
}

/** Test presses (hand-out test, periodic test) are kept apart from real alarms and never forwarded. */
export function isTestAlarm(alarm: Pick<Alarm, 'isTest' | 'kind'>): boolean {
  return alarm.isTest === true || alarm.kind === 'test';
}

function time(a: Alarm): number {
  const t = Date.parse(a.receivedAt);
  return Number.isFinite(t) ? t : 0;
}

/** By priority (panic first, then the technical kinds, tests last); within each, longest waiting on top. */
export function sortAlarms(alarms: readonly Alarm[]): Alarm[] {
  return [...alarms].sort((a, b) => {
    const pa = KIND_PRIORITY[a.kind] ?? 9;
    const pb = KIND_PRIORITY[b.kind] ?? 9;
    return pa - pb || time(a) - time(b) || a.id.localeCompare(b.id);
  });
}

/** Split the open list into real alarms and test alarms, both sorted. */
export function splitQueue(alarms: readonly Alarm[]): { real: Alarm[]; tests: Alarm[] } {
  const sorted = sortAlarms(alarms);
  return { real: sorted.filter((a) => !isTestAlarm(a)), tests: sorted.filter(isTestAlarm) };
}

/** Handed over to the police by the alarm centre (forwarded, or police on scene). */
export function isForwarded(alarm: Pick<Alarm, 'state'>): boolean {
  return alarm.state === 'forwarded' || alarm.state === 'on_scene';
}

/**
 * The police control room's order: what the alarm centre handed over comes first (longest waiting on
 * top), then the rest in the usual priority.
 */
export function sortForPolice(alarms: readonly Alarm[]): Alarm[] {
  const sorted = sortAlarms(alarms);
  return [...sorted.filter(isForwarded), ...sorted.filter((a) => !isForwarded(a))];
}

/** One card in the queue: an alarm and the repeated presses of the same button folded into it. */
export interface AlarmGroup {
  alarm: Alarm;
  /** 1 + the repeated presses */
  presses: number;
  /** when the button was last pressed (the first alarm's time when pressed once) */
  lastPressAt: string;
  /** the newest known position among the presses: where the client is now */
  position: Alarm['position'];
}

/**
 * Folds repeated presses into their first alarm. The server decides what a repeat is (a press of the same
 * button and kind while its first alarm is open) and marks it with `firstAlarmId`; a repeat whose first is
 * not in the list (closed meanwhile, or not visible) is shown as a card of its own, so nothing disappears.
 * Keeps the order of `alarms` (already sorted) for the first alarms.
 */
export function foldRepeats(alarms: readonly Alarm[]): AlarmGroup[] {
  const firsts = new Map<string, AlarmGroup>();
  const groups: AlarmGroup[] = [];
  for (const alarm of alarms) {
    if (alarm.firstAlarmId) continue;
    const group = { alarm, presses: 1, lastPressAt: alarm.receivedAt, position: alarm.position };
    firsts.set(alarm.id, group);
    groups.push(group);
  }
  for (const alarm of alarms) {
    if (!alarm.firstAlarmId) continue;
    const first = firsts.get(alarm.firstAlarmId);
    if (!first) {
      groups.push({ alarm, presses: 1, lastPressAt: alarm.receivedAt, position: alarm.position });
      continue;
    }
    first.presses += 1;
    if (time(alarm) > Date.parse(first.lastPressAt)) {
      first.lastPressAt = alarm.receivedAt;
      if (alarm.position) first.position = alarm.position;
    }
  }
  return groups;
}

/** A real panic nobody has claimed yet: it keeps the alarm signal going. */
export function isUnclaimedPanic(alarm: Alarm): boolean {
  return alarm.kind === 'panic' && alarm.state === 'received' && !isTestAlarm(alarm);
}

export interface AlarmSignal {
  /** Any unclaimed real panic? Then the sound and the visual indicator are on. */
  active: boolean;
  count: number;
  /** Highest escalation level among the unclaimed panics (0, 1 or 2). */
  level: 0 | 1 | 2;
}

/** Counts each button once: a repeated press sounds with its first alarm, not on its own. */
export function alarmSignal(alarms: readonly Alarm[] | undefined): AlarmSignal {
  const unclaimed = foldRepeats(alarms ?? [])
    .map((g) => g.alarm)
    .filter(isUnclaimedPanic);
  const level = unclaimed.reduce((max, a) => Math.max(max, escalationLevel(a)), 0);
  return { active: unclaimed.length > 0, count: unclaimed.length, level: level as 0 | 1 | 2 };
}

/** The escalation level clamped to 0..2 (missing or odd values count as 0). */
export function escalationLevel(alarm: Pick<Alarm, 'escalationLevel'>): 0 | 1 | 2 {
  const n = alarm.escalationLevel;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return 0;
  return n >= 2 ? 2 : 1;
}

export interface BeepPattern {
  /** Time between the starts of two beep groups. */
  intervalMs: number;
  /** Peak gain 0..1. */
  gain: number;
  /** Tones in one group, played one after the other. */
  tones: readonly { hz: number; ms: number }[];
}

/** The audible signal: calm but insistent; louder and faster once the panic waits too long. */
export function beepPattern(level: 0 | 1 | 2): BeepPattern {
  switch (level) {
    case 0:
      return { intervalMs: 1600, gain: 0.25, tones: [{ hz: 880, ms: 180 }] };
    case 1:
      return {
        intervalMs: 900,
        gain: 0.5,
        tones: [
          { hz: 988, ms: 150 },
          { hz: 740, ms: 150 },
        ],
      };
    case 2:
      return {
        intervalMs: 600,
        gain: 0.8,
        tones: [
          { hz: 1175, ms: 120 },
          { hz: 880, ms: 120 },
        ],
      };
  }
}

/** Outcomes a person can choose, in the order shown (the resolve route's own list; values.ts is generated). */
export const CHOOSABLE_OUTCOMES: readonly Outcome[] = generated.CHOOSABLE_OUTCOMES;

/** Outcomes that make sense for this alarm (the server enforces the same rules). */
export function outcomesFor(alarm: Pick<Alarm, 'isTest' | 'kind' | 'state'>): Outcome[] {
  if (isTestAlarm(alarm)) return ['test', 'technical_fault'];
  const policeInvolved = alarm.state === 'forwarded' || alarm.state === 'on_scene';
  return CHOOSABLE_OUTCOMES.filter((o) => (o === 'arrest_in_act' ? policeInvolved : o !== 'test'));
}

export function outcomeNeedsNote(outcome: string): boolean {
  return outcome === 'other';
}

export type ConsoleRole = 'operator' | 'police';
export type AlarmStep = 'claim' | 'forward' | 'dispatch' | 'on_scene' | 'resolve';

/** Kinds that go to the police at all: a panic, and tampering with the button. */
const FORWARDABLE: ReadonlySet<AlarmKind> = new Set(['panic', 'tamper']);

/** Which steps this console offers for the alarm right now. */
export function stepsFor(alarm: Pick<Alarm, 'isTest' | 'kind' | 'state'>, role: ConsoleRole): AlarmStep[] {
  const s: AlarmState = alarm.state;
  if (s === 'resolved') return [];
  const steps: AlarmStep[] = [];
  if (role === 'operator') {
    if (s === 'received') steps.push('claim');
    if (s === 'claimed' && !isTestAlarm(alarm) && FORWARDABLE.has(alarm.kind)) steps.push('forward');
    if (s !== 'received') steps.push('resolve');
  } else {
    if (!isTestAlarm(alarm)) steps.push('dispatch');
    if (s === 'forwarded') steps.push('on_scene');
    if (s !== 'received') steps.push('resolve');
  }
  return steps;
}

/** Merge one alarm (new or changed) into the open list by id; closed alarms leave the list. */
export function mergeAlarm(list: readonly Alarm[], alarm: Alarm): Alarm[] {
  const rest = list.filter((a) => a.id !== alarm.id);
  return isOpen(alarm) ? [...rest, alarm] : rest;
}

/**
 * The alarms whose detail a fresh read of the open list shows to have moved on: changed, gone from the list
 * (resolved), or pressed again (a new repeat adds to its first alarm's timeline).
 */
export function changedAlarmIds(before: readonly Alarm[], after: readonly Alarm[]): string[] {
  const now = new Map(after.map((a) => [a.id, a]));
  const was = new Map(before.map((a) => [a.id, a]));
  const changed = new Set<string>();
  for (const a of before) {
    const b = now.get(a.id);
    if (!b || JSON.stringify(a) !== JSON.stringify(b)) changed.add(a.id);
  }
  for (const b of after)
    if (!was.has(b.id) && b.firstAlarmId && was.has(b.firstAlarmId)) changed.add(b.firstAlarmId);
  return [...changed];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Minimal shape check for an alarm arriving over SSE. */
export function parseAlarm(data: string): Alarm | null {
  try {
    const v: unknown = JSON.parse(data);
    if (
      isRecord(v) &&
      typeof v.id === 'string' &&
      typeof v.kind === 'string' &&
      typeof v.state === 'string'
    ) {
      return v as unknown as Alarm;
    }
  } catch {
    // ignore malformed event
  }
  return null;
}

/** Photos come as data: URLs; only accept images (never scripts or other schemes). */
export function safeImageSrc(src: string | null | undefined): string | null {
  if (!src) return null;
  return /^data:image\/(png|jpe?g|webp|gif);base64,[a-z0-9+/=\s]+$/i.test(src) ? src : null;
}
