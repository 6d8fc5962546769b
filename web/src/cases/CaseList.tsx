import { useState } from 'react';
import { query } from '../api/client.ts';
import type { CaseSummary } from '../api/types.ts';
import { Link } from '../app/router.tsx';
import { Field } from '../ui/Field.tsx';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { formatDate } from '../ui/time.ts';
import { useApi } from '../ui/useApi.ts';
import { useCaseT } from './i18n.ts';

const DAY = 24 * 60 * 60 * 1000;
const DUE_SOON_DAYS = 3;

export type DeadlineUrgency = 'overdue' | 'soon' | 'later' | 'none';

export function deadlineUrgency(deadline: string | null, now: number): DeadlineUrgency {
  if (!deadline) return 'none';
  const at = Date.parse(deadline);
  if (!Number.isFinite(at)) return 'none';
  if (at < now) return 'overdue';
  if (at - now <= DUE_SOON_DAYS * DAY) return 'soon';
  return 'later';
}

export function sortCasesByDeadline(cases: readonly CaseSummary[]): CaseSummary[] {
  const key = (c: CaseSummary) =>
    c.connectionDeadline ? Date.parse(c.connectionDeadline) : Number.POSITIVE_INFINITY;
  return [...cases].sort((a, b) => key(a) - key(b) || a.reference.localeCompare(b.reference));
}

const STATUSES = [
  'referral',
  'screening',
  'decision',
  'connecting',
  'active',
  'evaluation',
  'rejected',
  'closed',
];

/** The cases the caller may see, filterable by status, with the connection deadline marked. */
export function CaseList({ sortByDeadline = false }: { sortByDeadline?: boolean }) {
  const { t } = useCaseT();
  const [status, setStatus] = useState('');
  return (
    <div className="case-list">
      <div className="case-list__tools">
        <Field id="case-status-filter" label={t('case.list.filter')}>
          {(p) => (
            <select {...p} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t('case.list.all')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`case.statuses.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Link to="/cases/new" className="button">
          {t('case.list.newReferral')}
        </Link>
      </div>
      <CaseTable status={status} sortByDeadline={sortByDeadline} />
    </div>
  );
}

function CaseTable({ status, sortByDeadline }: { status: string; sortByDeadline: boolean }) {
  const { t, i18n } = useCaseT();
  const { data, error, loading, reload } = useApi<CaseSummary[]>(`/cases${query({ status })}`);
  const lang = i18n.resolvedLanguage ?? 'nl';

  if (!data) return <LoadState loading={loading} error={error} onRetry={reload} />;
  if (data.length === 0) return <EmptyState title={t('cases.empty')} />;

  const rows = sortByDeadline ? sortCasesByDeadline(data) : data;
  const now = Date.now();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('cases.listLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.reference')}</th>
            <th scope="col">{t('cases.status')}</th>
            <th scope="col">{t('cases.targetGroup')}</th>
            <th scope="col">{t('cases.region')}</th>
            <th scope="col">{t('cases.caseworker')}</th>
            <th scope="col">{t('cases.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const urgency = deadlineUrgency(c.connectionDeadline, now);
            return (
              <tr key={c.id}>
                <th scope="row" className="mono">
                  <Link to={`/cases/${c.id}`}>{c.reference}</Link>
                </th>
                <td>{t(`case.statuses.${c.status}`, { defaultValue: c.status })}</td>
                <td>
                  {t(`cases.targetGroups.${c.targetGroup}` as 'cases.targetGroups.stalking', {
                    defaultValue: c.targetGroup,
                  })}
                </td>
                <td>{c.regionName ?? ''}</td>
                <td>{c.caseworkerName ?? ''}</td>
                <td>
                  {c.connectionDeadline ? (
                    <span className={`deadline deadline--${urgency}`}>
                      {formatDate(c.connectionDeadline, lang)}
                      {urgency === 'overdue' && <span className="tag tag--warn">{t('cases.overdue')}</span>}
                      {urgency === 'soon' && <span className="tag tag--attention">{t('cases.dueSoon')}</span>}
                    </span>
                  ) : (
                    t('cases.noDeadline')
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
