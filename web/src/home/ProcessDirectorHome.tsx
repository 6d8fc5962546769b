import { CaseList } from '../cases/CaseList.tsx';
import { useCaseT } from '../cases/i18n.ts';
import { useMyWork } from './queries.ts';
import { MeetingItems, TaskItems, WorkBlock } from './WorkLists.tsx';

/** The process director: network meetings and their task agreements across cases, own tasks, the cases. */
export function ProcessDirectorHome() {
  const { t } = useCaseT();
  const work = useMyWork();
  return (
    <>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('work.directorIntro')}</p>
      <div className="home-grid">
        <WorkBlock id="home-meetings" title={t('work.meetings')} work={work}>
          {(d) => <MeetingItems data={d} />}
        </WorkBlock>
        <WorkBlock id="home-agreements" title={t('work.meetingAgreements')} work={work}>
          {(d) =>
            d.meetingTasks.length === 0 ? (
              <p className="muted">{t('work.noMeetingAgreements')}</p>
            ) : (
              <TaskItems tasks={d.meetingTasks} showAssignee actions={false} />
            )
          }
        </WorkBlock>
        <WorkBlock id="home-tasks" title={t('work.tasks')} work={work}>
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
