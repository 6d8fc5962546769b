import { useTranslation } from 'react-i18next';

/** Placeholder: aggregate figures only, never personal data. */
export function FunderHome() {
  const { t } = useTranslation();
  return (
    <div className="panel">
      <p className="lead">{t('home.funderIntro')}</p>
      <p>{t('home.funderPrivacy')}</p>
      <p className="muted">{t('home.funderSoon')}</p>
    </div>
  );
}
