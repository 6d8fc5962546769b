import { describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from './defaults.ts';
import { agreementKey, checkPlan, checkTick, effectivePlan, forbiddenBy, planKindOf } from './rules.ts';

const at = (s: number) => new Date(Date.UTC(2026, 11, 4, 10, 0, s));

describe('a case agreement overrides the region’s plan', () => {
  const noCallBack = 'Niet terugbellen: de pleger controleert haar telefoon.';
  const other = 'Kinderen gaan naar de buren.';

  it('a "do not call back" agreement comes first as an alert and forbids the call-back step', () => {
    const plan = effectivePlan(DEFAULT_PLANS.panic, [other, noCallBack], []);
    expect(plan.map((s) => [s.source, s.action, s.alert, s.forbidden])).toEqual([
      ['case', 'other', true, false],
      ['case', 'other', false, false],
      ['region', 'voice_listen', false, false],
      ['region', 'call_back', false, true],
      ['region', 'forward_police', false, false],
      ['region', 'inform_case_director', false, false],
    ]);
    expect(plan[0]!.instruction).toBe(noCallBack);
  });

  it('without such an agreement nothing is forbidden and nothing is an alert', () => {
    const plan = effectivePlan(DEFAULT_PLANS.panic, [other], []);
    expect(plan.some((s) => s.forbidden || s.alert)).toBe(false);
  });

  it('reads the usual Dutch and English phrasings, and not a caseworker calling her after the alarm', () => {
    for (const text of [
      'Niet terugbellen!',
      'Cliënt niet bellen, pleger leest mee',
      'Bel haar nooit terug',
      'Bel mij niet',
      'Geen terugbelletje',
      'Do not call her back',
      "Don't call",
      'No call-back',
    ])
      expect(forbiddenBy(text), text).toEqual(['call_back']);
    for (const text of [
      'Na de melding belt de hulpverlener de cliënt binnen 24 uur.',
      'Bel de buren als zij niet opneemt',
      'Knop altijd bij me',
    ])
      expect(forbiddenBy(text), text).toEqual([]);
  });

  it('a forbidden step cannot be ticked done, only not done with a reason', () => {
    const plan = effectivePlan(DEFAULT_PLANS.panic, [noCallBack], []);
    const callBack = plan.find((s) => s.action === 'call_back');
    expect(checkTick(callBack, { done: true })).toMatchObject({ field: 'done' });
    expect(checkTick(callBack, { done: false })).toMatchObject({ field: 'reason', code: 'required' });
    expect(checkTick(callBack, { done: false, reason: 'Afspraak in veiligheidsplan' })).toBeNull();
    expect(checkTick(undefined, { done: true })).toMatchObject({ field: 'stepKey' });
  });

  it('each step carries its newest tick; a case step is named by a key that holds none of its words', () => {
    const key = agreementKey(other);
    expect(key).toMatch(/^case:[0-9a-f]{16}$/);
    expect(key).not.toContain('buren');
    const voice = DEFAULT_PLANS.panic.steps[0]!.id;
    const plan = effectivePlan(
      DEFAULT_PLANS.panic,
      [other],
      [
        { stepKey: voice, done: false, reason: 'geen verbinding', at: at(1), byName: 'Olga' },
        { stepKey: voice, done: true, reason: null, at: at(9), byName: 'Olga' },
        { stepKey: key, done: true, reason: null, at: at(5), byName: 'Olga' },
      ],
    );
    expect(plan.find((s) => s.key === voice)!.tick).toMatchObject({ done: true, at: at(9) });
    expect(plan.find((s) => s.key === key)!.tick).toMatchObject({ done: true, at: at(5) });
    expect(plan.find((s) => s.action === 'forward_police')!.tick).toBeNull();
  });

  it('a test press follows the test plan', () => {
    expect(planKindOf({ kind: 'panic', isTest: true })).toBe('test');
    expect(planKindOf({ kind: 'panic', isTest: false })).toBe('panic');
  });
});

describe('a region’s plan is checked before it is stored', () => {
  it('every default plan is sound', () => {
    for (const plan of Object.values(DEFAULT_PLANS))
      expect(checkPlan(plan.kind, plan.steps), plan.kind).toEqual([]);
  });

  it('refuses an empty plan, a blank step, a doubled action, forwarding a technical alarm, and a stray priority', () => {
    expect(checkPlan('panic', []).map((e) => e.field)).toEqual(['steps']);
    expect(
      checkPlan('low_battery', [
        { action: 'call_back', instruction: '  ' },
        { action: 'call_back', instruction: 'Bel opnieuw' },
        { action: 'forward_police', instruction: 'Politie', policePriority: 1 },
        { action: 'other', instruction: 'Noteer', policePriority: 2 },
      ]).map((e) => e.field),
    ).toEqual(['steps/0/instruction', 'steps/1/action', 'steps/2/action', 'steps/3/policePriority']);
    expect(
      checkPlan('panic', [{ action: 'forward_police', instruction: 'Politie' }]).map((e) => e.field),
    ).toEqual(['steps/0/policePriority']);
  });
});
