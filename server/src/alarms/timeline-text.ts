import type { TimelineRow } from './repository.ts';

/**
 * What the system says on an alarm's timeline, as a code with parameters the console renders in the reader's
 * language (`console.timelineMsg.<code>`); the entry's note is then only what a person wrote.
 */
export interface TimelineMessage {
  code:
    | 'dispatched'
    | 'escalated'
    | 'deviceHeardAgain'
    | 'batteryRecovered'
    | 'shownOnConsole'
    | 'planStep'
    | 'voiceLink';
  params?: Record<string, string | number>;
}

/** Rows written before codes carried a Dutch sentence around the person's words. */
const LEGACY_DISPATCH = /^eenheid uitgestuurd: /;

/** How each step stores its system words (handling.ts, service.ts, supervision.ts): in the note, as tokens. */
export const ESCALATION_NOTE = (level: number) => `level:${level}`;

export function timelineMessage(row: TimelineRow): { message: TimelineMessage | null; note: string | null } {
  if (row.repeat) return { message: null, note: row.note };
  if (row.kind === 'shown') return { message: { code: 'shownOnConsole' }, note: null };
  if (row.kind === 'voice_listen' || row.kind === 'voice_speak' || row.kind === 'voice_close') {
    const mode = row.kind === 'voice_listen' ? 'listen' : row.kind === 'voice_speak' ? 'speak' : 'close';
    return { message: { code: 'voiceLink', params: { mode } }, note: null };
  }
  if (row.kind === 'plan_step') {
    // the note is the operator's reason for a step not done; a case agreement's words are not on the alarm
    const params: Record<string, string> = {
      action: row.planAction ?? 'other',
      source: row.planSource ?? 'region',
      outcome: row.planDone ? 'done' : 'notDone',
    };
    if (row.planInstruction) params.step = row.planInstruction;
    return { message: { code: 'planStep', params }, note: row.note };
  }
  // police record a dispatched unit as a step that keeps the state; before 0023 it was the only such step
  if (
    row.kind === 'dispatch' ||
    (row.kind === null && row.actorKind === 'person' && row.fromState === row.toState)
  )
    return { message: { code: 'dispatched' }, note: row.note?.replace(LEGACY_DISPATCH, '') || null };
  if (row.actorKind === 'system' && row.actorName === 'escalation') {
    const level = Number(/(\d+)/.exec(row.note ?? '')?.[1] ?? 0);
    return {
      message: {
        code: 'escalated',
        params: { level, reason: row.fromState === 'received' ? 'unclaimed' : 'stalled' },
      },
      note: null,
    };
  }
  if (row.actorKind === 'system' && row.actorName === 'supervision' && row.toState === 'resolved') {
    if (row.note === 'device heard again') return { message: { code: 'deviceHeardAgain' }, note: null };
    if (row.note === 'battery recovered' || row.note === 'battery restored')
      return { message: { code: 'batteryRecovered' }, note: null };
  }
  return { message: null, note: row.note };
}
