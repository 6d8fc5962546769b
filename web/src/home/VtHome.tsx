import { CaseList } from '../cases/CaseList.tsx';
import { useCaseT } from '../cases/i18n.ts';
import { useMyWork } from './queries.ts';
import { DecisionItems, IntakeItems, TaskItems, WorkBlock } from './WorkLists.tsx';

/** Veilig Thuis: referrals and screening, decisions awaiting VT's consent, VT's tasks, then the cases. */
export function VtHome() {
  const { t } = useCaseT();
  const work = useMyWork();
  return (
    <>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('work.vtIntro')}</p>
      <div className="home-grid">
        <WorkBlock id="home-intake" title={t('work.intake')} work={work}>
          {(d) => <IntakeItems data={d} />}
        </WorkBlock>
        <WorkBlock id="home-decisions" title={t('work.decisions')} work={work}>
          {(d) => <DecisionItems data={d} mineOnly />}
        </WorkBlock>
        <WorkBlock id="home-tasks" title={t('work.tasksOrg')} work={work}>
          {(d) => <TaskItems tasks={d.tasks} />}
        </WorkBlock>
      </div>
      <section aria-labelledby="home-cases" className="home-cases" data-testid="home-cases">
        <h2 id="home-cases">{t('work.ourCases')}</h2>
        <CaseList defaultOpen />
      </section>
    </>
  );
}
