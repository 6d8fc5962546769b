import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** t for keys built from API codes (statuses, kinds): checked by the keys test, not by tsc. */
export type LooseT = (key: string, options?: Record<string, unknown>) => string;

export function useCaseT() {
  const { t, i18n } = useTranslation();
  return { t: t as unknown as LooseT, i18n, strictT: t as TFunction };
}
