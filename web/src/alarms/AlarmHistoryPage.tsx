import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmHistoryPage as HistoryPage } from '../api/contract.ts';
import { useMeta } from '../app/meta.ts';
import { Link, navigate, useLocation } from '../app/router.tsx';
import { dutchToIso, isoToDutch } from '../ui/dutch-date.ts';
import { Field } from '../ui/Field.tsx';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { formatDateTime } from '../ui/time.ts';
import { useApi } from '../ui/useApi.ts';
import { AlarmDetailPanel } from './AlarmDetailPanel.tsx';
import { OutcomeText } from './OutcomeText.tsx';
import './alarms.css';
import './console.css';

const FILTERS = ['reference', 'device', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** The search as typed (dates in Dutch notation) → the API's query (dates as yyyy-mm-dd, checked before). */
function query(filters: Filters, page: number): string {
  const q = new URLSearchParams();
  for (const key of FILTERS) {
    const value = key === 'from' || key === 'to' ? dutchToIso(filters[key]) : filters[key].trim();
    if (value) q.set(key, value);
  }
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Handled alarms of the operator's or police control room's region: search by case reference, button and
 * date, twenty a page, newest first; one opens in the detail panel with its whole timeline.
 */
export function AlarmHistoryPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const meta = useMeta();
  const { search } = useLocation();
  const applied: Filters = {
    reference: search.get('reference') ?? '',
    device: search.get('device') ?? '',
    from: isoToDutch(search.get('from') ?? ''),
    to: isoToDutch(search.get('to') ?? ''),
  };
  const page = Math.max(1, Number(search.get('page')) || 1);
  const [form, setForm] = useState<Filters>(applied);
  const [dateErrors, setDateErrors] = useState<{ from?: string; to?: string }>({});
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { data, error, loading, reload } = useApi<HistoryPage>(`/alarms/history${query(applied, page)}`);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  function submit(e: FormEvent) {
    e.preventDefault();
    const from = dutchToIso(form.from);
    const to = dutchToIso(form.to);
    const errors = {
      ...(from === null ? { from: t('alarmHistory.dateInvalid') } : {}),
      ...(to === null
        ? { to: t('alarmHistory.dateInvalid') }
        : from && to && from > to
          ? { to: t('alarmHistory.toBeforeFrom') }
          : {}),
    };
    setDateErrors(errors);
    if (errors.from || errors.to) return;
    // what was understood, written back in full: 4-3-2026 becomes 04-03-2026
    setForm({ ...form, from: isoToDutch(from ?? ''), to: isoToDutch(to ?? '') });
    setSelectedId(null);
    navigate(`/alarms/history${query(form, 1)}`);
  }

  function clear() {
    const empty = { reference: '', device: '', from: '', to: '' };
    setForm(empty);
    setDateErrors({});
    navigate('/alarms/history');
  }

  // dates as text in Dutch notation: a native date field shows the browser's order (mm/dd/yyyy in English)
  const input = (key: keyof Filters, type: 'search' | 'date') => (
    <Field
      id={`history-${key}`}
      label={t(`alarmHistory.${key}`)}
      hint={
        key === 'reference'
          ? t('alarmHistory.referenceHint')
          : key === 'device'
            ? t('alarmHistory.deviceHint')
            : t('alarmHistory.dateHint')
      }
      error={key === 'from' || key === 'to' ? dateErrors[key] : undefined}
    >
      {(p) => (
        <input
          {...p}
          type={type === 'date' ? 'text' : 'search'}
          {...(type === 'date'
            ? { inputMode: 'numeric' as const, placeholder: t('alarmHistory.datePlaceholder') }
            : {})}
          value={form[key]}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      )}
    </Field>
  );

  return (
    <section className="page">
      <div className="page__head">
        <PageHeading title={t('alarmHistory.title')}>{t('alarmHistory.title')}</PageHeading>
        <Link to="/">{t('alarmHistory.back')}</Link>
      </div>
      <p className="muted">{t('alarmHistory.intro')}</p>

      <search className="panel filters">
        <form className="aware-row filters__form history__form" onSubmit={submit} noValidate>
          {input('reference', 'search')}
          {input('device', 'search')}
          {input('from', 'date')}
          {input('to', 'date')}
          <div className="history__buttons">
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              {t('alarmHistory.search')}
            </button>
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={clear}>
              {t('alarmHistory.clear')}
            </button>
          </div>
        </form>
      </search>

      <div className={`console${selectedId ? ' console--detail history--detail' : ''}`}>
        <div className="history__results">
          {!data ? (
            <LoadState loading={loading} error={error} onRetry={reload} />
          ) : data.items.length === 0 ? (
            <EmptyState title={t('alarmHistory.empty')} />
          ) : (
            <>
              <p className="muted" role="status">
                {t('alarmHistory.total', { count: data.total })}
              </p>
              <div className="panel table-wrap">
                <table className="utrecht-table">
                  <caption className="visually-hidden">{t('alarmHistory.tableLabel')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('alarmHistory.received')}</th>
                      <th scope="col">{t('alarmHistory.case')}</th>
                      <th scope="col">{t('alarmHistory.device')}</th>
                      <th scope="col">{t('alarmHistory.kind')}</th>
                      <th scope="col">{t('alarmHistory.outcome')}</th>
                      <th scope="col">{t('alarmHistory.resolved')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('alarmHistory.open')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((item) => (
                      <tr
                        key={item.id}
                        data-history-alarm-id={item.id}
                        aria-current={item.id === selectedId ? 'true' : undefined}
                      >
                        <td className="tabular">{formatDateTime(item.receivedAt, lang)}</td>
                        <th scope="row" className="mono">
                          {item.caseReference ?? ''}
                        </th>
                        <td>{item.deviceLabel}</td>
                        <td>
                          {t(`alarms.kind.${item.kind}`)}
                          {item.presses > 1 && (
                            <span className="muted"> · {t('console.presses', { count: item.presses })}</span>
                          )}
                          {item.forwarded && (
                            <span className="muted small block">{t('alarmHistory.forwarded')}</span>
                          )}
                        </td>
                        <td>{item.outcome && <OutcomeText outcome={item.outcome} />}</td>
                        <td className="tabular">{formatDateTime(item.resolvedAt, lang)}</td>
                        <td>
                          <button
                            type="button"
                            className="utrecht-button utrecht-button--secondary-action"
                            aria-controls={selectedId ? 'alarm-detail' : undefined}
                            aria-pressed={item.id === selectedId}
                            onClick={() => setSelectedId(item.id)}
                          >
                            {t('alarmHistory.open')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {pages > 1 && (
                <nav className="aware-row pager" aria-label={t('alarmHistory.page', { page, pages })}>
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--secondary-action"
                    disabled={page <= 1}
                    onClick={() => navigate(`/alarms/history${query(applied, page - 1)}`)}
                  >
                    {t('alarmHistory.previous')}
                  </button>
                  <span className="tabular">{t('alarmHistory.page', { page, pages })}</span>
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--secondary-action"
                    disabled={page >= pages}
                    onClick={() => navigate(`/alarms/history${query(applied, page + 1)}`)}
                  >
                    {t('alarmHistory.next')}
                  </button>
                </nav>
              )}
            </>
          )}
        </div>
        {selectedId && (
          <AlarmDetailPanel
            key={selectedId}
            alarmId={selectedId}
            live={undefined}
            mode="operator"
            tileUrl={meta?.mapTileUrl ?? null}
            onClose={() => setSelectedId(null)}
            onDone={() => undefined}
            onConflict={() => undefined}
            presses={data?.items.find((i) => i.id === selectedId)?.presses}
          />
        )}
      </div>
    </section>
  );
}
