import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../../http/auth.ts';
import { CaseParams, DateString, EntryParams, OptionalText, Reason } from '../schemas.ts';
import type { IncidentLogService } from './service.ts';

// whatHappened and the time are checked by the plausibility rules, which answer in the reader's words
const Fields = {
  occurredOn: DateString,
  occurredTime: OptionalText(5),
  whatHappened: Type.String({ maxLength: 10_000 }),
  place: OptionalText(500),
  witnesses: OptionalText(2000),
  reportedToPolice: Type.Boolean(),
  policeReportNumber: OptionalText(100),
};

const EntryBody = Type.Object(
  {
    ...Fields,
    evidenceDocumentIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);

const CorrectionBody = Type.Object({ ...Fields, reason: Reason }, { additionalProperties: false });

export function incidentLogRoutes(service: IncidentLogService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/cases/:id/incident-log',
      {
        schema: {
          tags: ['casework'],
          summary: "The case's one incident log (alarms, caseworker, client), oldest first, with corrections",
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
    app.post(
      '/cases/:id/incident-log/:entryId/corrections',
      {
        schema: {
          tags: ['casework'],
          summary: 'Corrects an incident with a reason; the earlier version stays in its history',
          params: EntryParams,
          body: CorrectionBody,
        },
      },
      async (request) =>
        service.correct(contextOf(request), request.params.id, request.params.entryId, request.body),
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
