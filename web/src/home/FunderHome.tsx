import { useTranslation } from 'react-i18next';
import { FiguresDashboard } from '../figures/FiguresDashboard.tsx';

/** The funder's home: the region's figures, aggregates only (small cells shown as "< 5"). */
export function FunderHome() {
  const { t } = useTranslation();
  return (
    <div>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('figures.intro')}</p>
      <FiguresDashboard basePath="/" />
    </div>
  );
}
