import { describe, expect, it } from 'vitest';
import { checkParticipants, checkRemoval, needsCaseDirector, taskAlerts } from './rules.ts';

describe('network rules', () => {
  it('refuses a meeting with both the client and the perpetrator, naming the field', () => {
    expect(
      checkParticipants([
        { kind: 'professional', name: 'Carla' },
        { kind: 'client', name: 'Sanne' },
        { kind: 'perpetrator', name: 'Mark' },
      ]),
    ).toEqual({
      field: 'participants',
      code: 'meeting.clientAndPerpetrator',
      message: expect.stringContaining('never'),
    });
    expect(checkParticipants([{ kind: 'client', name: 'Sanne' }])).toBeNull();
    expect(
      checkParticipants([
        { kind: 'perpetrator', name: 'Mark' },
        { kind: 'professional', name: 'P' },
      ]),
    ).toBeNull();
    expect(checkParticipants([])?.field).toBe('participants');
  });

  it('a case past the decision needs a case director; earlier it does not', () => {
    expect(needsCaseDirector('active', ['caseworker'])).toBe(true);
    expect(needsCaseDirector('connecting', ['caseworker', 'case_director'])).toBe(false);
    expect(needsCaseDirector('screening', [])).toBe(false);
    expect(needsCaseDirector('closed', [])).toBe(false);
  });

  it('the last case director cannot be removed from a running case; another one can', () => {
    const team = [
      { userId: 'a', role: 'caseworker' },
      { userId: 'a', role: 'case_director' },
    ];
    expect(checkRemoval('active', team, { userId: 'a', role: 'case_director' })?.field).toBe('role');
    expect(checkRemoval('active', team, { userId: 'a', role: 'caseworker' })).toBeNull();
    expect(
      checkRemoval('active', [...team, { userId: 'b', role: 'case_director' }], {
        userId: 'a',
        role: 'case_director',
      }),
    ).toBeNull();
    expect(checkRemoval('closed', team, { userId: 'a', role: 'case_director' })).toBeNull();
  });

  it('reminds once within a day before the due moment and escalates once when overdue', () => {
    const due = new Date('2026-03-10T12:00:00Z');
    const open = { dueAt: due, doneAt: null, remindedAt: null, escalatedAt: null };
    expect(taskAlerts(open, new Date('2026-03-09T11:59:00Z'))).toEqual({ remind: false, escalate: false });
    expect(taskAlerts(open, new Date('2026-03-09T12:00:00Z'))).toEqual({ remind: true, escalate: false });
    // first seen after the due moment: overdue, not "due soon"
    expect(taskAlerts(open, new Date('2026-03-10T12:00:01Z'))).toEqual({ remind: false, escalate: true });
    const reminded = { ...open, remindedAt: new Date('2026-03-09T12:00:00Z') };
    expect(taskAlerts(reminded, new Date('2026-03-10T13:00:00Z'))).toEqual({ remind: false, escalate: true });
    expect(taskAlerts({ ...reminded, escalatedAt: new Date() }, new Date('2026-03-11T00:00:00Z'))).toEqual({
      remind: false,
      escalate: false,
    });
    expect(taskAlerts({ ...open, doneAt: new Date() }, new Date('2026-03-12T00:00:00Z'))).toEqual({
      remind: false,
      escalate: false,
    });
  });
});
