import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { type LooseT, useCaseT } from '../cases/i18n.ts';
import { saveError } from '../cases/messages.ts';
import { formatDate } from '../ui/time.ts';

export { useCaseT as useCwT };

export const todayIso = () => new Date().toLocaleDateString('en-CA');

/** Splits a textarea into its non-empty lines (one plan item per line). */
export const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Values of a refusal that are dates (YYYY-MM-DD) are shown in the reader's notation. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The server's field errors in the reader's language: a refusal with a code (the plausibility rules) is
 * rendered from `casework.refusals`; one without keeps the server's words.
 */
export function refusalTexts(err: ApiError, t: LooseT, lang: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of err.problem?.errors ?? []) {
    if (e.field in out) continue;
    if (!e.code) {
      out[e.field] = e.message;
      continue;
    }
    const params = Object.fromEntries(
      Object.entries(e.params ?? {}).map(([k, v]) => [k, DATE.test(v) ? formatDate(v, lang) : v]),
    );
    const text = t(`casework.refusals.${e.code}`, params);
    out[e.field] = text === `casework.refusals.${e.code}` ? e.message : text;
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
