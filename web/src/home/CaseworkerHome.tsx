import { useTranslation } from 'react-i18next';
import { AftercareSection } from '../aftercare/AftercareSection.tsx';
import { CaseList } from '../cases/CaseList.tsx';
import { DeadlineList, OverviewLoad, RecentAlarms, useCaseOverview } from '../cases/CaseOverview.tsx';

/** Caseworker: her tasks, incidents and messages first, then deadlines and alarms of her cases, then the cases. */
export function CaseworkerHome() {
  const { t } = useTranslation();
  const overview = useCaseOverview();
  return (
    <>
      <AftercareSection />
      <div className="home-grid">
        <section aria-labelledby="home-deadlines">
          <h2 id="home-deadlines">{t('case.home.deadlines')}</h2>
          {overview.data ? <DeadlineList overview={overview.data} /> : <OverviewLoad res={overview} />}
        </section>
        <section aria-labelledby="home-alarms">
          <h2 id="home-alarms">{t('case.home.alarms')}</h2>
          {overview.data ? <RecentAlarms overview={overview.data} /> : <OverviewLoad res={overview} />}
        </section>
      </div>
      <section aria-labelledby="my-cases-title" className="home-cases" data-testid="home-cases">
        <h2 id="my-cases-title">{t('aftercare.casesTitle')}</h2>
        <CaseList />
      </section>
    </>
  );
}
