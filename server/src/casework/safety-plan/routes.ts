import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../../http/auth.ts';
import { File, Literals, Nullable, Timestamp } from '../../http/schema.ts';
import { CaseParams, OptionalText } from '../schemas.ts';
import { MAX_LINE_LENGTH, MAX_LINES, PLAN_SECTIONS } from './content.ts';
import type { SafetyPlanService } from './service.ts';

const Lines = Type.Optional(
  Type.Array(Type.String({ maxLength: MAX_LINE_LENGTH * 2 }), { maxItems: MAX_LINES * 2 }),
);
const PlanBody = Type.Object(
  {
    baseVersion: Type.Integer({ minimum: 0 }),
    content: Type.Object(Object.fromEntries(PLAN_SECTIONS.map((s) => [s, Lines])), {
      additionalProperties: false,
    }),
    reason: OptionalText(500),
  },
  { additionalProperties: false },
);
const VersionQuery = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

const VersionFields = {
  version: Type.Integer(),
  language: Type.String(),
  reason: Nullable(Type.String()),
  author: Nullable(Type.String()),
  createdAt: Timestamp,
};
const PlanVersion = Type.Object({
  ...VersionFields,
  content: Type.Object(
    Object.fromEntries(PLAN_SECTIONS.map((s) => [s, Type.Optional(Type.Array(Type.String()))])),
  ),
});
const Plan = Type.Object({
  plan: Nullable(PlanVersion),
  changes: Type.Array(
    Type.Object({
      section: Literals(PLAN_SECTIONS),
      added: Type.Array(Type.String()),
      removed: Type.Array(Type.String()),
    }),
    { description: 'what changed from the version before' },
  ),
  versions: Type.Array(Type.Object(VersionFields)),
});

export function safetyPlanRoutes(service: SafetyPlanService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/cases/:id/safety-plan',
      {
        schema: {
          tags: ['casework'],
          response: { 200: Plan },
          summary: 'The safety plan in force (or ?version=n), its versions and what changed',
          params: CaseParams,
          querystring: VersionQuery,
        },
      },
      async (request) => service.get(contextOf(request), request.params.id, request.query.version),
    );
    app.post(
      '/cases/:id/safety-plan',
      {
        schema: {
          tags: ['casework'],
          response: { 201: PlanVersion },
          summary: 'Save a new version; 409 when baseVersion is not the newest',
          params: CaseParams,
          body: PlanBody,
        },
      },
      async (request, reply) => {
        const body = request.body as Parameters<SafetyPlanService['save']>[2];
        return reply.code(201).send(await service.save(contextOf(request), request.params.id, body));
      },
    );
    app.get(
      '/cases/:id/safety-plan/pdf',
      {
        schema: {
          tags: ['casework'],
          response: { 200: File('application/pdf', 'the plan in her language') },
          summary: 'The plan printed for her home, in her language: no case reference, no perpetrator name',
          params: CaseParams,
          querystring: VersionQuery,
        },
      },
      async (request, reply) => {
        const bytes = await service.pdf(contextOf(request), request.params.id, request.query.version);
        return reply
          .type('application/pdf')
          .header('content-disposition', 'inline; filename="veiligheidsplan.pdf"')
          .header('cache-control', 'no-store')
          .send(Buffer.from(bytes));
      },
    );
  };
}
