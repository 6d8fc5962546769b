import type { Page } from 'playwright-core';

export type Lang = 'nl' | 'en';

export interface WalkProblem {
  lang: Lang;
  where: string;
  rule: string;
  text: string;
}

/**
 * English words that are not also Dutch words, and Dutch words that are not English: one of these on a
 * page of the other language is an untranslated text. Kept to words a product text would use, so that a
 * name or a number never trips them.
 */
const ENGLISH_WORDS = [
  'the',
  'and',
  'with',
  'without',
  'from',
  'for',
  'this',
  'that',
  'your',
  'you',
  'must',
  'should',
  'every',
  'which',
  'first',
  'answered',
  'required',
  'please',
  'loading',
  'save',
  'cancel',
  'none',
  'yes',
  'case',
  'cases',
  'task',
  'tasks',
  'caseworker',
  'figures',
  'language',
  'sign',
  'unknown',
  'error',
  'failed',
  'invalid',
  'not',
  'already',
  'found',
];
/** Dutch articles and prepositions count only in lower case: "De Schuilplaats" is a name. */
const DUTCH_FUNCTION_WORDS = [
  'de',
  'het',
  'een',
  'en',
  'van',
  'niet',
  'voor',
  'naar',
  'geen',
  'nog',
  'wordt',
  'bij',
  'uit',
  'deze',
];
const DUTCH_WORDS = [
  'traject',
  'trajecten',
  'melding',
  'meldingen',
  'taak',
  'nieuwe',
  'opslaan',
  'bericht',
  'berichten',
  'uiterlijk',
  'gesprek',
  'gesprekken',
  'toegevoegd',
  'versie',
  'verstuurd',
  'afgerond',
  'aanmelding',
  'cliënt',
  'pleger',
  'noodknop',
  'veiligheidsplan',
  'besluit',
  'annuleren',
  'zoeken',
  'terug',
  'cijfers',
  'taal',
];
const words = (list: string[], flags: string) =>
  new RegExp(`(?<![\\p{L}\\d_-])(${list.join('|')})(?![\\p{L}\\d_-])`, flags);
const OTHER_LANGUAGE: Record<Lang, RegExp[]> = {
  nl: [words(ENGLISH_WORDS, 'giu')],
  en: [words(DUTCH_FUNCTION_WORDS, 'gu'), words(DUTCH_WORDS, 'giu')],
};

/**
 * Where the words of an English page come from the product, not from what people wrote in Dutch; an
 * element marked `translate="no"` holds what a person wrote (e.g. a task agreed in a meeting).
 */
const PRODUCT_TEXT =
  'h1, h2, h3, h4, h5, th, legend, label, button, [role="tab"], nav a, dt, caption, summary, .utrecht-status-badge, ' +
  '[role="alert"], [role="status"], .case-timeline__summary, .notification, .task__title, .empty-state';

const RULES: { rule: string; re: RegExp }[] = [
  { rule: 'snake_case code', re: /(?<![\w.@/-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@/-]|\.\w)/g },
  { rule: 'arrow between codes', re: /\b[a-z][a-z_]* → [a-z][a-z_]*\b/g },
  { rule: 'ISO date in text', re: /(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])/g },
  { rule: 'code or key', re: /\b(?:undefined|null|NaN)\b|\[object Object\]|\b[a-z]+\.[a-z]+\.[a-z.]+\b/g },
];
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/**
 * What a reader of this page in `lang` should not meet. An e-mail address may show only where it is the
 * address itself (a mailto link, or an element marked `data-email`: the administrator's user list), never
 * where a person is named.
 */
export async function findWordProblems(
  page: Page,
  lang: Lang,
  where: string,
  properNames: string[],
): Promise<WalkProblem[]> {
  const seen = await page.evaluate(
    ({ productText }) => {
      const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || el.tagName === 'BODY';
      const clone = document.body.cloneNode(true) as HTMLElement;
      // addresses shown as addresses, and the language switch ("NL | EN"), are not running text
      for (const el of clone.querySelectorAll(
        'a[href^="mailto:"], [data-email], .aware-lang-switch, script, style',
      ))
        el.remove();
      // innerText only lays out attached nodes: measure the clone where the page is
      clone.style.position = 'absolute';
      clone.style.left = '-99999px';
      document.documentElement.appendChild(clone);
      // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered visibly counts
      const all = clone.innerText;
      clone.remove();
      const product = [...document.querySelectorAll(productText)]
        .filter(visible)
        .filter((el) => !el.closest('[data-email], .aware-lang-switch, [translate="no"]'))
        // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered visibly counts
        .map((el) => (el as HTMLElement).innerText)
        .join('\n');
      return { all, product };
    },
    { productText: PRODUCT_TEXT },
  );
  const problems: WalkProblem[] = [];
  const add = (rule: string, text: string) => {
    if (!problems.some((p) => p.rule === rule && p.text === text)) problems.push({ lang, where, rule, text });
  };
  for (const { rule, re } of RULES) for (const m of seen.all.matchAll(re)) add(rule, m[0]);
  for (const m of seen.all.matchAll(EMAIL)) add('e-mail address as a name', m[0]);
  const withoutNames = (text: string) =>
    properNames
      .reduce((acc, name) => acc.split(name).join(' '), text)
      .replace(/Veilig Thuis|Zorg- en Veiligheidshuis/g, ' ');
  // Dutch pages: everything on them (what people wrote is Dutch too); English pages: the product's own texts
  const checked = withoutNames(lang === 'nl' ? seen.all : seen.product);
  const rule = lang === 'nl' ? 'English on a Dutch page' : 'Dutch on an English page';
  const found = new Set<string>();
  for (const re of OTHER_LANGUAGE[lang]) {
    for (const m of checked.matchAll(re)) {
      if (found.has(m[0].toLowerCase())) continue;
      found.add(m[0].toLowerCase());
      const at = m.index ?? 0;
      add(
        rule,
        checked
          .slice(Math.max(0, at - 30), at + 30)
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
  }
  return problems.slice(0, 20);
}
