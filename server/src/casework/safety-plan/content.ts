import type { FieldError } from '../../errors.ts';

/**
 * The sections of the safety plan (seed 000, handbook bijlage IV): the four questions — what are my
 * strengths, what can help me (the button among others), who can help me, what can I do myself — then
 * unsafe situations, the agreements for when the button is pressed, concrete tips and digital safety.
 * Each section is a list of short lines, in the words agreed with the client.
 */
export const PLAN_SECTIONS = [
  'strengths',
  'whatHelps',
  'whoHelps',
  'ownActions',
  'unsafeSituations',
  'alarmAgreements',
  'tips',
  'digitalSafety',
] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];
export type PlanContent = Record<PlanSection, string[]>;

export const MAX_LINES = 40;
export const MAX_LINE_LENGTH = 500;

export type PlanCheck = { ok: true; content: PlanContent } | { ok: false; errors: FieldError[] };

/**
 * Checks and normalises a plan: lines trimmed, empty lines dropped, at most 40 lines of 500 characters
 * per section, no line twice in a section, and never without agreements for when the button is pressed
 * (the police and the alarm centre read those during an alarm).
 */
export function checkPlanContent(input: Partial<Record<PlanSection, readonly string[]>>): PlanCheck {
  const errors: FieldError[] = [];
  const content = {} as PlanContent;
  for (const section of PLAN_SECTIONS) {
    const lines = (input[section] ?? []).map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
    const field = `content/${section}`;
    if (lines.length > MAX_LINES)
      errors.push({
        field,
        message: `at most ${MAX_LINES} lines`,
        code: 'plan.tooManyLines',
        params: { max: String(MAX_LINES) },
      });
    lines.forEach((line, i) => {
      if (line.length > MAX_LINE_LENGTH)
        errors.push({
          field: `${field}/${i}`,
          message: `at most ${MAX_LINE_LENGTH} characters`,
          code: 'plan.lineTooLong',
          params: { max: String(MAX_LINE_LENGTH) },
        });
      if (lines.indexOf(line) !== i)
        errors.push({
          field: `${field}/${i}`,
          message: 'is already in this section',
          code: 'plan.lineTwice',
        });
    });
    content[section] = lines;
  }
  if (content.alarmAgreements.length === 0)
    errors.push({
      field: 'content/alarmAgreements',
      message: 'agree at least one thing for when the button is pressed',
      code: 'plan.alarmAgreementRequired',
    });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, content };
}

export interface SectionChange {
  section: PlanSection;
  added: string[];
  removed: string[];
}

/** What changed between two versions, per section (lines added and removed). */
export function comparePlans(older: PlanContent, newer: PlanContent): SectionChange[] {
  return PLAN_SECTIONS.map((section) => {
    const before = older[section] ?? [];
    const after = newer[section] ?? [];
    return {
      section,
      added: after.filter((l) => !before.includes(l)),
      removed: before.filter((l) => !after.includes(l)),
    };
  }).filter((c) => c.added.length > 0 || c.removed.length > 0);
}

/**
 * Removes the perpetrator's name from text printed for the client's home: the plan may be found by him.
 * The full name and the first name (when at least three letters) are replaced, case-insensitively.
 */
export function withoutName(text: string, perpetratorName: string | null): string {
  if (!perpetratorName) return text;
  const full = perpetratorName.trim();
  const first = full.split(/\s+/)[0] ?? '';
  let out = text;
  for (const name of [full, first]) {
    if (name.length < 3) continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'giu'), '...');
  }
  return out;
}
