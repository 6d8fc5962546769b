import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../http/auth.ts';
import { File, fromRows, Literals, Nullable, Timestamp, Uuid } from '../http/schema.ts';
import { STAGES } from './rules.ts';
import type { Grading } from './service.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Week = Type.String({
  pattern: '^\\d{4}-W\\d{2}$',
  description: 'ISO week, e.g. 2026-W49 (Dutch time)',
});
const Stage = Literals(STAGES);
const StageInput = Type.Union(STAGES.map((s) => Type.Literal(s)));
const Seconds = Nullable(Type.Number({ description: 'seconds from receipt; null: the link did not happen' }));
const Share = Nullable(Type.Number({ minimum: 0, maximum: 1 }));
/** null first: the validator would otherwise coerce a null norm into 0 */
const ShareInput = Type.Union([Type.Null(), Type.Number({ minimum: 0, maximum: 1 })]);

const Norms = Type.Object({
  configured: Type.Boolean({ description: 'false: the region set none and the default applies' }),
  stages: Type.Array(Type.Object({ stage: Stage, within30: Share, within60: Share })),
});
const Stats = Type.Array(
  Type.Object({
    stage: Stage,
    n: Type.Integer({ description: 'alarms that reached this link' }),
    notReached: Type.Integer({ description: 'alarms that never reached it (no time, not zero)' }),
    p50: Seconds,
    p90: Seconds,
    p99: Seconds,
    within30: Share,
    within60: Share,
    meets30: Nullable(Type.Boolean()),
    meets60: Nullable(Type.Boolean()),
  }),
);
const Report = Type.Object({
  regionId: Uuid,
  region: Type.String(),
  from: Type.String(),
  to: Type.String(),
  norms: Norms,
  total: Type.Integer(),
  overall: Stats,
  weeks: Type.Array(Type.Object({ week: Type.String(), alarms: Type.Integer(), stages: Stats })),
  byPriority: Type.Array(Type.Object({ priority: Type.Integer(), alarms: Type.Integer(), stages: Stats })),
  byOperator: Type.Array(
    Type.Object({ operatorName: Nullable(Type.String()), alarms: Type.Integer(), stages: Stats }),
  ),
  alarms: Type.Array(
    Type.Object({
      id: Uuid,
      week: Type.String(),
      kind: Type.String(),
      priority: Type.Integer(),
      receivedAt: Timestamp,
      operatorName: Nullable(Type.String()),
      seconds: Type.Object(
        Object.fromEntries(STAGES.map((s) => [s, Seconds])) as Record<
          (typeof STAGES)[number],
          typeof Seconds
        >,
      ),
    }),
  ),
});

/** Response grading of a region's alarm chain (issue 16). */
export function gradingRoutes(grading: Grading): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/regions/:id/grading',
      {
        schema: {
          tags: ['grading'],
          summary:
            'Each link of the alarm chain from receipt: p50/p90/p99 and the share within 30 s and 60 s against the region’s norms, per ISO week, priority and operator, and per alarm',
          params: Id,
          querystring: Type.Object(
            { from: Type.Optional(Week), to: Type.Optional(Week) },
            { additionalProperties: false },
          ),
          response: { 200: Report },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return fromRows(await grading.report(contextOf(request), request.params.id, request.query));
      },
    );
    app.get(
      '/regions/:id/grading/week.pdf',
      {
        schema: {
          tags: ['grading'],
          summary: 'One week’s grading as a Dutch PDF for the alarm centre’s manager (default: this week)',
          params: Id,
          querystring: Type.Object({ week: Type.Optional(Week) }, { additionalProperties: false }),
          response: { 200: File('application/pdf', 'the week’s response grading') },
        },
      },
      async (request, reply) => {
        const file = await grading.weekPdf(contextOf(request), request.params.id, request.query.week);
        return reply
          .headers({
            'content-type': 'application/pdf',
            'content-disposition': `attachment; filename="${file.filename}"`,
            'x-content-type-options': 'nosniff',
            'cache-control': 'no-store',
          })
          .send(Buffer.from(file.bytes));
      },
    );
    app.get(
      '/regions/:id/grading/norms',
      {
        schema: {
          tags: ['grading'],
          summary: 'The norms the region grades against (the default while it set none)',
          params: Id,
          response: { 200: Norms },
        },
      },
      async (request) => fromRows(await grading.norms(contextOf(request), request.params.id)),
    );
    app.put(
      '/regions/:id/grading/norms',
      {
        schema: {
          tags: ['grading'],
          summary: 'Replaces the region’s norms; an empty list returns to the default',
          params: Id,
          body: Type.Object(
            {
              stages: Type.Array(
                Type.Object(
                  { stage: StageInput, within30: ShareInput, within60: ShareInput },
                  { additionalProperties: false },
                ),
                { maxItems: STAGES.length },
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: Norms },
        },
      },
      async (request) =>
        fromRows(await grading.saveNorms(contextOf(request), request.params.id, request.body.stages)),
    );
  };
}
