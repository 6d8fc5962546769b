// The action plan's forms → request bodies: a tick of one step, and an event of the voice link.
import type { AlarmTimelineEntry, Body } from '../api/contract.ts';

export interface TickForm {
  done: boolean;
  reason: string;
}

export type TickBody = Body<'/api/v1/alarms/{id}/plan/ticks', 'post'>;
export type VoiceEvent = Body<'/api/v1/alarms/{id}/voice-link', 'post'>['event'];

/** A step done needs no reason; one not done carries its reason trimmed (left out when empty, so the form names it). */
export function tickBody(stepKey: string, form: TickForm): TickBody {
  const reason = form.reason.trim();
  return form.done || !reason ? { stepKey, done: form.done } : { stepKey, done: false, reason };
}

/** The voice link as the console shows it: closed, open listening only, or open with the operator speaking. */
export type VoiceState = 'closed' | 'listening' | 'speaking';

/** The link's state after the newest voice-link entry of the alarm's timeline (oldest first). */
export function voiceStateOf(timeline: readonly AlarmTimelineEntry[]): VoiceState {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const entry = timeline[i]!;
    if (entry.messageCode !== 'voiceLink') continue;
    const mode = entry.messageParams?.mode;
    return mode === 'listen' ? 'listening' : mode === 'speak' ? 'speaking' : 'closed';
  }
  return 'closed';
}

/** What the operator may do with the link now, as the server allows it (voice-link.ts). */
export function voiceEventsAllowed(state: VoiceState): Record<VoiceEvent, boolean> {
  return { listen: state === 'closed', speak: state !== 'speaking', close: state !== 'closed' };
}
