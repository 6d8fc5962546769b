import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../http/auth.ts';
import { Binary, Literals, Nullable, Timestamp, Uuid } from '../http/schema.ts';
import { DOCUMENT_KINDS } from './kinds.ts';
import { receiveUpload, uploadLimits } from './multipart-upload.ts';
import type { DocumentService } from './service.ts';

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
 * The case's documents. An upload is multipart/form-data with one part `file` (kind, and optionally a
 * name, in the query), read by @fastify/multipart as a stream and sealed to disk while it arrives.
 */
export function documentRoutes(service: DocumentService): FastifyPluginAsyncTypebox {
  return async (app) => {
    // scoped to this plugin: a multipart body is streamed by the handler, after the access check
    app.removeAllContentTypeParsers();
    await app.register(multipart, { limits: uploadLimits(service.store.maxBytes) });
    // any other body is left unread, so the caller still learns 404/403 before 415
    app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));

    app.post(
      '/cases/:id/documents',
      {
        schema: {
          tags: ['cases'],
          summary:
            'Upload a document (PDF, JPEG or PNG) to the case, as multipart/form-data with one part `file`',
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
        const ctx = contextOf(request);
        const kind = request.query.kind ?? 'other';
        const upload = await receiveUpload(request, service.store, {
          ...(request.query.fileName ? { fileName: request.query.fileName } : {}),
          allowed: () => service.mayUpload(ctx, request.params.id, kind),
        });
        const row = await service.upload(ctx, request.params.id, kind, upload);
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
