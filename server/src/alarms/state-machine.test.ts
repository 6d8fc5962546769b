import { describe, expect, it } from 'vitest';
import { escalationLevel, needsAfterCare, responseTimes, transition } from './state-machine.ts';

const panic = { kind: 'panic' as const, isTest: false, claimedBy: null };

describe('alarm state machine', () => {
  it('walks received → claimed → forwarded → on scene → resolved', () => {
    expect(transition({ ...panic, state: 'received' }, 'claim', { actorId: 'a' })).toEqual({
      ok: true,
      to: 'claimed',
    });
    expect(transition({ ...panic, state: 'claimed' }, 'forward', { actorId: 'a' })).toEqual({
      ok: true,
      to: 'forwarded',
    });
    expect(transition({ ...panic, state: 'forwarded' }, 'on_scene', { actorId: 'p' })).toEqual({
      ok: true,
      to: 'on_scene',
    });
    expect(
      transition({ ...panic, state: 'on_scene' }, 'resolve', { actorId: 'p', outcome: 'arrest_in_act' }),
    ).toEqual({
      ok: true,
      to: 'resolved',
    });
  });

  it.each([
    ['claimed', 'claim', 409],
    ['received', 'forward', 409],
    ['received', 'resolve', 409],
    ['claimed', 'on_scene', 409],
    ['resolved', 'resolve', 409],
  ] as const)('refuses %s → %s with %i', (state, action, status) => {
    const result = transition({ ...panic, state }, action, { actorId: 'a', outcome: 'no_threat' });
    expect(result).toMatchObject({ ok: false, status });
  });

  it('never closes without an outcome, and "other" needs a note', () => {
    expect(transition({ ...panic, state: 'claimed' }, 'resolve', { actorId: 'a' })).toMatchObject({
      status: 400,
      field: 'outcome',
    });
    expect(
      transition({ ...panic, state: 'claimed' }, 'resolve', { actorId: 'a', outcome: 'other' }),
    ).toMatchObject({
      status: 400,
      field: 'note',
    });
    expect(
      transition({ ...panic, state: 'claimed' }, 'resolve', { actorId: 'a', outcome: 'cleared_by_device' }),
    ).toMatchObject({ status: 400 });
  });

  it('keeps test alarms away from the police', () => {
    const test = { ...panic, isTest: true, state: 'claimed' as const };
    expect(transition(test, 'forward', { actorId: 'a' })).toMatchObject({ ok: false, status: 409 });
    expect(transition(test, 'resolve', { actorId: 'a', outcome: 'no_threat' })).toMatchObject({
      status: 400,
    });
    expect(transition(test, 'resolve', { actorId: 'a', outcome: 'test' })).toEqual({
      ok: true,
      to: 'resolved',
    });
  });

  it('asks for after-care only after a genuine panic on a case', () => {
    expect(needsAfterCare({ kind: 'panic', isTest: false, caseId: 'c' }, 'perpetrator_gone')).toBe(true);
    expect(needsAfterCare({ kind: 'panic', isTest: true, caseId: 'c' }, 'test')).toBe(false);
    expect(needsAfterCare({ kind: 'low_battery', isTest: false, caseId: 'c' }, 'technical_fault')).toBe(
      false,
    );
    expect(needsAfterCare({ kind: 'panic', isTest: false, caseId: null }, 'no_threat')).toBe(false);
  });

  it('escalates an unclaimed alarm at 1× and 2× the limit, a stalled one likewise, a test never', () => {
    const limits = { unclaimedSeconds: 30, stalledSeconds: 300 };
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    const received = { state: 'received' as const, receivedAt: at(0), lastStepAt: at(0), isTest: false };
    expect(escalationLevel(received, at(29), limits)).toBe(0);
    expect(escalationLevel(received, at(30), limits)).toBe(1);
    expect(escalationLevel(received, at(60), limits)).toBe(2);
    expect(escalationLevel({ ...received, isTest: true }, at(600), limits)).toBe(0);
    const claimed = { ...received, state: 'claimed' as const, lastStepAt: at(10) };
    expect(escalationLevel(claimed, at(309), limits)).toBe(0);
    expect(escalationLevel(claimed, at(310), limits)).toBe(1);
  });
});

describe('response figures', () => {
  it('measures receipt to the first of each step, ignoring repeated entries in the same state', () => {
    const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    const timeline = [
      { at: t(0), fromState: null, toState: 'received' },
      { at: t(7), fromState: 'received', toState: 'claimed' },
      { at: t(20), fromState: 'claimed', toState: 'forwarded' },
      { at: t(25), fromState: 'forwarded', toState: 'forwarded' },
      { at: t(400), fromState: 'forwarded', toState: 'on_scene' },
    ];
    expect(responseTimes(t(0), timeline)).toEqual({
      claimed: 7,
      forwarded: 20,
      onScene: 400,
      resolved: null,
    });
  });
});
