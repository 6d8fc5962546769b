import { useTranslation } from 'react-i18next';
import { PageHeading } from '../ui/PageHeading.tsx';
import { FiguresDashboard } from './FiguresDashboard.tsx';

/** /figures: the region dashboard for the team lead (and the funder). */
export function FiguresPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <div className="page__head">
        <PageHeading title={t('figures.title')}>{t('figures.title')}</PageHeading>
      </div>
      <FiguresDashboard basePath="/figures" />
    </section>
  );
}
