import { useTranslation } from 'react-i18next';

/** The Dutch/English label of an outcome code; unknown codes are shown as they are. */
export function OutcomeText({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  return <>{t(`outcomes.${outcome}` as 'outcomes.other', { defaultValue: outcome })}</>;
}
