import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OutcomeText } from '../alarms/OutcomeText.tsx';
import type { AftercareTask } from '../api/contract.ts';
import { deadlineUrgency } from '../cases/CaseList.tsx';
import { ErrorRegion, StatusRegion } from '../ui/Alert.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { problemMessage } from '../ui/problem.ts';
import { formatDate, formatDateTime } from '../ui/time.ts';
import { sortTasks } from './labels.ts';
import { NotificationList } from './NotificationList.tsx';
import { useIncidents, useOpenTasks, useTaskDone } from './queries.ts';
import './aftercare.css';
import { TaskText, taskText } from '../cases/CaseOverview.tsx';
import type { LooseT } from '../cases/i18n.ts';

/** The caseworker's own work first: her open tasks (after-care and agreements), recent incidents, messages. */
export function AftercareSection() {
  const { t } = useTranslation();
  return (
    <section className="aftercare" aria-labelledby="aftercare-title">
      <h2 id="aftercare-title">{t('aftercare.title')}</h2>
      <div className="aftercare__grid">
        <TaskList />
        <IncidentList />
      </div>
      <NotificationList />
    </section>
  );
}

function TaskList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const tasks = useOpenTasks();
  const { data } = tasks;
  const markDone = useTaskDone();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function done(task: AftercareTask) {
    setBusy(task.id);
    setFailure(null);
    setNotice(null);
    try {
      await markDone.mutateAsync(task);
      setNotice(
        t('aftercare.taskDone', {
          task: taskText(task, t as unknown as LooseT),
          reference: task.caseReference,
        }),
      );
    } catch (err) {
      setFailure(problemMessage(err, t));
    } finally {
      setBusy(null);
    }
  }

  const now = Date.now();
  return (
    <section className="panel aftercare__block" aria-labelledby="tasks-title">
      <h3 id="tasks-title">
        {t('aftercare.tasksTitle')}
        {data && data.length > 0 && <span className="utrecht-badge-counter">{data.length}</span>}
      </h3>
      <StatusRegion message={notice} />
      <ErrorRegion message={failure} />
      {!data ? (
        <LoadState
          loading={tasks.isFetching}
          error={tasks.error ?? undefined}
          onRetry={() => void tasks.refetch()}
        />
      ) : data.length === 0 ? (
        <p className="muted">{t('aftercare.noTasks')}</p>
      ) : (
        <ul className="plain-list task-list">
          {sortTasks(data).map((task) => {
            const urgency = deadlineUrgency(task.dueAt, now);
            return (
              <li key={task.id} className="task" data-task-kind={task.kind} data-task-id={task.id}>
                <div className="task__text">
                  <span
                    className="task__title"
                    id={`task-${task.id}-title`}
                    translate={(task.kind as string) === 'agreement' ? 'no' : undefined}
                  >
                    <TaskText task={task} t={t as unknown as LooseT} />
                  </span>
                  <span className="task__meta">
                    <Link to={`/cases/${task.caseId}`} className="mono">
                      {task.caseReference}
                    </Link>
                    {task.dueAt && (
                      <>
                        {' · '}
                        {t('aftercare.due', { date: formatDate(task.dueAt, lang) })}
                        {urgency === 'overdue' && (
                          <span className="utrecht-status-badge utrecht-status-badge--warning">
                            {t('work.overdue')}
                          </span>
                        )}
                        {urgency === 'soon' && (
                          <span className="utrecht-status-badge utrecht-status-badge--active">
                            {t('cases.dueSoon')}
                          </span>
                        )}
                      </>
                    )}
                  </span>
                </div>
                <button
                  type="button"
                  className="utrecht-button utrecht-button--secondary-action"
                  disabled={busy === task.id}
                  aria-describedby={`task-${task.id}-title`}
                  onClick={() => void done(task)}
                >
                  {t('aftercare.markDone')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function IncidentList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const incidents = useIncidents();
  const { data } = incidents;
  const rows = data
    ? [...data].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt))
    : undefined;
  return (
    <section className="panel aftercare__block" aria-labelledby="incidents-title">
      <h3 id="incidents-title">{t('aftercare.incidentsTitle')}</h3>
      {!rows ? (
        <LoadState
          loading={incidents.isFetching}
          error={incidents.error ?? undefined}
          onRetry={() => void incidents.refetch()}
        />
      ) : rows.length === 0 ? (
        <p className="muted">{t('aftercare.noIncidents')}</p>
      ) : (
        <ul className="plain-list incident-list">
          {rows.map((i) => (
            <li key={i.id} className="incident" data-incident-id={i.id}>
              <span className="incident__head">
                <span className="mono">{i.caseReference}</span>
                <time dateTime={i.occurredAt} className="tabular">
                  {formatDateTime(i.occurredAt, lang)}
                </time>
                {i.outcome && (
                  <span className="utrecht-status-badge">
                    <OutcomeText outcome={i.outcome} />
                  </span>
                )}
              </span>
              {/* after an alarm the outcome above says what happened; the operator's note is what she wrote */}
              {i.alarmId ? (
                i.note && (
                  <span className="incident__summary" translate="no">
                    {i.note}
                  </span>
                )
              ) : (
                <span className="incident__summary">{i.summary}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
