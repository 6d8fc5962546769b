import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMeta } from '../app/meta.ts';
import { isoToDutch } from '../ui/dutch-date.ts';
import { Field } from '../ui/Field.tsx';
import { EmptyState, LoadState } from '../ui/LoadState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { formatDateTime } from '../ui/time.ts';
import { AlarmDetailPanel } from './AlarmDetailPanel.tsx';
import { dateProblems, type HistoryFilters, historyPath, historyQuery } from './history-search.ts';
import { OutcomeText } from './OutcomeText.tsx';
import { useAlarmHistory } from './queries.ts';
import './alarms.css';
import './console.css';

const NO_FILTERS: HistoryFilters = { reference: '', device: '', from: '', to: '' };

/**
 * Handled alarms of the operator's or police control room's region: search by case reference, button and
 * date, twenty a page, newest first; one opens in the detail panel with its whole timeline.
 */
export function AlarmHistoryPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const meta = useMeta();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const applied: HistoryFilters = {
    reference: search.get('reference') ?? '',
    device: search.get('device') ?? '',
    from: isoToDutch(search.get('from') ?? ''),
    to: isoToDutch(search.get('to') ?? ''),
  };
  const page = Math.max(1, Number(search.get('page')) || 1);
  // a search is a GET: no request body to check, only the dates
  const form = useForm<HistoryFilters>({
    defaultValues: applied,
    reValidateMode: 'onSubmit',
    resolver: (values) => {
      const problems = dateProblems(values);
      const errors = Object.fromEntries(
        Object.entries(problems).map(([field, key]) => [
          field,
          { type: 'rule', message: t(`alarmHistory.${key}`) },
        ]),
      );
      return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
    },
  });
  const dateErrors = form.formState.errors;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const history = useAlarmHistory(historyQuery(applied, page));
  const { data } = history;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const toPage = (n: number) => navigate(historyPath(historyQuery(applied, n)));

  const submit = form.handleSubmit((values) => {
    const query = historyQuery(values, 1);
    // what was understood, written back in full: 4-3-2026 becomes 04-03-2026
    form.reset({ ...values, from: isoToDutch(query.from ?? ''), to: isoToDutch(query.to ?? '') });
    setSelectedId(null);
    navigate(historyPath(query));
  });

  function clear() {
    form.reset(NO_FILTERS);
    navigate('/alarms/history');
  }

  // dates as text in Dutch notation: a native date field shows the browser's order (mm/dd/yyyy in English)
  const input = (key: keyof HistoryFilters, type: 'search' | 'date') => (
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
      error={key === 'from' || key === 'to' ? dateErrors[key]?.message : undefined}
    >
      {(p) => (
        <input
          {...p}
          type={type === 'date' ? 'text' : 'search'}
          {...(type === 'date'
            ? { inputMode: 'numeric' as const, placeholder: t('alarmHistory.datePlaceholder') }
            : {})}
          autoComplete="off"
          spellCheck={false}
          {...form.register(key)}
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
            <LoadState
              loading={history.isFetching}
              error={history.error ?? undefined}
              onRetry={() => void history.refetch()}
            />
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
                    onClick={() => toPage(page - 1)}
                  >
                    {t('alarmHistory.previous')}
                  </button>
                  <span className="tabular">{t('alarmHistory.page', { page, pages })}</span>
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--secondary-action"
                    disabled={page >= pages}
                    onClick={() => toPage(page + 1)}
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
            presses={data?.items.find((i) => i.id === selectedId)?.presses}
          />
        )}
      </div>
    </section>
  );
}
