import { useTranslation } from 'react-i18next';
import { Link } from '../app/router.tsx';
import { CaseList } from '../cases/CaseList.tsx';
import { DeadlineList, OverviewLoad, useCaseOverview } from '../cases/CaseOverview.tsx';

/** Coordinator: the organisation's connection deadlines first, then all its cases. */
export function CoordinatorHome() {
  const { t } = useTranslation();
  const overview = useCaseOverview();
  return (
    <>
      <section aria-labelledby="home-deadlines">
        <h2 id="home-deadlines">{t('case.home.deadlines')}</h2>
        {overview.data ? <DeadlineList overview={overview.data} /> : <OverviewLoad res={overview} />}
      </section>
      <CaseList sortByDeadline />
      <p className="page__aside">
        <Link to="/devices">{t('home.coordinatorDevices')}</Link>
      </p>
    </>
  );
}
