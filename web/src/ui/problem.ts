import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';
import { refusalText } from '../api/refusal-text.ts';

/**
 * Human message for a failed request, in the reader's language: the server's code where it gives one
 * (server/src/refusals.ts), else by status. The server's English `detail` is never shown.
 */
export function problemMessage(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return t('errors.generic');
  if (err.isNetwork) return t('errors.network');
  const p = err.problem;
  const loose = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const coded = p?.code ? refusalText(p.code, p.params ?? {}, loose) : null;
  if (coded) return coded;
  if (err.status === 401) return t('problems.unauthorized');
  if (err.status === 403) return t('problems.forbidden');
  if (err.status === 404) return t('problems.notFound');
  if (err.status === 429) return t('problems.tooManyRequests');
  if (err.status === 400 && p?.errors?.length) return t('problems.invalidFields');
  return t('errors.generic');
}
