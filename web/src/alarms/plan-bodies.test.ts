import { describe, expect, it } from 'vitest';
import type { AlarmTimelineEntry } from '../api/contract.ts';
import { tickBody, voiceEventsAllowed, voiceStateOf } from './plan-bodies.ts';

const entry = (messageCode?: string, mode?: string): AlarmTimelineEntry => ({
  actorKind: 'person',
  actorName: 'Omar',
  at: '2026-03-14T10:00:00Z',
  fromState: 'claimed',
  toState: 'claimed',
  note: null,
  repeat: false,
  ...(messageCode ? { messageCode } : {}),
  ...(mode ? { messageParams: { mode } } : {}),
});

describe('action plan bodies', () => {
  it('sends a step done without a reason, and one not done with its reason trimmed', () => {
    expect(tickBody('k1', { done: true, reason: 'ignored' })).toEqual({ stepKey: 'k1', done: true });
    expect(tickBody('k1', { done: false, reason: '  geen gehoor ' })).toEqual({
      stepKey: 'k1',
      done: false,
      reason: 'geen gehoor',
    });
    // an empty reason is left out, so the form can name the missing reason at its field
    expect(tickBody('k1', { done: false, reason: ' ' })).toEqual({ stepKey: 'k1', done: false });
  });
});

describe('the voice link from the timeline', () => {
  it('is closed until opened, and follows the newest voice-link entry', () => {
    expect(voiceStateOf([])).toBe('closed');
    expect(voiceStateOf([entry(), entry('planStep')])).toBe('closed');
    expect(voiceStateOf([entry('voiceLink', 'listen')])).toBe('listening');
    expect(voiceStateOf([entry('voiceLink', 'listen'), entry('voiceLink', 'speak'), entry()])).toBe(
      'speaking',
    );
    expect(voiceStateOf([entry('voiceLink', 'speak'), entry('voiceLink', 'close')])).toBe('closed');
  });

  it('offers only what the server allows: listen when closed, speak unless speaking, close when open', () => {
    expect(voiceEventsAllowed('closed')).toEqual({ listen: true, speak: true, close: false });
    expect(voiceEventsAllowed('listening')).toEqual({ listen: false, speak: true, close: true });
    expect(voiceEventsAllowed('speaking')).toEqual({ listen: false, speak: false, close: true });
  });
});
