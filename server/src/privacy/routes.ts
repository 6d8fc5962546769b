import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../http/auth.ts';
import { AnyObject, Binary, Literals, Nullable, Timestamp, Uuid } from '../http/schema.ts';
import type { PrivacyService } from './service.ts';

const CaseParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Text = (description: string) =>
  // at least one non-space character; long enough for a letter's gist, short enough to stay a record
  Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S', description });

export const ExportQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('pdf')], { default: 'json' })),
});

export const NewPrivacyRequest = Type.Object(
  {
    kind: Type.Union(
      [
        Type.Literal('access'),
        Type.Literal('correction'),
        Type.Literal('restriction'),
        Type.Literal('erasure'),
      ],
      { description: 'access (art. 15), correction (art. 16), restriction (art. 18), erasure (art. 17)' },
    ),
    description: Text('what the client asks, in her words or summarised'),
    receivedAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'when the request was received; default now' }),
    ),
  },
  { additionalProperties: false },
);

export const PrivacyDecision = Type.Object(
  { decision: Text('what was decided and done, and what the client was told') },
  { additionalProperties: false },
);

const PrivacyRequest = Type.Object({
  id: Uuid,
  kind: Literals(['access', 'correction', 'restriction', 'erasure'] as const),
  receivedAt: Timestamp,
  answerDueAt: Timestamp,
  description: Type.String(),
  decision: Nullable(Type.String()),
  decidedAt: Nullable(Timestamp),
  decidedBy: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: Timestamp,
});

/** Headers for a file that must not be cached, sniffed or shown inline. */
function fileHeaders(filename: string, contentType: string) {
  return {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${filename}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    pragma: 'no-cache',
  };
}

/** Data-subject rights of the client (AVG/GDPR): export, and correction/restriction/erasure requests. */
export function privacyRoutes(service: PrivacyService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/cases/:id/data-subject-export',
      {
        schema: {
          tags: ['privacy'],
          summary: "Everything held about the case's client (art. 15 AVG), as JSON or a Dutch PDF",
          params: CaseParams,
          querystring: ExportQuery,
          response: {
            200: {
              description: 'everything about the client, as JSON or as a PDF (?format=pdf)',
              content: {
                'application/json': { schema: AnyObject },
                'application/pdf': { schema: Binary },
              },
            },
          },
        },
      },
      async (request, reply) => {
        const result = await service.exportCase(
          contextOf(request),
          request.params.id,
          request.query.format ?? 'json',
        );
        if (result.format === 'pdf') {
          return reply
            .headers(fileHeaders(result.filename, 'application/pdf'))
            .send(Buffer.from(result.bytes));
        }
        return reply
          .headers(fileHeaders(result.filename, 'application/json; charset=utf-8'))
          .send(result.data);
      },
    );

    app.get(
      '/cases/:id/privacy-requests',
      {
        schema: {
          tags: ['privacy'],
          summary: 'Data-subject requests of the client',
          params: CaseParams,
          response: { 200: Type.Array(PrivacyRequest) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return service.listRequests(contextOf(request), request.params.id);
      },
    );

    app.post(
      '/cases/:id/privacy-requests',
      {
        schema: {
          tags: ['privacy'],
          summary: 'Record a data-subject request of the client',
          params: CaseParams,
          body: NewPrivacyRequest,
          response: { 201: PrivacyRequest },
        },
      },
      async (request, reply) => {
        const created = await service.createRequest(contextOf(request), request.params.id, request.body);
        return reply.code(201).header('cache-control', 'no-store').send(created);
      },
    );

    app.post(
      '/privacy-requests/:id/decision',
      {
        schema: {
          tags: ['privacy'],
          summary: 'Record the decision on a data-subject request (once)',
          params: CaseParams,
          body: PrivacyDecision,
          response: { 200: PrivacyRequest },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return service.decide(contextOf(request), request.params.id, request.body);
      },
    );
  };
}
