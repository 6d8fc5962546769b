import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CASE_STATUSES } from '../cases/status.ts';
import { contextOf } from '../http/auth.ts';
import { Day as CalendarDay, File, fromRows, Literals, Uuid } from '../http/schema.ts';
import { Dashboard } from './dashboard-schema.ts';
import { TARGET_GROUPS } from './filters.ts';
import { DRILL_FIGURES } from './repository.ts';
import type { FiguresService } from './service.ts';

const Day = (description: string) => Type.String({ format: 'date', description });

export const FigureFilters = Type.Object(
  {
    from: Type.Optional(Day('first day of the period (default: 1 January of this year)')),
    to: Type.Optional(Day('last day of the period, included (default: 31 December of this year)')),
    targetGroup: Type.Optional(Type.Union(TARGET_GROUPS.map((g) => Type.Literal(g)))),
    regionId: Type.Optional(Type.String({ format: 'uuid', description: 'default: the caller’s region' })),
    organisationId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'executing organisation (team leads only; funders see regions)',
      }),
    ),
  },
  { additionalProperties: false },
);

const DrillQuery = Type.Object(
  {
    ...FigureFilters.properties,
    figure: Type.Optional(
      Type.Union(
        DRILL_FIGURES.map((f) => Type.Literal(f)),
        { description: 'default: running trajectories' },
      ),
    ),
  },
  { additionalProperties: false },
);

const ReportQuery = Type.Object(
  {
    year: Type.Optional(
      Type.Integer({
        minimum: 2000,
        maximum: 2100,
        description: 'calendar year of the report (default: last year)',
      }),
    ),
    targetGroup: Type.Optional(Type.Union(TARGET_GROUPS.map((g) => Type.Literal(g)))),
    regionId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

const DrillDown = Type.Object({
  figure: Literals(DRILL_FIGURES),
  from: CalendarDay,
  to: CalendarDay,
  cases: Type.Array(
    Type.Object({
      id: Uuid,
      reference: Type.String(),
      status: Literals(CASE_STATUSES),
      targetGroup: Literals(TARGET_GROUPS),
    }),
  ),
  total: Type.Integer(),
  notVisible: Type.Integer({ description: 'cases behind the figure the caller may not open' }),
});

function fileHeaders(filename: string, contentType: string) {
  return {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${filename}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
}

/** Figures for the team lead, the region and the funder (issue 6; definitions in docs/indicators.md). */
export function figuresRoutes(service: FiguresService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/figures/dashboard',
      {
        schema: {
          tags: ['figures'],
          response: { 200: Dashboard },
          summary:
            'Every indicator for one region and period (funders: aggregates with small cells suppressed)',
          querystring: FigureFilters,
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return service.dashboard(contextOf(request), request.query);
      },
    );

    app.get(
      '/figures/dashboard.csv',
      {
        schema: {
          tags: ['figures'],
          response: { 200: File('text/csv', 'the dashboard as CSV') },
          summary: 'The dashboard as CSV (Dutch, semicolon-separated)',
          querystring: FigureFilters,
        },
      },
      async (request, reply) => {
        const file = await service.csv(contextOf(request), request.query);
        return reply.headers(fileHeaders(file.filename, 'text/csv; charset=utf-8')).send(file.body);
      },
    );

    app.get(
      '/figures/dashboard.pdf',
      {
        schema: {
          tags: ['figures'],
          response: { 200: File('application/pdf', 'the dashboard as PDF') },
          summary: 'The dashboard as a Dutch PDF',
          querystring: FigureFilters,
        },
      },
      async (request, reply) => {
        const file = await service.pdf(contextOf(request), request.query);
        return reply.headers(fileHeaders(file.filename, 'application/pdf')).send(Buffer.from(file.bytes));
      },
    );

    app.get(
      '/figures/report.pdf',
      {
        schema: {
          tags: ['figures'],
          response: { 200: File('application/pdf', 'the yearly report') },
          summary: 'The yearly report in Dutch a region hands to its board',
          querystring: ReportQuery,
        },
      },
      async (request, reply) => {
        const file = await service.report(contextOf(request), request.query);
        return reply.headers(fileHeaders(file.filename, 'application/pdf')).send(Buffer.from(file.bytes));
      },
    );

    app.get(
      '/figures/cases',
      {
        schema: {
          tags: ['figures'],
          response: { 200: DrillDown },
          summary: 'The cases behind a figure that the caller may open (team leads only)',
          querystring: DrillQuery,
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return fromRows(
          await service.casesBehind(contextOf(request), {
            ...request.query,
            figure: request.query.figure ?? 'running',
          }),
        );
      },
    );
  };
}
