import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES } from './refusals.ts';

// The web app's translations, read as files (the server does not import web code).
const I18N = join(import.meta.dirname, '../../web/src/i18n');
const json = (file: string) => JSON.parse(readFileSync(join(I18N, file), 'utf8')) as Record<string, unknown>;
const bundle = (lang: 'nl' | 'en') => ({
  ...json(`${lang}.json`),
  case: json(`case.${lang}.json`),
  casework: json(`casework.${lang}.json`),
});
// the order web/src/api/refusal-text.ts tries
const NAMESPACES = ['problems', 'problems.fields', 'casework.refusals'];

function lookup(tree: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
}
/** The text the web app renders for a code: the first namespace holding the path decides. */
function textOf(tree: unknown, code: string): unknown {
  for (const ns of NAMESPACES) {
    const found = lookup(tree, `${ns}.${code}`);
    if (found !== undefined) return found;
  }
  return undefined;
}
// words of one language that the other never uses: a text left untranslated trips them
const ENGLISH_ONLY = new Set(['the', 'and', 'with', 'this', 'that', 'your', 'you', 'must', 'already', 'not']);
const DUTCH_ONLY = new Set(['de', 'het', 'een', 'niet', 'van', 'deze', 'dit', 'eerst', 'wordt', 'geen']);
const wordsOf = (text: string) =>
  text
    .replace(/\{\{\w+\}\}/g, '')
    .toLowerCase()
    .split(/[^\p{L}]+/u);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('every refusal the server can give has a Dutch and an English text', () => {
  const nl = bundle('nl');
  const en = bundle('en');

  it.each(REFUSAL_CODES.map((code) => [code]))('%s', (code) => {
    const dutch = textOf(nl, code);
    const english = textOf(en, code);
    expect(typeof dutch, `nl text for ${code}`).toBe('string');
    expect(typeof english, `en text for ${code}`).toBe('string');
    expect((dutch as string).trim()).not.toBe('');
    expect(dutch, `${code} is translated, not copied`).not.toBe(english);
    // a value the server sends is named in both languages
    expect(placeholders(dutch as string)).toEqual(placeholders(english as string));
    expect(
      wordsOf(dutch as string).filter((w) => ENGLISH_ONLY.has(w)),
      `English in nl ${code}`,
    ).toEqual([]);
    expect(
      wordsOf(english as string).filter((w) => DUTCH_ONLY.has(w)),
      `Dutch in en ${code}`,
    ).toEqual([]);
  });

  it('lists each code once', () => {
    expect(new Set(REFUSAL_CODES).size).toBe(REFUSAL_CODES.length);
  });

  // The types make every refusal name a listed code; a listed code nobody gives is a dead text.
  it('lists only codes the server gives', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts') && !entry.name.includes('.test.') && entry.name !== 'refusals.ts')
          sources.push(readFileSync(path, 'utf8'));
      }
    };
    walk(import.meta.dirname);
    const all = sources.join('\n');
    expect(REFUSAL_CODES.filter((code) => !all.includes(`'${code}'`))).toEqual([]);
  });
});
