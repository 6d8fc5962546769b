import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { DomainError, invalid } from '../errors.ts';
import { type DocumentStore, type ReceivedUpload, unsupported } from './store.ts';

/** The one part an upload form carries: the file, under the field name `file`. */
export const FILE_FIELD = 'file';

/** @fastify/multipart limits for one document: one file part, a byte over the store's limit so its own check refuses. */
export const uploadLimits = (maxBytes: number) => ({
  fileSize: maxBytes + 1,
  files: 1,
  fields: 2,
  parts: 3,
  fieldNameSize: 100,
  fieldSize: 1000,
  headerPairs: 20,
});

/** @fastify/multipart's own errors, as refusals naming the field the form shows them beside. */
function asRefusal(error: unknown, store: DocumentStore): unknown {
  if (error instanceof DomainError) return error;
  switch ((error as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return store.tooLarge();
    case 'FST_FILES_LIMIT':
      return invalid(FILE_FIELD, 'must be a single file', 'invalid');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return invalid('body', 'has parts that do not belong to this form', 'notAccepted');
    case 'FST_MP_PREMATURE_CLOSE':
      return invalid(FILE_FIELD, 'was cut off before its end', 'invalid');
    default:
      // busboy's own parse errors ("Unexpected end of form", "Part terminated early")
      if (error instanceof Error && /unexpected end|terminated early|malformed/i.test(error.message)) {
        return invalid(FILE_FIELD, 'was cut off or malformed', 'invalid');
      }
      return error;
  }
}

/**
 * Reads and drops the rest of a refused body, so a client still sending it gets to read the refusal
 * (it would otherwise wait on a full socket); past `cap` bytes the connection is closed instead.
 */
function dropRest(raw: IncomingMessage, cap: number) {
  raw.unpipe();
  let dropped = 0;
  raw.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > cap) raw.destroy();
  });
  raw.resume();
}

/**
 * Reads a multipart/form-data upload as it streams in, once `allowed` has passed (404/403 before a
 * byte is read): the one `file` part is sealed to disk by the store while it arrives (never whole in
 * memory), any other part is refused by its name. When the request is refused or cut off, the file
 * received so far is removed before the error is passed on.
 */
export async function receiveUpload(
  request: FastifyRequest,
  store: DocumentStore,
  options: { fileName?: string; allowed: () => Promise<void> },
): Promise<ReceivedUpload> {
  let upload: ReceivedUpload | undefined;
  try {
    await options.allowed();
    if (!request.isMultipart()) {
      throw unsupported('must be sent as multipart/form-data, in a part named file', 'document.type');
    }
    for await (const part of request.parts()) {
      if (part.type !== 'file') {
        throw part.fieldname === FILE_FIELD
          ? invalid(FILE_FIELD, 'must be a file', 'invalid')
          : invalid(part.fieldname, 'is not an accepted field', 'notAccepted');
      }
      if (part.fieldname !== FILE_FIELD) {
        part.file.resume();
        throw invalid(part.fieldname, 'is not an accepted field', 'notAccepted');
      }
      const received = await store.receive(part.file);
      upload = {
        fileName: options.fileName || part.filename || 'document',
        declaredType: part.mimetype,
        received,
      };
      if (part.file.truncated) throw store.tooLarge();
    }
  } catch (error) {
    dropRest(request.raw, 4 * store.maxBytes);
    await upload?.received.discard();
    throw asRefusal(error, store);
  }
  if (!upload) throw invalid(FILE_FIELD, 'is required', 'required');
  return upload;
}
