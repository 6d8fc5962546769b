import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../../http/auth.ts';
import { CaseParams, OptionalText } from '../schemas.ts';
import type { IncidentLogService } from './service.ts';

const EntryBody = Type.Object(
  {
    occurredAt: Type.String({ format: 'date-time' }),
    whatHappened: Type.String({ minLength: 1, maxLength: 10_000 }),
    place: OptionalText(500),
    witnesses: OptionalText(2000),
    evidenceDocumentIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50 })),
    reportedToPolice: Type.Boolean(),
    policeReportNumber: OptionalText(100),
  },
  { additionalProperties: false },
);

export function incidentLogRoutes(service: IncidentLogService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/cases/:id/incident-log',
      {
        schema: {
          tags: ['casework'],
          summary: "The client's incident log, oldest first",
          params: CaseParams,
        },
      },
      async (request) => service.list(contextOf(request), request.params.id),
    );
    app.post(
      '/cases/:id/incident-log',
      { schema: { tags: ['casework'], params: CaseParams, body: EntryBody } },
      async (request, reply) =>
        reply.code(201).send(await service.add(contextOf(request), request.params.id, request.body)),
    );
    app.get(
      '/cases/:id/incident-log/pdf',
      {
        schema: {
          tags: ['casework'],
          summary: 'The incident log as a chronological PDF for a police report',
          params: CaseParams,
        },
      },
      async (request, reply) => {
        const bytes = await service.pdf(contextOf(request), request.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', 'inline; filename="logboek.pdf"')
          .header('cache-control', 'no-store')
          .send(Buffer.from(bytes));
      },
    );
  };
}
