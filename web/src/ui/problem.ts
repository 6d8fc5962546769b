import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

/** Parameters of a refusal that are codes, and the i18n list that names them. */
const CODE_LISTS: Record<string, string> = { from: 'case.statuses', to: 'case.statuses' };

/**
 * Human message for a failed request, in the reader's language: the server's code where it gives one
 * (`problems.<code>`), else by status; the English `detail` only where neither says more.
 */
export function problemMessage(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return t('errors.generic');
  if (err.isNetwork) return t('errors.network');
  const p = err.problem;
  const coded = p?.code ? codedMessage(p.code, p.params ?? {}, t) : null;
  if (coded) return coded;
  if (err.status === 403) return t('problems.forbidden');
  if (err.status === 404) return t('problems.notFound');
  return p?.detail || p?.title || t('errors.generic');
}

function codedMessage(code: string, params: Record<string, string | number>, t: TFunction): string | null {
  const loose = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const named: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    const list = CODE_LISTS[name];
    if (list) named[name] = loose(`${list}.${value}`, { defaultValue: String(value) });
    else if (name === 'missing')
      named[name] = String(value)
        .split(',')
        .map((m) => loose(`problems.missing.${m}`, { defaultValue: m }))
        .join(', ');
    else named[name] = value;
  }
  const text = loose(`problems.${code}`, { ...named, defaultValue: '' });
  return text || null;
}
