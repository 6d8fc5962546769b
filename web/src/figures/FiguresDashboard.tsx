import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useOrganisations } from '../admin/queries.ts';
import { query } from '../api/client.ts';
import { type Dashboard, type Figure, TARGET_GROUPS } from '../api/contract.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { BarChart, HorizontalBarChart, LineChart } from './Charts.tsx';
import { type FigureKind, formatFigure, formatMonth } from './format.ts';
import { type FigureFilters, useDashboard } from './queries.ts';
import './figures.css';
import { formatLongDate } from '../ui/time.ts';

type CareKey =
  | 'closed'
  | 'clientConversations'
  | 'shareClientWithinNorm'
  | 'childConversationsPerChild'
  | 'networkContacts'
  | 'hours'
  | 'shareHoursWithinNorm';

/** The filters live in the URL: back button and shareable links keep them. */
function useFilters(basePath: string) {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const filters: Required<FigureFilters> = {
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    targetGroup: search.get('targetGroup') ?? '',
    organisationId: search.get('organisationId') ?? '',
  };
  const set = (next: FigureFilters) =>
    navigate(`${basePath}${query({ ...filters, ...next })}`, { replace: true });
  return { filters, set };
}

/**
 * The figures dashboard: filters, charts with a table alternative, every indicator in tables, exports.
 * The team lead gets links to the cases behind a figure; the funder sees aggregates with "< 5".
 */
export function FiguresDashboard({ basePath }: { basePath: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'nl-NL';
  const { filters, set } = useFilters(basePath);
  const { data, error, isFetching: loading, refetch } = useDashboard(filters);
  const team = data?.scope.audience === 'team';
  const orgs = useOrganisations({ enabled: team });
  const f = (v: Figure, kind: FigureKind = 'number') => formatFigure(v, kind, locale);

  const drill = (figure: string, v: Figure, range?: { from: string; to: string }) => {
    if (!data?.drillDown || typeof v !== 'number' || v === 0) return f(v);
    const r = range ?? { from: data.scope.from, to: data.scope.to };
    return (
      <Link
        to={`/figures/cases${query({ figure, from: r.from, to: r.to, targetGroup: filters.targetGroup, organisationId: filters.organisationId })}`}
        data-drill={figure}
      >
        {f(v)}
      </Link>
    );
  };

  const year = Number((data?.scope.to ?? new Date().toISOString()).slice(0, 4));
  const exportQuery = data
    ? query({
        from: data.scope.from,
        to: data.scope.to,
        targetGroup: filters.targetGroup,
        organisationId: filters.organisationId,
      })
    : '';

  return (
    <div className="figures">
      <search className="panel filters">
        <FilterForm
          // the period the server chose where the URL names none
          shown={{
            ...filters,
            from: filters.from || data?.scope.from || '',
            to: filters.to || data?.scope.to || '',
          }}
          fieldErrors={error?.fieldErrors() ?? {}}
          organisations={
            team ? (orgs.data ?? []).filter((o) => o.regionId === data?.scope.regionId) : undefined
          }
          onApply={set}
        />
      </search>

      {error?.problem?.errors?.length ? (
        <div role="alert" className="utrecht-alert utrecht-alert--error">
          {error.problem.errors.map((e) => (
            <p key={e.field}>
              {t('figures.filters.invalid', {
                field: t(`figures.fields.${e.field}` as 'figures.fields.from', { defaultValue: e.field }),
                message: error.fieldErrors()[e.field],
              })}
            </p>
          ))}
        </div>
      ) : (
        <LoadState loading={loading && !data} error={error ?? undefined} onRetry={() => void refetch()} />
      )}

      {data && !error && (
        <>
          <p className="utrecht-paragraph utrecht-paragraph--lead" data-testid="figures-scope">
            {t('figures.scope', {
              region: data.scope.region,
              from: formatLongDate(data.scope.from, i18n.resolvedLanguage ?? 'nl'),
              to: formatLongDate(data.scope.to, i18n.resolvedLanguage ?? 'nl'),
              group: data.scope.targetGroup
                ? t('figures.scopeGroup', { group: t(`figures.targetGroups.${data.scope.targetGroup}`) })
                : t('figures.scopeAllGroups'),
            })}
            {data.scope.organisation ? ` · ${data.scope.organisation}` : ''}
          </p>
          {data.suppression.applied && (
            <p className="utrecht-alert utrecht-alert--info" data-testid="suppression-note">
              {t('figures.suppressionNote', { count: data.suppression.hiddenCells })}
            </p>
          )}

          <fieldset className="figures__exports">
            <legend className="visually-hidden">{t('figures.exports.label')}</legend>
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              href={`/api/v1/figures/dashboard.csv${exportQuery}`}
              download
              data-export="csv"
            >
              {t('figures.exports.csv')}
            </a>
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              href={`/api/v1/figures/dashboard.pdf${exportQuery}`}
              download
              data-export="pdf"
            >
              {t('figures.exports.pdf')}
            </a>
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              href={`/api/v1/figures/report.pdf${query({ year: String(year), targetGroup: filters.targetGroup })}`}
              download
              data-export="report"
            >
              {t('figures.exports.report', { year })}
            </a>
          </fieldset>

          <ul className="plain-list figures__tiles">
            <Tile label={t('figures.tiles.started')} value={drill('started', data.trajectories.started)} />
            <Tile label={t('figures.tiles.running')} value={drill('running', data.trajectories.running)} />
            <Tile label={t('figures.tiles.closed')} value={drill('closed', data.trajectories.closed)} />
            <Tile
              label={t('figures.tiles.onTime')}
              value={f(data.timeliness.decisionToConnection.shareOnTime, 'percent')}
            />
            <Tile label={t('figures.tiles.alarms')} value={drill('alarms', data.alarms.total)} />
            <Tile
              label={t('figures.tiles.costPerClientYear')}
              value={f(data.devices.costPerClientYearCents, 'euro')}
            />
          </ul>

          <div className="figures__charts">
            <LineChart
              title={t('figures.charts.startedPerMonth')}
              labels={data.trajectories.perMonth.map((m) => formatMonth(m.month, locale))}
              series={[
                {
                  name: t('figures.tiles.started'),
                  values: data.trajectories.perMonth.map((m) => m.started),
                  tone: 'a',
                },
              ]}
              locale={locale}
              tableLabel={t('figures.charts.table')}
            />
            <BarChart
              title={t('figures.charts.perYear')}
              labels={data.trajectories.perYear.map((y) => y.year)}
              series={[
                {
                  name: t('figures.tiles.started'),
                  values: data.trajectories.perYear.map((y) => y.started),
                  tone: 'a',
                },
                {
                  name: t('figures.tiles.running'),
                  values: data.trajectories.perYear.map((y) => y.running),
                  tone: 'b',
                },
                {
                  name: t('figures.tiles.closed'),
                  values: data.trajectories.perYear.map((y) => y.closed),
                  tone: 'c',
                },
              ]}
              locale={locale}
              tableLabel={t('figures.charts.table')}
            />
            <HorizontalBarChart
              title={t('figures.charts.alarmsByOutcome')}
              labels={data.alarms.byOutcome.map((o) => t(`figures.outcomes.${o.outcome}`))}
              series={[
                {
                  name: t('figures.tiles.alarms'),
                  values: data.alarms.byOutcome.map((o) => o.alarms),
                  tone: 'a',
                },
              ]}
              locale={locale}
              tableLabel={t('figures.charts.table')}
            />
            <HorizontalBarChart
              title={t('figures.charts.responseTimes')}
              labels={data.response.map((r) => t(`figures.steps.${r.step}`))}
              series={[
                {
                  name: t('figures.spread.half'),
                  values: data.response.map((r) => r.medianSeconds),
                  tone: 'a',
                },
                {
                  name: t('figures.spread.nineInTen'),
                  values: data.response.map((r) => r.p90Seconds),
                  tone: 'b',
                },
              ]}
              kind="seconds"
              locale={locale}
              tableLabel={t('figures.charts.table')}
            />
            <BarChart
              title={t('figures.charts.safety')}
              labels={data.ratings.safety.map((r) => t(`figures.moments.${r.moment}`))}
              series={[
                {
                  name: t('figures.charts.safetyMean'),
                  values: data.ratings.safety.map((r) => r.mean),
                  tone: 'b',
                },
              ]}
              locale={locale}
              tableLabel={t('figures.charts.table')}
            />
          </div>

          <Section title={t('figures.sections.trajectories')}>
            <table className="utrecht-table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t('figures.year')}</th>
                  <th scope="col" className="num">
                    {t('figures.tiles.started')}
                  </th>
                  <th scope="col" className="num">
                    {t('figures.tiles.running')}
                  </th>
                  <th scope="col" className="num">
                    {t('figures.tiles.closed')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.trajectories.perYear.map((y) => {
                  const range = {
                    from: y.year === data.scope.from.slice(0, 4) ? data.scope.from : `${y.year}-01-01`,
                    to: y.year === data.scope.to.slice(0, 4) ? data.scope.to : `${y.year}-12-31`,
                  };
                  return (
                    <tr key={y.year}>
                      <th scope="row">{y.year}</th>
                      <td className="num">{drill('started', y.started, range)}</td>
                      <td className="num">{drill('running', y.running, range)}</td>
                      <td className="num">{drill('closed', y.closed, range)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Section>

          <Section title={t('figures.sections.decisions')}>
            <Rows
              rows={[
                [t('figures.decisions.decided'), f(data.decisions.decided)],
                [t('figures.decisions.granted'), drill('granted', data.decisions.granted)],
                [t('figures.decisions.rejected'), drill('rejected', data.decisions.rejected)],
                [t('figures.decisions.shareGranted'), f(data.decisions.shareGranted, 'percent')],
                ...data.decisions.reasons.map(
                  (r) => [t(`figures.reasons.${r.reason}`), f(r.cases)] as [string, React.ReactNode],
                ),
              ]}
            />
          </Section>

          <Section title={t('figures.sections.timeliness')}>
            <Rows
              rows={[
                [
                  t('figures.timeliness.referralToDecision'),
                  t('figures.spread.days', {
                    half: f(data.timeliness.referralToDecision.medianDays, 'days'),
                    nineInTen: f(data.timeliness.referralToDecision.p90Days, 'days'),
                  }),
                ],
                [
                  t('figures.timeliness.decisionToConnection'),
                  t('figures.spread.days', {
                    half: f(data.timeliness.decisionToConnection.medianDays, 'days'),
                    nineInTen: f(data.timeliness.decisionToConnection.p90Days, 'days'),
                  }),
                ],
                [t('figures.timeliness.onTime'), f(data.timeliness.decisionToConnection.onTime)],
                [
                  t('figures.timeliness.late'),
                  drill('connected_late', data.timeliness.decisionToConnection.late),
                ],
                [t('figures.timeliness.noDeadline'), f(data.timeliness.decisionToConnection.noDeadline)],
                [
                  t('figures.timeliness.shareOnTime'),
                  f(data.timeliness.decisionToConnection.shareOnTime, 'percent'),
                ],
                [t('figures.duration.median'), f(data.duration.medianDays, 'days')],
                [t('figures.duration.mean'), f(data.duration.meanDays, 'days')],
                [t('figures.duration.shareExtended'), f(data.duration.shareExtended, 'percent')],
                [t('figures.duration.extensionsDecided'), drill('extended', data.duration.extensionsDecided)],
              ]}
            />
          </Section>

          <Section title={t('figures.sections.care')}>
            <table className="utrecht-table table--compact">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t('figures.fields.figure')}</span>
                  </th>
                  {data.care.map((c) => (
                    <th key={c.targetGroup} scope="col" className="num">
                      {t(`figures.targetGroups.${c.targetGroup}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    ['closed', (c) => f(c.closed)],
                    [
                      'clientConversations',
                      (c) =>
                        `${f(c.clientConversations)} (${t('figures.norm')} ${c.clientConversationsNorm})`,
                    ],
                    ['shareClientWithinNorm', (c) => f(c.shareClientWithinNorm, 'percent')],
                    [
                      'childConversationsPerChild',
                      (c) =>
                        `${f(c.childConversationsPerChild)} (${t('figures.norm')} ${c.childConversationsNorm})`,
                    ],
                    [
                      'networkContacts',
                      (c) => `${f(c.networkContacts)} (${t('figures.norm')} ${c.networkContactsNorm})`,
                    ],
                    ['hours', (c) => `${f(c.hours)} (${t('figures.norm')} ${c.hoursNorm})`],
                    ['shareHoursWithinNorm', (c) => f(c.shareHoursWithinNorm, 'percent')],
                  ] as [CareKey, (c: Dashboard['care'][number]) => string][]
                ).map(([key, cellOf]) => (
                  <tr key={key}>
                    <th scope="row">{t(`figures.care.${key}`)}</th>
                    {data.care.map((c) => (
                      <td key={c.targetGroup} className="num">
                        {cellOf(c)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>

          <Section title={t('figures.sections.alarms')}>
            <Rows
              rows={[
                [t('figures.alarms.total'), drill('alarms', data.alarms.total)],
                [t('figures.alarms.perTrajectory'), f(data.alarms.perTrajectory)],
                ...data.alarms.byKind.map(
                  (k) => [t(`figures.kinds.${k.kind}`), f(k.alarms)] as [string, React.ReactNode],
                ),
                [t('figures.alarms.shareFalse'), drill('false_alarms', data.alarms.falseAlarms)],
                [t('figures.alarms.shareFalsePct'), f(data.alarms.shareFalse, 'percent')],
                [t('figures.alarms.shareTechnical'), f(data.alarms.shareTechnical, 'percent')],
              ]}
            />
          </Section>

          <Section title={t('figures.sections.devices')}>
            <Rows
              rows={[
                [t('figures.devices.rent'), f(data.devices.rentCents, 'euro')],
                ...data.devices.perQuarter.map(
                  (q) =>
                    [`${t('figures.devices.rent')} ${q.quarter}`, f(q.rentCents, 'euro')] as [
                      string,
                      React.ReactNode,
                    ],
                ),
                [
                  t('figures.devices.replacements', { price: f(data.devices.replacementPriceCents, 'euro') }),
                  drill('devices_lost', data.devices.replacements),
                ],
                [t('figures.devices.replacementCost'), f(data.devices.replacementCents, 'euro')],
                [t('figures.devices.total'), f(data.devices.totalCents, 'euro')],
                [t('figures.devices.clientYears'), f(data.devices.clientYears)],
                [t('figures.devices.perClientYear'), f(data.devices.costPerClientYearCents, 'euro')],
              ]}
            />
          </Section>

          <Section title={t('figures.sections.ratings')}>
            <Rows
              rows={[
                ...data.ratings.safety.map(
                  (r) =>
                    [`${t('figures.ratings.safety')} (${t(`figures.moments.${r.moment}`)})`, f(r.mean)] as [
                      string,
                      React.ReactNode,
                    ],
                ),
                [t('figures.ratings.caseworker'), f(data.ratings.caseworker.mean)],
                [t('figures.ratings.collaboration'), f(data.ratings.collaboration.mean)],
                [t('figures.goals.evaluated'), f(data.goals.evaluated)],
                ...data.goals.byResult.map(
                  (g) => [t(`figures.goals.${g.result}`), f(g.goals)] as [string, React.ReactNode],
                ),
                [t('figures.goals.shareMet'), f(data.goals.shareMet, 'percent')],
              ]}
            />
          </Section>
        </>
      )}
    </div>
  );
}

function Tile({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <li className="panel figures__tile">
      <span className="figures__tile-value">{value}</span>
      <span className="figures__tile-label">{label}</span>
    </li>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="figures__section">
      <h2>{title}</h2>
      <div className="panel table-wrap">{children}</div>
    </section>
  );
}

function Rows({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <table className="utrecht-table table--compact">
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="num">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The question: period, target group and (for the team lead) an organisation of the region. */
function FilterForm({
  shown,
  fieldErrors,
  organisations,
  onApply,
}: {
  shown: Required<FigureFilters>;
  fieldErrors: Record<string, string>;
  /** undefined: the caller sees regions only */
  organisations: { id: string; name: string }[] | undefined;
  onApply: (filters: FigureFilters) => void;
}) {
  const { t } = useTranslation();
  // the fields follow the URL (and the server's default period) until the reader changes them
  const { register, handleSubmit, reset } = useForm<Required<FigureFilters>>({
    values: shown,
    resetOptions: { keepDirtyValues: true },
  });
  const apply = handleSubmit((filters) => {
    // applied: from now on the URL speaks for the fields again (back button, a link)
    reset(filters);
    onApply(filters);
  });
  return (
    <form className="aware-row filters__form" onSubmit={apply}>
      <div className={`utrecht-form-field${fieldErrors.from ? ' utrecht-form-field--invalid' : ''}`}>
        <label htmlFor="figures-from" className="utrecht-form-label">
          {t('figures.filters.from')}
        </label>
        <input id="figures-from" type="date" {...register('from')} />
      </div>
      <div className={`utrecht-form-field${fieldErrors.to ? ' utrecht-form-field--invalid' : ''}`}>
        <label htmlFor="figures-to" className="utrecht-form-label">
          {t('figures.filters.to')}
        </label>
        <input id="figures-to" type="date" {...register('to')} />
      </div>
      <div className="utrecht-form-field">
        <label htmlFor="figures-group" className="utrecht-form-label">
          {t('figures.filters.targetGroup')}
        </label>
        <select id="figures-group" {...register('targetGroup')}>
          <option value="">{t('figures.filters.all')}</option>
          {TARGET_GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`figures.targetGroups.${g}`)}
            </option>
          ))}
        </select>
      </div>
      {organisations && (
        <div className="utrecht-form-field">
          <label htmlFor="figures-org" className="utrecht-form-label">
            {t('figures.filters.organisation')}
          </label>
          <select id="figures-org" {...register('organisationId')}>
            <option value="">{t('figures.filters.wholeRegion')}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="utrecht-button-group">
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {t('figures.filters.apply')}
        </button>
      </div>
    </form>
  );
}
