import { requireAccess } from '../access/index.ts';
import { caseVisibility } from '../access/policy.ts';
import { audit } from '../audit/index.ts';
import type { RequestContext } from '../context.ts';
import type { Database, Queryable } from '../db/index.ts';
import { toCsv } from './csv.ts';
import {
  buckets,
  type FigureQuery,
  type FigureScope,
  forbiddenField,
  requestedRegion,
  resolveScope,
} from './filters.ts';
import {
  CONTRA_INDICATIONS,
  type Dashboard,
  INDICATIONS,
  NORMS,
  publishDashboard,
  type RawFigures,
} from './indicators.ts';
import { renderFiguresPdf } from './pdf.ts';
import * as repo from './repository.ts';

export type FiguresView = 'dashboard' | 'csv' | 'pdf' | 'report' | 'cases';

/** Most cases a drill-down lists at once. */
export const DRILL_LIMIT = 500;

const amsterdamDay = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);

export function createFiguresService(db: Database, clock: () => Date = () => new Date()) {
  /** The validated scope; every read of figures is audited (the question, never a person). */
  async function open(
    ctx: RequestContext,
    query: FigureQuery,
    view: FiguresView,
    extra: Record<string, unknown> = {},
  ) {
    requireAccess(ctx.actor, 'figures.read');
    const regionId = requestedRegion(ctx.actor, query);
    const scope = resolveScope(
      ctx.actor,
      query,
      {
        regionExists: regionId ? await repo.regionExists(db, regionId) : false,
        organisationRegionId: query.organisationId
          ? await repo.regionOfOrganisation(db, query.organisationId)
          : null,
      },
      clock(),
    );
    await db.transaction((tx) =>
      audit(tx, ctx, {
        action: 'figures.read',
        access: 'read',
        recordType: 'region',
        recordId: scope.regionId,
        details: {
          view,
          audience: scope.audience,
          from: scope.from,
          to: scope.to,
          targetGroup: scope.targetGroup,
          organisationId: scope.organisationId,
          ...extra,
        },
      }),
    );
    return scope;
  }

  const read = <T>(query: (q: Queryable) => Promise<T>) => repo.analytic(db, query);

  /** Every indicator's rows for a scope; the queries run side by side, each on a connection of its own. */
  async function collect(scope: FigureScope): Promise<RawFigures> {
    const today = amsterdamDay(clock());
    const years = buckets(scope.from, scope.to, 'year');
    const quarters = buckets(scope.from, scope.to, 'quarter');
    const whole = [{ key: 'period', from: scope.from, to: scope.to }];
    const norms = {
      stalking: { client: NORMS.stalking.client, hours: NORMS.stalking.hours },
      acute_unsafety: { client: NORMS.acute_unsafety.client, hours: NORMS.acute_unsafety.hours },
    };
    const [
      trajectories,
      months,
      decisions,
      reasons,
      connections,
      durations,
      care,
      alarms,
      response,
      rent,
      losses,
      ratings,
      goals,
    ] = await Promise.all([
      // the years and the whole period in one scan
      read((q) => repo.trajectories(q, scope, [...years, ...whole])),
      read((q) => repo.startedPerMonth(q, scope)),
      read((q) => repo.decisions(q, scope)),
      read((q) => repo.rejectionReasons(q, scope, INDICATIONS, CONTRA_INDICATIONS)),
      read((q) => repo.connections(q, scope)),
      read((q) => repo.durations(q, scope)),
      read((q) => repo.care(q, scope, norms)),
      read((q) => repo.alarms(q, scope)),
      read((q) => repo.responseTimes(q, scope)),
      read((q) => repo.rent(q, scope, quarters, today)),
      read((q) => repo.deviceLosses(q, scope, today)),
      read((q) => repo.ratings(q, scope)),
      read((q) => repo.goals(q, scope)),
    ]);
    return {
      years: trajectories.filter((t) => t.key !== 'period'),
      period: trajectories.find((t) => t.key === 'period')!,
      months,
      monthKeys: buckets(scope.from, scope.to, 'month').map((b) => b.key),
      decisions,
      reasons,
      connections,
      durations,
      care,
      alarms,
      response,
      rent,
      losses,
      ratings,
      goals,
    };
  }

  async function dashboardFor(scope: FigureScope): Promise<Dashboard> {
    const [raw, names] = await Promise.all([
      collect(scope),
      repo.names(db, scope.regionId, scope.organisationId),
    ]);
    return publishDashboard(raw, scope, names);
  }

  const fileBase = (d: Dashboard, kind: string) =>
    `aware-${kind}-${d.scope.region.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}-${d.scope.from}-${d.scope.to}`;

  return {
    async dashboard(ctx: RequestContext, query: FigureQuery): Promise<Dashboard> {
      return dashboardFor(await open(ctx, query, 'dashboard'));
    },

    async csv(ctx: RequestContext, query: FigureQuery) {
      const d = await dashboardFor(await open(ctx, query, 'csv'));
      return { filename: `${fileBase(d, 'cijfers')}.csv`, body: toCsv(d) };
    },

    async pdf(ctx: RequestContext, query: FigureQuery) {
      const d = await dashboardFor(await open(ctx, query, 'pdf'));
      return {
        filename: `${fileBase(d, 'cijfers')}.pdf`,
        bytes: await renderFiguresPdf(d, { kind: 'dashboard', generatedAt: clock() }),
      };
    },

    /** The yearly report a region hands to its board: one calendar year, with the two years before it for trend. */
    async report(
      ctx: RequestContext,
      query: Omit<FigureQuery, 'from' | 'to' | 'organisationId'> & { year?: number },
    ) {
      const year = query.year ?? Number(amsterdamDay(clock()).slice(0, 4)) - 1;
      const scope = await open(ctx, { ...query, from: `${year}-01-01`, to: `${year}-12-31` }, 'report', {
        year,
      });
      const d = await dashboardFor(scope);
      const trend = await dashboardFor({ ...scope, from: `${year - 2}-01-01` });
      return {
        filename: `${fileBase(d, 'jaarverslag')}.pdf`,
        bytes: await renderFiguresPdf(d, {
          kind: 'report',
          generatedAt: clock(),
          trend: trend.trajectories.perYear,
        }),
      };
    },

    /** The cases behind a figure that the caller may open (team only: the funder never gets a case id). */
    async casesBehind(ctx: RequestContext, query: FigureQuery & { figure: repo.DrillFigure }) {
      const scope = await open(ctx, query, 'cases', { figure: query.figure });
      if (scope.audience !== 'team')
        throw forbiddenField(
          'figure',
          'funders see aggregates only, not the cases behind them',
          'figures.funderAggregatesOnly',
        );
      const found = await repo.casesBehind(db, scope, query.figure, caseVisibility(ctx.actor), DRILL_LIMIT);
      return { figure: query.figure, from: scope.from, to: scope.to, ...found };
    },
  };
}

export type FiguresService = ReturnType<typeof createFiguresService>;
