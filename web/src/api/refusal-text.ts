import i18n from 'i18next';
import { formatLongDate } from '../ui/time.ts';

type Loose = (key: string, options?: Record<string, unknown>) => string;

/** Where the texts of refusal codes live, tried in this order (server/src/refusals.ts lists the codes). */
export const REFUSAL_NAMESPACES = ['problems', 'problems.fields', 'casework.refusals'] as const;

/** Parameters of a refusal that are codes, and the i18n list that names each (a list: comma-separated). */
const CODE_LISTS: Record<string, string> = {
  from: 'case.statuses',
  to: 'case.statuses',
  status: 'case.statuses',
  state: 'devices.states',
  parties: 'orgTypes',
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A server refusal code with its parameters, in the reader's language; null when no text exists (then the
 * caller falls back). Codes inside parameters are named, dates written in the reader's notation.
 */
export function refusalText(
  code: string,
  params: Record<string, string | number> = {},
  t: Loose = i18n.t.bind(i18n) as unknown as Loose,
  lang: string = i18n.language,
): string | null {
  const named: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    const list = CODE_LISTS[name];
    const text = String(value);
    if (list)
      named[name] = text
        .split(',')
        .map((v) => t(`${list}.${v}`, { defaultValue: v }))
        .join(', ');
    else if (name === 'missing')
      named[name] = text
        .split(',')
        .map((m) => t(`problems.missing.${m}`, { defaultValue: m }))
        .join(', ');
    else named[name] = DATE.test(text) ? formatLongDate(text, lang) : value;
  }
  for (const ns of REFUSAL_NAMESPACES) {
    const said = t(`${ns}.${code}`, { ...named, defaultValue: '' });
    if (typeof said === 'string' && said !== '') return said;
  }
  return null;
}
