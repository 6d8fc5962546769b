import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../api/types.ts';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { formatDate } from '../ui/time.ts';
import { useApi } from '../ui/useApi.ts';

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

export function CaseList({ sortByDeadline = false }: { sortByDeadline?: boolean }) {
  const { t, i18n } = useTranslation();
  const { data, error, loading, reload } = useApi<CaseSummary[]>('/cases');
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
                  {c.reference}
                </th>
                <td>
                  {t(`cases.statuses.${c.status}` as 'cases.statuses.active', { defaultValue: c.status })}
                </td>
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
