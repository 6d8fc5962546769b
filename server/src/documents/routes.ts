import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../http/auth.ts';
import { Binary, Literals, Nullable, Timestamp, Uuid } from '../http/schema.ts';
import type { DocumentService } from './service.ts';
import { DOCUMENT_KINDS } from './store.ts';

const CaseParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Kind = Type.Union(
  DOCUMENT_KINDS.map((k) => Type.Literal(k)),
  { description: 'what the file is' },
);

const Document = Type.Object({
  id: Uuid,
  caseId: Uuid,
  kind: Literals(DOCUMENT_KINDS),
  fileName: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  uploadedAt: Timestamp,
  uploadedBy: Nullable(Uuid),
});

/** RFC 6266: an ASCII fallback plus the UTF-8 name. */
function attachment(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'document';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The case's documents. An upload is the raw file as the request body (Content-Type of the file, name
 * in the query), so no multipart parser sits in front of the size and type checks.
 */
export function documentRoutes(service: DocumentService): FastifyPluginAsyncTypebox {
  return async (app) => {
    // scoped to this plugin: every body here is a file, read into a buffer up to the size limit
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: service.store.maxBytes },
      (_r, body, done) => done(null, body),
    );

    app.post(
      '/cases/:id/documents',
      {
        schema: {
          tags: ['cases'],
          summary: 'Upload a document (PDF, JPEG or PNG) to the case; the body is the file',
          params: CaseParams,
          querystring: Type.Object(
            {
              kind: Type.Optional(Kind),
              fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            },
            { additionalProperties: false },
          ),
          response: { 201: Document },
        },
      },
      async (request, reply) => {
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const row = await service.upload(
          contextOf(request),
          request.params.id,
          request.query.kind ?? 'other',
          {
            fileName: request.query.fileName ?? 'document',
            declaredType: request.headers['content-type'],
            bytes,
          },
        );
        return reply.code(201).header('cache-control', 'no-store').send(row);
      },
    );

    app.get(
      '/cases/:id/documents',
      {
        schema: {
          tags: ['cases'],
          summary: 'Documents of the case',
          params: CaseParams,
          response: { 200: Type.Array(Document) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return service.list(contextOf(request), request.params.id);
      },
    );

    app.get(
      '/case-documents/:id',
      {
        schema: {
          tags: ['cases'],
          summary: 'Download one document of a case',
          params: CaseParams,
          response: {
            200: {
              description: 'the file as uploaded, with its own media type',
              content: { 'application/octet-stream': { schema: Binary } },
            },
          },
        },
      },
      async (request, reply) => {
        const { document, bytes } = await service.download(contextOf(request), request.params.id);
        return reply
          .headers({
            'content-type': document.mediaType,
            'content-disposition': attachment(document.fileName),
            'x-content-type-options': 'nosniff',
            'cache-control': 'no-store',
          })
          .send(bytes);
      },
    );
  };
}
