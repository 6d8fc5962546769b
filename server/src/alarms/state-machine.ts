import type { RefusalCode } from '../refusals.ts';
import type { AlarmKind, AlarmState } from './rules.ts';

/** How an alarm ended. Every resolved alarm has exactly one; none closes itself without one. */
export const OUTCOMES = [
  'arrest_in_act',
  'perpetrator_gone',
  'no_threat',
  'pressed_by_accident',
  'technical_fault',
  'test',
  'other',
  // only the system uses this one, for technical alarms the device itself cleared
  'cleared_by_device',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type AlarmAction = 'claim' | 'forward' | 'on_scene' | 'resolve';

export interface AlarmFacts {
  kind: AlarmKind;
  state: AlarmState;
  isTest: boolean;
  claimedBy: string | null;
}

export type TransitionResult =
  | { ok: true; to: AlarmState }
  | { ok: false; status: 400 | 409; field?: string; reason: string; code: RefusalCode };

const TECHNICAL: ReadonlySet<AlarmKind> = new Set(['low_battery', 'supervision', 'fault', 'tamper']);

/**
 * The alarm state machine: received → claimed → forwarded → on scene → resolved.
 * Pure: callers apply the result with a conditional UPDATE so two people acting at once cannot
 * both succeed.
 */
export function transition(
  alarm: AlarmFacts,
  action: AlarmAction,
  input: { actorId: string; outcome?: string; note?: string },
): TransitionResult {
  const refuse = (reason: string, code: RefusalCode): TransitionResult => ({
    ok: false,
    status: 409,
    reason,
    code,
  });
  if (alarm.state === 'resolved') return refuse('the alarm is already resolved', 'alarm.resolved');
  switch (action) {
    case 'claim':
      if (alarm.state !== 'received')
        return refuse('the alarm has already been claimed', 'alarm.alreadyClaimed');
      return { ok: true, to: 'claimed' };
    case 'forward':
      if (alarm.isTest)
        return refuse('a test alarm is never forwarded to the police', 'alarm.testNotForwarded');
      if (TECHNICAL.has(alarm.kind) && alarm.kind !== 'tamper')
        return refuse('technical alarms are not forwarded', 'alarm.technicalNotForwarded');
      if (alarm.state !== 'claimed')
        return refuse(
          `a ${alarm.state} alarm cannot be forwarded; claim it first`,
          'alarm.claimBeforeForward',
        );
      return { ok: true, to: 'forwarded' };
    case 'on_scene':
      if (alarm.state !== 'forwarded')
        return refuse('police can only arrive at a forwarded alarm', 'alarm.notForwarded');
      return { ok: true, to: 'on_scene' };
    case 'resolve': {
      if (alarm.state === 'received')
        return refuse('claim the alarm before resolving it', 'alarm.claimBeforeResolve');
      const outcome = input.outcome;
      if (!outcome)
        return {
          ok: false,
          status: 400,
          field: 'outcome',
          reason: 'is required to resolve an alarm',
          code: 'alarm.outcomeRequired',
        };
      if (!(OUTCOMES as readonly string[]).includes(outcome) || outcome === 'cleared_by_device') {
        return {
          ok: false,
          status: 400,
          field: 'outcome',
          reason: 'is not a known outcome',
          code: 'alarm.outcomeUnknown',
        };
      }
      if (outcome === 'other' && !input.note?.trim()) {
        return {
          ok: false,
          status: 400,
          field: 'note',
          reason: 'is required when the outcome is "other"',
          code: 'alarm.noteRequiredForOther',
        };
      }
      if (alarm.isTest && outcome !== 'test' && outcome !== 'technical_fault') {
        return {
          ok: false,
          status: 400,
          field: 'outcome',
          reason: 'a test alarm ends as "test" or "technical_fault"',
          code: 'alarm.testOutcome',
        };
      }
      if (outcome === 'arrest_in_act' && alarm.state !== 'on_scene' && alarm.state !== 'forwarded') {
        return {
          ok: false,
          status: 400,
          field: 'outcome',
          reason: 'an arrest needs the alarm forwarded to the police',
          code: 'alarm.arrestNeedsForward',
        };
      }
      return { ok: true, to: 'resolved' };
    }
  }
}

/** Who may take which step: operators run the alarm, police record dispatch, arrival and outcome. */
export function rolesFor(action: AlarmAction): readonly ('operator' | 'police' | 'police_control')[] {
  switch (action) {
    case 'claim':
    case 'forward':
      return ['operator'];
    case 'on_scene':
      return ['police', 'police_control'];
    case 'resolve':
      return ['operator', 'police', 'police_control'];
  }
}

/** An alarm is real follow-up work for the caseworker when it was a genuine alarm on a case. */
export function needsAfterCare(
  alarm: { kind: AlarmKind; isTest: boolean; caseId: string | null },
  outcome: Outcome,
) {
  return alarm.caseId !== null && !alarm.isTest && alarm.kind === 'panic' && outcome !== 'test';
}

/** The escalation level an alarm should be at, from how long it has waited; pure, restart-safe. */
export function escalationLevel(
  alarm: { state: AlarmState; receivedAt: Date; lastStepAt: Date; isTest: boolean },
  now: Date,
  limits: { unclaimedSeconds: number; stalledSeconds: number },
): number {
  if (alarm.isTest || alarm.state === 'resolved') return 0;
  if (alarm.state === 'received') {
    const waited = (now.getTime() - alarm.receivedAt.getTime()) / 1000;
    if (waited >= 2 * limits.unclaimedSeconds) return 2;
    if (waited >= limits.unclaimedSeconds) return 1;
    return 0;
  }
  const stalled = (now.getTime() - alarm.lastStepAt.getTime()) / 1000;
  if (alarm.state === 'on_scene') return 0;
  if (stalled >= 2 * limits.stalledSeconds) return 2;
  if (stalled >= limits.stalledSeconds) return 1;
  return 0;
}

/** Seconds from receipt to each first step: the alarm chain's response figures. */
export function responseTimes(
  receivedAt: Date,
  timeline: readonly { at: Date; toState: string; fromState: string | null }[],
): { claimed: number | null; forwarded: number | null; onScene: number | null; resolved: number | null } {
  const first = (state: string) => {
    const step = timeline.find((t) => t.toState === state && t.fromState !== state);
    return step ? Math.round((step.at.getTime() - receivedAt.getTime()) / 100) / 10 : null;
  };
  return {
    claimed: first('claimed'),
    forwarded: first('forwarded'),
    onScene: first('on_scene'),
    resolved: first('resolved'),
  };
}

/**
 * Seconds from receipt to the links of the chain beside the state steps: first shown on a console, first
 * voice link, first unit dispatched. A link that did not happen is null, never a borrowed time.
 */
export function chainTimes(
  receivedAt: Date,
  timeline: readonly {
    at: Date;
    kind: string | null;
    actorKind: string;
    fromState: string | null;
    toState: string;
  }[],
): { shown: number | null; voice: number | null; dispatched: number | null } {
  const first = (match: (t: (typeof timeline)[number]) => boolean) => {
    const entry = timeline.find(match);
    return entry ? Math.round((entry.at.getTime() - receivedAt.getTime()) / 100) / 10 : null;
  };
  return {
    shown: first((t) => t.kind === 'shown'),
    voice: first((t) => t.kind === 'voice_listen' || t.kind === 'voice_speak'),
    // before 0023 a dispatch was the only person's entry that kept the state
    dispatched: first(
      (t) =>
        t.kind === 'dispatch' ||
        (t.kind === null && t.actorKind === 'person' && t.fromState !== null && t.fromState === t.toState),
    ),
  };
}
