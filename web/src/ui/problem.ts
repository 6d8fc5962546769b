import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

/** Human message for a failed request: the server's `detail` where given, else a generic text. */
export function problemMessage(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    if (err.isNetwork) return t('errors.network');
    return err.problem?.detail || err.problem?.title || t('errors.generic');
  }
  return t('errors.generic');
}
