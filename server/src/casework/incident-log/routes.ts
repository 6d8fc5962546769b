import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../../http/auth.ts';
import { Day, File, Literals, Nullable, Timestamp, Uuid } from '../../http/schema.ts';
import { Corrections } from '../replies.ts';
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

const Entry = Type.Object({
  id: Uuid,
  occurredOn: Day,
  occurredTime: Nullable(Type.String({ description: 'HH:MM, null when the time is not known' })),
  whatHappened: Type.String(),
  place: Nullable(Type.String()),
  witnesses: Nullable(Type.String()),
  evidenceDocumentIds: Type.Array(Uuid),
  evidence: Type.Array(Type.Object({ id: Uuid, fileName: Type.String() })),
  reportedToPolice: Type.Boolean(),
  policeReportNumber: Nullable(Type.String()),
  source: Literals(['caseworker', 'alarm', 'client'] as const),
  author: Nullable(Type.String()),
  createdAt: Timestamp,
  corrections: Corrections,
});

export function incidentLogRoutes(service: IncidentLogService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/cases/:id/incident-log',
      {
        schema: {
          tags: ['casework'],
          response: { 200: Type.Array(Entry) },
          summary: "The case's one incident log (alarms, caseworker, client), oldest first, with corrections",
          params: CaseParams,
        },
      },
      async (request) => service.list(contextOf(request), request.params.id),
    );
    app.post(
      '/cases/:id/incident-log',
      { schema: { tags: ['casework'], response: { 201: Entry }, params: CaseParams, body: EntryBody } },
      async (request, reply) =>
        reply.code(201).send(await service.add(contextOf(request), request.params.id, request.body)),
    );
    app.post(
      '/cases/:id/incident-log/:entryId/corrections',
      {
        schema: {
          tags: ['casework'],
          response: { 200: Entry },
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
          response: { 200: File('application/pdf', 'the incident log, oldest first, marked VERTROUWELIJK') },
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
