import { Link } from 'react-router';
import { CaseList } from '../cases/CaseList.tsx';
import { DeadlineList, OverviewLoad, useCaseOverview } from '../cases/CaseOverview.tsx';
import { useCaseT } from '../cases/i18n.ts';
import { SilentDevicesWarning, silentDevices } from '../devices/SilentDevices.tsx';
import { useNow } from '../ui/time.ts';
import { useDeviceStock, useMyWork } from './queries.ts';
import { CaseloadTable, DecisionItems, TaskItems, WorkBlock } from './WorkLists.tsx';

/**
 * Coordinator: connection deadlines, requests awaiting a decision (the shelter's consent, then the decision
 * itself once every party has answered), overdue tasks,
 * caseload per caseworker, the button stock and silent buttons, then the open cases.
 */
export function CoordinatorHome() {
  const { t } = useCaseT();
  const overview = useCaseOverview();
  const work = useMyWork();
  return (
    <>
      <div className="home-grid">
        <section aria-labelledby="home-deadlines">
          <h2 id="home-deadlines">{t('case.home.deadlines')}</h2>
          {overview.data ? <DeadlineList overview={overview.data} /> : <OverviewLoad res={overview} />}
        </section>
        <WorkBlock id="home-decisions" title={t('work.decisionsAll')} work={work}>
          {(d) => <DecisionItems data={d} mineOnly={false} />}
        </WorkBlock>
        <WorkBlock id="home-overdue" title={t('work.overdueTasks')} work={work}>
          {(d) =>
            d.overdueTasks.length === 0 ? (
              <p className="muted">{t('work.noOverdueTasks')}</p>
            ) : (
              <TaskItems tasks={d.overdueTasks} showAssignee actions={false} />
            )
          }
        </WorkBlock>
      </div>
      <WorkBlock id="home-caseload" title={t('work.caseload')} work={work}>
        {(d) => <CaseloadTable data={d} />}
      </WorkBlock>
      <DeviceSummary />
      <section aria-labelledby="home-cases" className="home-cases" data-testid="home-cases">
        <h2 id="home-cases">{t('work.cases')}</h2>
        <CaseList sortByDeadline defaultOpen />
      </section>
    </>
  );
}

function DeviceSummary() {
  const { t } = useCaseT();
  const devices = useDeviceStock();
  const now = useNow(60_000);
  const list = devices.data ?? [];
  return (
    <section aria-labelledby="home-devices">
      <h2 id="home-devices">{t('work.devices')}</h2>
      <p className="device-summary">
        <span>{t('work.inStock', { count: list.filter((d) => d.state === 'in_stock').length })}</span>
        <span>{t('work.silentCount', { count: silentDevices(list, now).length })}</span>
        <Link to="/devices">{t('home.coordinatorDevices')}</Link>
      </p>
      <SilentDevicesWarning devices={list} now={now} />
    </section>
  );
}
