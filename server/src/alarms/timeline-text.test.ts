import { describe, expect, it } from 'vitest';
import type { TimelineRow } from './repository.ts';
import { ESCALATION_NOTE, timelineMessage } from './timeline-text.ts';

const row = (over: Partial<TimelineRow>): TimelineRow => ({
  at: new Date('2026-03-01T10:00:00Z'),
  actorKind: 'person',
  actorName: 'Petra Politie',
  fromState: 'claimed',
  toState: 'forwarded',
  note: null,
  repeat: false,
  kind: null,
  planAction: null,
  planSource: null,
  planDone: null,
  planInstruction: null,
  ...over,
});

describe('system words on an alarm timeline are codes, the note only what a person wrote', () => {
  it('a dispatched unit: the code, and the police officer’s words without a Dutch sentence around them', () => {
    for (const stored of ['Unit 12-04', 'eenheid uitgestuurd: Unit 12-04']) {
      expect(timelineMessage(row({ fromState: 'forwarded', toState: 'forwarded', note: stored }))).toEqual({
        message: { code: 'dispatched' },
        note: 'Unit 12-04',
      });
    }
  });

  it('an escalation: its level and why, also for rows stored as a Dutch sentence', () => {
    const escalation = { actorKind: 'system' as const, actorName: 'escalation', toState: 'received' };
    expect(timelineMessage(row({ ...escalation, fromState: 'received', note: ESCALATION_NOTE(2) }))).toEqual({
      message: { code: 'escalated', params: { level: 2, reason: 'unclaimed' } },
      note: null,
    });
    expect(
      timelineMessage(
        row({
          ...escalation,
          fromState: 'claimed',
          toState: 'claimed',
          note: 'geëscaleerd naar niveau 1 (geen voortgang)',
        }),
      ),
    ).toEqual({ message: { code: 'escalated', params: { level: 1, reason: 'stalled' } }, note: null });
  });

  it('a technical alarm the button cleared itself, instead of the English words stored', () => {
    const cleared = {
      actorKind: 'system' as const,
      actorName: 'supervision',
      fromState: 'received',
      toState: 'resolved',
    };
    expect(timelineMessage(row({ ...cleared, note: 'device heard again' })).message).toEqual({
      code: 'deviceHeardAgain',
    });
    expect(timelineMessage(row({ ...cleared, note: 'battery restored' })).message).toEqual({
      code: 'batteryRecovered',
    });
  });

  it('a step a person took keeps their note and gets no system text', () => {
    expect(timelineMessage(row({ note: 'Client belde terug' }))).toEqual({
      message: null,
      note: 'Client belde terug',
    });
  });
});
