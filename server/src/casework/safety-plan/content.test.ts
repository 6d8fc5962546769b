import { describe, expect, it } from 'vitest';
import { checkPlanContent, comparePlans, PLAN_SECTIONS, type PlanContent, withoutName } from './content.ts';

const empty = () => Object.fromEntries(PLAN_SECTIONS.map((s) => [s, []])) as unknown as PlanContent;

describe('safety plan content', () => {
  it('trims lines, drops empty ones and keeps the sections in order', () => {
    const r = checkPlanContent({
      strengths: ['  Ik ben   volhardend ', '', '  '],
      alarmAgreements: ['Knop altijd bij me'],
    });
    expect(r).toEqual({
      ok: true,
      content: { ...empty(), strengths: ['Ik ben volhardend'], alarmAgreements: ['Knop altijd bij me'] },
    });
  });

  it('refuses a plan without agreements for when the button is pressed, naming the section', () => {
    const r = checkPlanContent({ strengths: ['Sterk'] });
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          field: 'content/alarmAgreements',
          message: expect.stringContaining('button'),
          code: 'plan.alarmAgreementRequired',
        },
      ],
    });
  });

  it('names the line that is too long or repeated', () => {
    const r = checkPlanContent({ alarmAgreements: ['a', 'x'.repeat(501), 'a'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['content/alarmAgreements/1', 'content/alarmAgreements/2']);
  });

  it('refuses more than 40 lines in a section', () => {
    const r = checkPlanContent({
      alarmAgreements: ['ok'],
      tips: Array.from({ length: 41 }, (_, i) => `tip ${i}`),
    });
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['content/tips']);
  });

  it('compares two versions per section', () => {
    const a = { ...empty(), alarmAgreements: ['Knop bij me'], tips: ['Route wisselen'] };
    const b = { ...empty(), alarmAgreements: ['Knop bij me', 'Buren weten ervan'], tips: [] };
    expect(comparePlans(a, b)).toEqual([
      { section: 'alarmAgreements', added: ['Buren weten ervan'], removed: [] },
      { section: 'tips', added: [], removed: ['Route wisselen'] },
    ]);
  });

  it("removes the perpetrator's full and first name from text printed for home", () => {
    expect(withoutName('Als Mark de Vries of mark voor de deur staat', 'Mark de Vries')).toBe(
      'Als ... of ... voor de deur staat',
    );
    expect(withoutName('Marktplein vermijden', 'Mark de Vries')).toBe('Marktplein vermijden');
    expect(withoutName('tekst', null)).toBe('tekst');
  });
});
