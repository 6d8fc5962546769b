import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { CaseSummary } from '../api/contract.ts';
import { CASE_STATUSES } from '../api/values.ts';
import { useMe } from '../auth/AuthContext.tsx';
import { hasAnyRole } from '../auth/roles.ts';
import { Field } from '../ui/Field.tsx';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { formatDate } from '../ui/time.ts';
import { useCaseT } from './i18n.ts';
import { OPEN } from './queries.ts';
import { useCasePages } from './useCasePages.ts';

const DAY = 24 * 60 * 60 * 1000;
const DUE_SOON_DAYS = 3;
/** the server's limit on the reference search */
const MAX_SEARCH = 40;

export type DeadlineUrgency = 'overdue' | 'soon' | 'later' | 'none';

export function deadlineUrgency(deadline: string | null, now: number): DeadlineUrgency {
  if (!deadline) return 'none';
  const at = Date.parse(deadline);
  if (!Number.isFinite(at)) return 'none';
  if (at < now) return 'overdue';
  if (at - now <= DUE_SOON_DAYS * DAY) return 'soon';
  return 'later';
}

/** "Verlopen" or "Binnenkort" beside a connection deadline; nothing while there is time. */
export function DeadlineBadge({ urgency, t }: { urgency: DeadlineUrgency; t: (key: string) => string }) {
  if (urgency === 'overdue')
    return (
      <span className="utrecht-status-badge utrecht-status-badge--warning">
        {t('case.connection.overdue')}
      </span>
    );
  if (urgency === 'soon')
    return (
      <span className="utrecht-status-badge utrecht-status-badge--active">{t('case.connection.soon')}</span>
    );
  return null;
}

export function sortCasesByDeadline(cases: readonly CaseSummary[]): CaseSummary[] {
  const key = (c: CaseSummary) =>
    c.connectionDeadline ? Date.parse(c.connectionDeadline) : Number.POSITIVE_INFINITY;
  return [...cases].sort((a, b) => key(a) - key(b) || a.reference.localeCompare(b.reference));
}

const SEARCH_DELAY_MS = 300;
/** roles that may register a referral (case.create); the committee and others only read */
const REFERRERS = ['police', 'vt', 'caseworker', 'coordinator', 'process_director'] as const;

/** The search as typed, passed on once typing pauses (one request, not one per key). */
function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/**
 * The cases the caller may see, newest first a page at a time ("Meer laden"), filterable by status
 * and searchable by the start of the reference, with the connection deadline marked.
 */
export function CaseList({
  sortByDeadline = false,
  defaultOpen = false,
}: {
  sortByDeadline?: boolean;
  /** start with open work only (no closed and rejected cases, so history does not crowd the list) */
  defaultOpen?: boolean;
}) {
  const { t } = useCaseT();
  const user = useMe();
  const [status, setStatus] = useState(defaultOpen ? OPEN : '');
  const [search, setSearch] = useState('');
  const q = useSettled(search);
  return (
    <div className="case-list">
      <div className="case-list__tools">
        <div className="aware-row case-list__filters">
          <Field id="case-status-filter" label={t('case.list.filter')}>
            {(p) => (
              <select {...p} value={status} onChange={(e) => setStatus(e.target.value)}>
                <option value={OPEN}>{t('work.openWork')}</option>
                <option value="">{t('case.list.all')}</option>
                {CASE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`case.statuses.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="case-search" label={t('case.list.search')} hint={t('case.list.searchHint')}>
            {(p) => (
              <input
                {...p}
                type="search"
                maxLength={MAX_SEARCH}
                autoComplete="off"
                spellCheck={false}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
            )}
          </Field>
        </div>
        {hasAnyRole(user, REFERRERS) && (
          <Link
            to="/cases/new"
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          >
            {t('case.list.newReferral')}
          </Link>
        )}
      </div>
      <CaseTable status={status} q={q} sortByDeadline={sortByDeadline} />
    </div>
  );
}

function CaseTable({ status, q, sortByDeadline }: { status: string; q: string; sortByDeadline: boolean }) {
  const { t, i18n } = useCaseT();
  const { cases: data, hasMore, error, loading, loadingMore, loadMore, reload } = useCasePages(status, q);
  const lang = i18n.resolvedLanguage ?? 'nl';

  if (!data) return <LoadState loading={loading} error={error} onRetry={reload} />;
  if (data.length === 0)
    return <EmptyState title={q || status ? t('case.list.noMatch') : t('cases.empty')} />;

  const rows = sortByDeadline ? sortCasesByDeadline(data) : data;
  const now = Date.now();
  return (
    <>
      <div className="panel table-wrap">
        <table className="utrecht-table">
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
                        {urgency === 'overdue' && (
                          <span className="utrecht-status-badge utrecht-status-badge--warning">
                            {t('cases.overdue')}
                          </span>
                        )}
                        {urgency === 'soon' && (
                          <span className="utrecht-status-badge utrecht-status-badge--active">
                            {t('cases.dueSoon')}
                          </span>
                        )}
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
      <div className="case-list__more">
        <p className="muted" aria-live="polite">
          {t(hasMore ? 'case.list.shownMore' : 'case.list.shownAll', { count: data.length })}
        </p>
        {error && <LoadState loading={false} error={error} onRetry={reload} />}
        {hasMore && !error && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={loadMore}
            disabled={loadingMore}
          >
            {loadingMore ? t('case.list.loadingMore') : t('case.list.more')}
          </button>
        )}
      </div>
    </>
  );
}
