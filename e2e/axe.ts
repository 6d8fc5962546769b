import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's source, read from node_modules and injected into the page: never fetched from a network. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 AA, as Dutch public bodies must meet it (with the levels it builds on). */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** axe's advice beyond WCAG (landmarks, heading order): counted, never failing the scan */
const BEST_PRACTICE = 'best-practice';

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface Violation {
  where: string;
  rule: string;
  impact: Impact;
  /** a WCAG success criterion; false for axe's best practice */
  wcag: boolean;
  /** axe could not decide (e.g. text over an image) and a person should look: never failing the scan */
  review: boolean;
  /** a selector of one element that violates the rule, and how many more do */
  target: string;
  help: string;
}

/** One violation per rule and page, with its first element's selector. */
export async function scanPage(page: Page, where: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(
    async (tags) => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
      const axe = (window as any).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations', 'incomplete'],
      });
      type Found = {
        id: string;
        impact: string | null;
        help: string;
        tags: string[];
        nodes: { target: string[] }[];
      };
      const shape = (review: boolean) => (v: Found) => ({
        rule: v.id,
        impact: v.impact ?? 'minor',
        help: v.help,
        wcag: v.tags.some((tag) => tag.startsWith('wcag')),
        review,
        targets: v.nodes.map((n) => n.target.join(' ')),
      });
      return [
        ...(result.violations as Found[]).map(shape(false)),
        ...(result.incomplete as Found[]).map(shape(true)),
      ];
    },
    [...WCAG_AA, BEST_PRACTICE],
  );
  return violations.map((v) => ({
    where,
    rule: v.rule,
    impact: v.impact as Impact,
    wcag: v.wcag,
    review: v.review,
    help: v.help,
    target: v.targets[0] + (v.targets.length > 1 ? ` (+${v.targets.length - 1} more)` : ''),
  }));
}

export function countByImpact(violations: Violation[]): Record<Impact, number> {
  const counts: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of violations) counts[v.impact]++;
  return counts;
}

/** What fails the scan: a serious or critical violation of a WCAG criterion. */
export const isSevere = (v: Violation) =>
  v.wcag && !v.review && (v.impact === 'serious' || v.impact === 'critical');

export const describeViolation = (v: Violation) =>
  `${v.where}: ${v.rule} (${v.impact}) at ${v.target} — ${v.help}`;

/** WCAG 3.1.1 as axe cannot see it: the page's language is the one the person chose. */
export async function languageOf(page: Page, lang: string, where: string): Promise<Violation[]> {
  const declared = await page.evaluate(() => document.documentElement.lang);
  if (declared === lang) return [];
  return [
    {
      where,
      rule: 'html-lang-is-chosen-language',
      impact: 'serious',
      wcag: true,
      review: false,
      target: `html[lang="${declared}"]`,
      help: `The page is in "${lang}" but declares "${declared}"`,
    },
  ];
}

/**
 * WCAG 2.4.7 as axe cannot see it: tabbing through the page (its first 30 stops) shows where the focus
 * is, by an outline or a shadow on the focused element, or an outline on a parent close to it.
 */
export async function focusVisibility(page: Page, where: string): Promise<Violation[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const invisible = new Set<string>();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      // an outline or shadow on the element, or on a parent that shows it (a whole tile by :focus-within)
      for (let at: HTMLElement | null = el, up = 0; at && up < 3; at = at.parentElement, up++) {
        const style = getComputedStyle(at);
        const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
        if (outlined || (at === el && style.boxShadow !== 'none')) return '';
      }
      const id = el.id ? `#${el.id}` : '';
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}`;
    });
    if (found === null) break;
    if (found) invisible.add(found);
  }
  return [...invisible].map((target) => ({
    where,
    rule: 'focus-visible',
    impact: 'serious' as const,
    wcag: true,
    review: false,
    target,
    help: 'Keyboard focus is not visible on this element',
  }));
}
