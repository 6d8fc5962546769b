import { Link } from 'react-router';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { formatDate, formatDateTime } from '../ui/time.ts';
import { DeadlineBadge, deadlineUrgency } from './CaseList.tsx';
import { type LooseT, useCaseT } from './i18n.ts';
import type { CaseOverviewData, useCaseOverview } from './queries.ts';
import { serverText } from './serverText.ts';

/** The homes read the overview from here, beside the lists that show it. */
export { type CaseOverviewData, useCaseOverview } from './queries.ts';

/** Connection deadlines of cases still connecting, soonest first, with overdue/soon marks. */
export function DeadlineList({ overview }: { overview: CaseOverviewData }) {
  const { t, i18n } = useCaseT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const now = Date.now();
  if (overview.deadlines.length === 0) return <EmptyState title={t('case.home.noDeadlines')} />;
  return (
    <ul className="home-list" data-testid="deadlines">
      {overview.deadlines.map((d) => {
        const urgency = deadlineUrgency(d.connectionDeadline, now);
        return (
          <li key={d.id}>
            <Link to={`/cases/${d.id}`} className="mono">
              {d.reference}
            </Link>{' '}
            — {t('case.home.connectBy')} <strong>{formatDate(d.connectionDeadline, lang)}</strong>{' '}
            <DeadlineBadge urgency={urgency} t={t} />{' '}
            <span className="muted">{d.caseworkerName ?? t('case.home.noCaseworker')}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** A task in the reader's language: its kind's name; a meeting's agreement says what was agreed. */
export function taskText(task: { kind: string; description?: string | null }, t: LooseT): string {
  if (task.kind === 'agreement' && task.description) return task.description;
  return t(`case.taskKinds.${task.kind}`, { defaultValue: task.description ?? t('case.taskKinds.other') });
}

/** The task's name; where that is a person's own words, marked so as words not to translate. */
export function TaskText({ task, t }: { task: { kind: string; description?: string | null }; t: LooseT }) {
  const text = taskText(task, t);
  return <span translate={text === task.description ? 'no' : undefined}>{text}</span>;
}

export function RecentAlarms({ overview }: { overview: CaseOverviewData }) {
  const { t, i18n } = useCaseT();
  const lang = i18n.resolvedLanguage ?? 'nl';
  if (overview.alarms.length === 0) return <EmptyState title={t('case.home.noAlarms')} />;
  return (
    <ul className="home-list">
      {overview.alarms.map((a) => (
        <li key={a.id}>
          <Link to={`/cases/${a.caseId}#timeline`} className="mono">
            {a.reference}
          </Link>{' '}
          — {formatDateTime(a.at, lang)}: {serverText(a, t, lang)}
        </li>
      ))}
    </ul>
  );
}

export function OverviewLoad({ res }: { res: ReturnType<typeof useCaseOverview> }) {
  return (
    <LoadState loading={res.isFetching} error={res.error ?? undefined} onRetry={() => void res.refetch()} />
  );
}
