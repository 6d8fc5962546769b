import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { type LooseT, useCaseT } from '../cases/i18n.ts';
import { saveError } from '../cases/messages.ts';

export { useCaseT as useCwT };

export const todayIso = () => new Date().toLocaleDateString('en-CA');

/** Splits a textarea into its non-empty lines (one plan item per line). */
export const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Runs a save and keeps what went wrong: a general message (Dutch text for a stale edit) and the server's
 * field errors, keyed by field, so each input can show its own.
 */
export function useSave(t: LooseT) {
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
      setError(stale ? t('casework.errors.stale') : saveError(err, t));
      setFields(err instanceof ApiError ? err.fieldErrors() : {});
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { error, fields, busy, run, setFields };
}
