import { useMemo } from 'react';
import { ApiError } from '../api/client.ts';
import { refusalText } from '../api/refusal-text.ts';
import { type LooseT, useCaseT } from '../cases/i18n.ts';
import { saveError } from '../cases/messages.ts';
import { dutchToday } from '../ui/dutch-date.ts';

export { useCaseT as useCwT };

export const todayIso = () => dutchToday();

/**
 * The server's field errors in the reader's language, by their code (server/src/refusals.ts); dates in the
 * reader's notation. A refusal without a text keeps the server's words. Keyed by form field name: the
 * server's "tasks/0/description" is the form's "tasks.0.description".
 */
export function refusalTexts(err: ApiError, t: LooseT, lang: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of err.problem?.errors ?? []) {
    const field = e.field.replaceAll('/', '.');
    if (field in out) continue;
    out[field] = (e.code && refusalText(e.code, e.params, t, lang)) || e.message;
  }
  return out;
}

export interface Refusal {
  /** the general message: a stale edit, "see the fields below", or why the save failed */
  message: string | null;
  /** the server's messages by form field name, so each input can show its own */
  fields: Record<string, string>;
}

/** What a failed save says: a stale edit in its own words, else the server's refusal. */
export function refusalOf(err: unknown, t: LooseT, lang: string): Refusal {
  if (!err) return { message: null, fields: {} };
  const stale =
    err instanceof ApiError &&
    err.status === 409 &&
    err.problem?.errors?.some((e) => e.field === 'baseVersion');
  const coded = err instanceof ApiError && (err.problem?.errors ?? []).some((e) => e.code);
  return {
    message: stale ? t('casework.errors.stale') : coded ? t('errors.fieldsIntro') : saveError(err, t),
    fields: err instanceof ApiError ? refusalTexts(err, t, lang) : {},
  };
}

/** What a failed save (a mutation's error) says, in the reader's language. */
export function useRefusal(err: unknown): Refusal {
  const { t, i18n } = useCaseT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  return useMemo(() => refusalOf(err, t, lang), [err, t, lang]);
}

/** LoadState's props for a query: its spinner while fetching, its error with a retry. */
export function loadStateOf(query: { isFetching: boolean; error: unknown; refetch: () => unknown }) {
  return {
    loading: query.isFetching,
    error: query.error instanceof ApiError ? query.error : undefined,
    onRetry: () => void query.refetch(),
  };
}
