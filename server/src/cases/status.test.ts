import { describe, expect, it } from 'vitest';
import { type CaseFacts, checkTransition } from './status.ts';

const base: CaseFacts = {
  status: 'referral',
  screeningComplete: false,
  decision: null,
  caseworkerAssigned: false,
  deviceAssigned: false,
  testAlarmDone: false,
  contractSigned: false,
  deviceReturnRecorded: false,
  endEvaluationDone: false,
};

describe('case status machine', () => {
  it('walks a granted case from referral to closure, with an extension loop', () => {
    const connected = {
      caseworkerAssigned: true,
      deviceAssigned: true,
      testAlarmDone: true,
      contractSigned: true,
    };
    const steps: [Partial<CaseFacts>, string][] = [
      [{ status: 'referral' }, 'screening'],
      [{ status: 'screening', screeningComplete: true }, 'decision'],
      [{ status: 'decision', decision: 'granted' }, 'connecting'],
      [{ status: 'connecting', ...connected }, 'active'],
      [{ status: 'active' }, 'evaluation'],
      [{ status: 'evaluation' }, 'active'],
      [{ status: 'evaluation', endEvaluationDone: true, deviceReturnRecorded: true }, 'closed'],
    ];
    for (const [facts, to] of steps) {
      expect(checkTransition({ ...base, ...facts }, to as CaseFacts['status'])).toEqual({ ok: true });
    }
  });

  it('refuses skipping a phase, and says where the case can go', () => {
    expect(checkTransition({ ...base, status: 'referral' }, 'active')).toEqual({
      ok: false,
      reason: 'from referral a case can only go to screening, not active',
      code: 'transitionNotAllowed',
      params: { from: 'referral', to: 'active' },
    });
  });

  it('refuses a decision before screening is complete', () => {
    const r = checkTransition({ ...base, status: 'screening' }, 'decision');
    expect(r).toEqual({
      ok: false,
      reason: 'every indication and contra-indication must be answered first',
      code: 'screeningIncomplete',
    });
  });

  it('connects only a granted case, and rejects only by a rejection decision', () => {
    expect(checkTransition({ ...base, status: 'decision', decision: 'rejected' }, 'connecting').ok).toBe(
      false,
    );
    expect(checkTransition({ ...base, status: 'decision', decision: 'rejected' }, 'rejected').ok).toBe(true);
    expect(checkTransition({ ...base, status: 'decision', decision: 'granted' }, 'rejected').ok).toBe(false);
  });

  it('names everything a connection still lacks', () => {
    const r = checkTransition({ ...base, status: 'connecting', caseworkerAssigned: true }, 'active');
    expect(r).toEqual({
      ok: false,
      reason: 'connection is not complete: missing a device, a test alarm, the signed contract',
      code: 'connectionIncomplete',
      params: { missing: 'device,testAlarm,contract' },
    });
  });

  it('closes only after an end evaluation and with the device return recorded', () => {
    expect(checkTransition({ ...base, status: 'evaluation' }, 'closed')).toEqual({
      ok: false,
      reason: 'before closing record an end evaluation and whether the device was returned',
      code: 'closeIncomplete',
      params: { missing: 'endEvaluation,deviceReturn' },
    });
  });

  it('a rejected or closed case never changes again', () => {
    for (const status of ['rejected', 'closed'] as const) {
      expect(checkTransition({ ...base, status }, 'active')).toEqual({
        ok: false,
        reason: `a case in status ${status} is finished and cannot change`,
        code: 'caseFinished',
        params: { from: status },
      });
    }
  });
});
