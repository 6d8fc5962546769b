import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../../http/auth.ts';
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

export function safetyPlanRoutes(service: SafetyPlanService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/cases/:id/safety-plan',
      {
        schema: {
          tags: ['casework'],
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
