import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CaseList } from '../cases/CaseList.tsx';
import { useCaseT } from '../cases/i18n.ts';
import { useMyWork } from './queries.ts';
import { DecisionItems, SignalementItems, TaskItems, WorkBlock } from './WorkLists.tsx';

/**
 * The police stalking contact: the police tasks (flag on person and address, STOP talk, or why not),
 * the decisions awaiting the police's consent, the signalementen received and the cases the police take part in.
 * The control room's alarm view is a home page of its own.
 */
export function PoliceHome() {
  const { t } = useCaseT();
  const work = useMyWork();
  const { t: tMain } = useTranslation();
  return (
    <>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('work.policeIntro')}</p>
      {/* the alarms handed to the police, with their evidence for the investigation */}
      <p>
        <Link to="/alarms/history">{tMain('console.historyLink')}</Link>
      </p>
      <div className="home-grid">
        <WorkBlock id="home-tasks" title={t('work.tasksOrg')} work={work}>
          {(d) => <TaskItems tasks={d.tasks} />}
        </WorkBlock>
        <WorkBlock id="home-decisions" title={t('work.decisions')} work={work}>
          {(d) => <DecisionItems data={d} mineOnly />}
        </WorkBlock>
        <WorkBlock id="home-signalements" title={t('work.signalements')} work={work}>
          {(d) => <SignalementItems data={d} />}
        </WorkBlock>
      </div>
      <section aria-labelledby="home-cases" className="home-cases" data-testid="home-cases">
        <h2 id="home-cases">{t('work.ourCases')}</h2>
        <CaseList defaultOpen />
      </section>
    </>
  );
}
