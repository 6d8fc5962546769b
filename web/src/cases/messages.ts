import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';
import { problemMessage } from '../ui/problem.ts';
import type { LooseT } from './i18n.ts';

/** A failed save in words: a stale edit and an upload refusal get their own Dutch text. */
export function saveError(err: unknown, t: LooseT): string {
  if (err instanceof ApiError) {
    if (err.status === 409 && err.problem?.errors?.some((e) => e.field === 'version'))
      return t('case.errors.stale');
    if (err.status === 413) return t('case.documents.errors.tooLarge');
    if (err.status === 415) return t('case.documents.errors.type');
    if (err.status === 403 && (err.problem?.code ?? 'forbidden') === 'forbidden')
      return t('case.errors.forbidden');
  }
  return problemMessage(err, t as unknown as TFunction);
}
