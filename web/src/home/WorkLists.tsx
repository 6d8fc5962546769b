import './work.css';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { API_BASE } from '../api/client.ts';
import { useCaseT } from '../cases/i18n.ts';
import { saveError } from '../cases/messages.ts';
import { ErrorRegion } from '../ui/Alert.tsx';
import { Field } from '../ui/Field.tsx';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { formatDate } from '../ui/time.ts';
import { type MyWork, type MyWorkResource, useCaseTaskStep, type WorkTask } from './queries.ts';
import { type SkipForm, skipBody } from './task-bodies.ts';

/** Tasks the caller may report as not done, with the reason. */
const SKIPPABLE = new Set(['police_stop_talk']);

/** One titled block of a home page; shows the load state until the work is in. */
export function WorkBlock({
  id,
  title,
  work,
  children,
}: {
  id: string;
  title: string;
  work: MyWorkResource;
  children: (data: MyWork) => React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {work.data ? (
        children(work.data)
      ) : (
        <LoadState
          loading={work.isFetching}
          error={work.error ?? undefined}
          onRetry={() => void work.refetch()}
        />
      )}
    </section>
  );
}

function CaseLink({ id, reference, tab }: { id: string; reference: string; tab?: string }) {
  return (
    <Link to={`/cases/${id}${tab ? `#${tab}` : ''}`} className="mono">
      {reference}
    </Link>
  );
}

/**
 * What the task is, in the reader's language: the name of a task the platform makes (police flag, STOP
 * talk, after-care), or the words of a task agreed in a meeting (`written`: as a person wrote them).
 */
function taskTitle(
  task: WorkTask,
  t: ReturnType<typeof useCaseT>['t'],
  has: (key: string) => boolean,
): { title: string; written: boolean } {
  const named = has(`case.taskKinds.${task.kind}`);
  // an agreement's own words say more than "Taakafspraak"
  if (task.description && (!named || task.kind === 'agreement' || task.kind === 'other'))
    return { title: task.description, written: true };
  if (named) return { title: t(`case.taskKinds.${task.kind}`), written: false };
  return {
    title: t(`casework.network.taskKinds.${task.kind}`, {
      defaultValue: t('casework.network.taskKinds.agreement'),
    }),
    written: false,
  };
}

/** Open tasks, soonest first, each with "Afronden" (and "Niet gevoerd" with a reason for the STOP talk). */
export function TaskItems({
  tasks,
  showAssignee = false,
  actions = true,
}: {
  tasks: WorkTask[];
  showAssignee?: boolean;
  actions?: boolean;
}) {
  const { t } = useCaseT();
  if (tasks.length === 0) return <EmptyState title={t('work.noTasks')} />;
  return (
    <ul className="home-list work-tasks">
      {tasks.map((task) => (
        <TaskItem key={task.id} task={task} showAssignee={showAssignee} actions={actions} />
      ))}
    </ul>
  );
}

function TaskItem({
  task,
  showAssignee,
  actions,
}: {
  task: WorkTask;
  showAssignee: boolean;
  actions: boolean;
}) {
  const { t, i18n } = useCaseT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const [skipping, setSkipping] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const taskStep = useCaseTaskStep();
  const busy = taskStep.isPending;
  const { title, written } = taskTitle(task, t, (key) => i18n.exists(key));
  const who = task.assigneeName ?? task.organisationName;
  const form = useForm<SkipForm>({
    defaultValues: { reason: '' },
    reValidateMode: 'onSubmit',
    resolver: withRules(bodyResolver('POST /api/v1/case-tasks/{id}/skip', { toBody: skipBody }), (v) => ({
      reason: v.reason.trim().length < 3 ? t('work.reasonRequired') : undefined,
    })),
  });

  function run(request: Parameters<typeof taskStep.mutate>[0]) {
    setError(null);
    taskStep.mutate(request, { onError: (err) => setError(saveError(err, t)) });
  }
  const skip = form.handleSubmit((values) => run({ id: task.id, step: 'skip', body: skipBody(values) }));
  return (
    <li data-task={title}>
      <CaseLink id={task.caseId} reference={task.reference} tab={task.fromMeeting ? 'network' : undefined} />{' '}
      — <span translate={written ? 'no' : undefined}>{title}</span>,{' '}
      {t('work.due', { date: formatDate(task.dueAt, lang) })}{' '}
      {task.overdue && (
        <span className="utrecht-status-badge utrecht-status-badge--warning">{t('work.overdue')}</span>
      )}
      {showAssignee && who && <span className="muted"> {t('work.assignedTo', { name: who })}</span>}
      {task.fromMeeting && <span className="muted"> · {t('work.fromMeeting')}</span>}
      {actions && !skipping && (
        <span className="work-actions">
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={busy}
            onClick={() => run({ id: task.id, step: 'done' })}
          >
            {t('work.done')}
          </button>
          {SKIPPABLE.has(task.kind) && (
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              onClick={() => setSkipping(true)}
            >
              {t('work.skip')}
            </button>
          )}
        </span>
      )}
      {skipping && (
        <form className="inline-form" noValidate onSubmit={skip}>
          <Field
            id={`skip-${task.id}`}
            label={t('work.skipReason')}
            hint={t('work.skipReasonHint')}
            error={form.formState.errors.reason?.message}
          >
            {(p) => <textarea {...p} rows={2} maxLength={500} {...form.register('reason')} />}
          </Field>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
            {t('work.skipSave')}
          </button>{' '}
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle"
            onClick={() => setSkipping(false)}
          >
            {t('work.skipCancel')}
          </button>
        </form>
      )}
      <ErrorRegion message={error} />
    </li>
  );
}

/** Cases awaiting the joint decision; with `mineOnly` just those awaiting the caller's organisation. */
export function DecisionItems({ data, mineOnly }: { data: MyWork; mineOnly: boolean }) {
  const { t, i18n } = useCaseT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const rows = mineOnly ? data.decisions.filter((d) => d.awaitingMine) : data.decisions;
  if (rows.length === 0)
    return <EmptyState title={mineOnly ? t('work.noDecisions') : t('work.noDecisionsAll')} />;
  return (
    <ul className="home-list" data-testid="decisions">
      {rows.map((d) => (
        <li key={d.caseId}>
          <CaseLink id={d.caseId} reference={d.reference} tab="screening" /> —{' '}
          {t(`case.targetGroups.${d.targetGroup}`)},{' '}
          {t('work.referredOn', { date: formatDate(d.referredAt, lang) })}
          {'. '}
          {t('work.agreedSoFar', { count: d.agreed.length, total: d.requiredCount })}
          {d.agreed.length > 0 && (
            <span className="muted">
              {' '}
              ({t('work.agreedBy', { names: d.agreed.map((a) => a.name).join(', ') })})
            </span>
          )}{' '}
          {d.awaitingMine && (
            <span className="utrecht-status-badge utrecht-status-badge--active">
              {t('work.waitingForYou')}
            </span>
          )}
          {d.agreed.length >= d.requiredCount && (
            <span className="utrecht-status-badge utrecht-status-badge--success">
              {t('work.allAnswered')}
            </span>
          )}{' '}
          <Link
            to={`/cases/${d.caseId}#screening`}
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          >
            {t('work.toDecision')}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function IntakeItems({ data }: { data: MyWork }) {
  const { t, i18n } = useCaseT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  if (data.intake.length === 0) return <EmptyState title={t('work.noIntake')} />;
  return (
    <ul className="home-list" data-testid="intake">
      {data.intake.map((c) => (
        <li key={c.caseId}>
          <CaseLink
            id={c.caseId}
            reference={c.reference}
            tab={c.status === 'screening' ? 'screening' : undefined}
          />{' '}
          — <span className="utrecht-status-badge">{t(`case.statuses.${c.status}`)}</span>{' '}
          {t(`case.targetGroups.${c.targetGroup}`)},{' '}
          {t('work.referredOn', { date: formatDate(c.referredAt, lang) })}
        </li>
      ))}
    </ul>
  );
}

export function SignalementItems({ data }: { data: MyWork }) {
  const { t, i18n } = useCaseT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  if (data.signalements.length === 0) return <EmptyState title={t('work.noSignalements')} />;
  return (
    <ul className="home-list" data-testid="signalements">
      {data.signalements.map((s) => (
        <li key={s.caseId}>
          <CaseLink id={s.caseId} reference={s.reference} /> — {t(`case.statuses.${s.status}`)},{' '}
          {t('work.signalementOn', { date: formatDate(s.sentAt, lang) })} ·{' '}
          <a href={`${API_BASE}/cases/${s.caseId}/signalement/pdf`} download>
            {t('case.connection.signalementPdf')}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function MeetingItems({ data }: { data: MyWork }) {
  const { t, i18n } = useCaseT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  if (data.meetings.length === 0) return <EmptyState title={t('work.noMeetings')} />;
  return (
    <ul className="home-list" data-testid="meetings">
      {data.meetings.map((m) => (
        <li key={m.id}>
          <CaseLink id={m.caseId} reference={m.reference} tab="network" /> —{' '}
          {t('work.meetingLine', {
            kind: t(`work.meetingKinds.${m.kind}`, { defaultValue: t('work.meetingKinds.other') }),
            date: formatDate(m.heldOn, lang),
          })}
          , {t('work.meetingTasks', { open: m.tasksOpen, done: m.tasksDone })}
        </li>
      ))}
    </ul>
  );
}

export function CaseloadTable({ data }: { data: MyWork }) {
  const { t } = useCaseT();
  if (data.caseload.length === 0) return <EmptyState title={t('work.noCaseload')} />;
  return (
    <div className="panel table-wrap">
      <table className="utrecht-table" data-testid="caseload">
        <caption className="visually-hidden">{t('work.caseloadCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('work.caseworker')}</th>
            <th scope="col" className="num">
              {t('work.connecting')}
            </th>
            <th scope="col" className="num">
              {t('work.active')}
            </th>
            <th scope="col" className="num">
              {t('work.evaluation')}
            </th>
            <th scope="col" className="num">
              {t('work.overdueCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.caseload.map((c) => (
            <tr key={c.userId}>
              <th scope="row">{c.name}</th>
              <td className="num">{c.connecting}</td>
              <td className="num">{c.active}</td>
              <td className="num">{c.evaluation}</td>
              <td className="num">
                {c.overdueTasks > 0 ? (
                  <span className="utrecht-status-badge utrecht-status-badge--warning">{c.overdueTasks}</span>
                ) : (
                  0
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
