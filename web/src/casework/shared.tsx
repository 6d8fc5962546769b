import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { refusalText } from '../api/refusal-text.ts';
import { type LooseT, useCaseT } from '../cases/i18n.ts';
import { saveError } from '../cases/messages.ts';
import { dutchToday } from '../ui/dutch-date.ts';

export { useCaseT as useCwT };

export const todayIso = () => dutchToday();

/** Splits a textarea into its non-empty lines (one plan item per line). */
export const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The server's field errors in the reader's language, by their code (server/src/refusals.ts); dates in the
 * reader's notation. A refusal without a text keeps the server's words.
 */
export function refusalTexts(err: ApiError, t: LooseT, lang: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of err.problem?.errors ?? []) {
    if (e.field in out) continue;
    out[e.field] = (e.code && refusalText(e.code, e.params, t, lang)) || e.message;
  }
  return out;
}

/**
 * Runs a save and keeps what went wrong: a general message (Dutch text for a stale edit) and the server's
 * field errors, keyed by field, so each input can show its own.
 */
export function useSave(t: LooseT) {
  const { i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<unknown>, done?: () => void): Promise<boolean> {
    setBusy(true);
    try {
      await action();
      setError(null);
      setFields({});
      done?.();
      return true;
    } catch (err) {
      const stale =
        err instanceof ApiError &&
        err.status === 409 &&
        err.problem?.errors?.some((e) => e.field === 'baseVersion');
      const coded = err instanceof ApiError && (err.problem?.errors ?? []).some((e) => e.code);
      setError(stale ? t('casework.errors.stale') : coded ? t('errors.fieldsIntro') : saveError(err, t));
      setFields(err instanceof ApiError ? refusalTexts(err, t, i18n.resolvedLanguage ?? 'nl') : {});
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { error, fields, busy, run, setFields };
}
