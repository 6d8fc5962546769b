import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../ui/PageHeading.tsx';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <PageHeading title={t('app.notFoundTitle')}>{t('app.notFoundTitle')}</PageHeading>
      <p>{t('app.notFoundBody')}</p>
      <p>
        <Link to="/">{t('app.toHome')}</Link>
      </p>
    </section>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <PageHeading title={t('app.forbiddenTitle')}>{t('app.forbiddenTitle')}</PageHeading>
      <p>{t('app.forbiddenBody')}</p>
      <p>
        <Link to="/">{t('app.toHome')}</Link>
      </p>
    </section>
  );
}
