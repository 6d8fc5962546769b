import { CaseList } from '../cases/CaseList.tsx';
import { useCaseT } from '../cases/i18n.ts';
import { useMyWork } from './queries.ts';
import { DecisionItems, IntakeItems, WorkBlock } from './WorkLists.tsx';

/** The indication committee member: the requests awaiting a decision, those still in screening, the cases. */
export function CommitteeHome() {
  const { t } = useCaseT();
  const work = useMyWork();
  return (
    <>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('work.committeeIntro')}</p>
      <div className="home-grid">
        <WorkBlock id="home-decisions" title={t('work.decisionsAll')} work={work}>
          {(d) => <DecisionItems data={d} mineOnly={false} />}
        </WorkBlock>
        <WorkBlock id="home-intake" title={t('work.intake')} work={work}>
          {(d) => <IntakeItems data={d} />}
        </WorkBlock>
      </div>
      <section aria-labelledby="home-cases" className="home-cases" data-testid="home-cases">
        <h2 id="home-cases">{t('work.cases')}</h2>
        <CaseList defaultOpen />
      </section>
    </>
  );
}
