import type { Alarm, AlarmKind } from '../api/types.ts';

export const ALARM_KINDS: readonly AlarmKind[] = [
  'panic',
  'tamper',
  'supervision',
  'low_battery',
  'fault',
  'test',
];

/** An alarm stays in the open queue until it is resolved: received, claimed, forwarded, on scene. */
export function isOpen(alarm: Pick<Alarm, 'state'>): boolean {
  return alarm.state !== 'resolved';
}

function time(a: Alarm): number {
  const t = Date.parse(a.receivedAt);
  return Number.isFinite(t) ? t : 0;
}

/** Panic alarms first, then the rest; within each, the one waiting longest on top. */
export function sortAlarms(alarms: readonly Alarm[]): Alarm[] {
  return [...alarms].sort((a, b) => {
    const pa = a.kind === 'panic' ? 0 : 1;
    const pb = b.kind === 'panic' ? 0 : 1;
    return pa - pb || time(a) - time(b) || a.id.localeCompare(b.id);
  });
}

/** Merge one alarm (new or changed) into the open list by id; closed alarms leave the list. */
export function mergeAlarm(list: readonly Alarm[], alarm: Alarm): Alarm[] {
  const rest = list.filter((a) => a.id !== alarm.id);
  return isOpen(alarm) ? [...rest, alarm] : rest;
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
