import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { audit } from '../audit/index.ts';
import { recordOnTimeline } from '../cases/timeline.ts';
import type { RequestContext } from '../context.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Queryable } from '../db/index.ts';
import { DomainError, invalid, notFound } from '../errors.ts';
import type { RefusalCode } from '../refusals.ts';
import { type DocumentKind, KIND_LABELS_NL } from './kinds.ts';
import {
  type DocumentRow,
  findDocument,
  findDocumentFile,
  insertDocument,
  listDocuments,
} from './repository.ts';
import { type DocumentMediaType, openFile, sha256, sniffMediaType, writeSealed } from './sealed-file.ts';

export interface NewFile {
  fileName: string;
  /** what the uploader said it is (Content-Type); checked against the bytes */
  declaredType?: string;
  bytes: Buffer;
}

/** A file sealed on disk as it arrived, not yet recorded: `discard` it unless `record` succeeds. */
export interface ReceivedFile {
  storageKey: string;
  keySealed: string;
  sizeBytes: number;
  sha256: string;
  /** what the bytes really are (magic numbers); null if not an accepted type */
  mediaType: DocumentMediaType | null;
  discard(): Promise<void>;
}

export interface ReceivedUpload {
  fileName: string;
  declaredType?: string;
  received: ReceivedFile;
}

export const unsupported = (message: string, code: RefusalCode, params?: Record<string, string>) =>
  new DomainError(
    415,
    'Unsupported Media Type',
    `file ${message}`,
    [{ field: 'file', message, code, params }],
    {
      code,
      params,
    },
  );

const tooLarge = (maxBytes: number) => {
  const message = `is larger than ${maxBytes} bytes`;
  const params = { megabytes: String(Math.floor(maxBytes / 1_000_000)) };
  return new DomainError(
    413,
    'Payload Too Large',
    `file ${message}`,
    [{ field: 'file', message, code: 'document.tooLarge', params }],
    { code: 'document.tooLarge', params },
  );
};

/** A file name safe for a header and a listing: no path, no control characters, not too long. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\p{Cc}"]/gu, '')
    .trim()
    .slice(0, 120);
  return clean || 'document';
}

/**
 * The case's document store: bytes sealed on disk under `dir` (outside the web root), the row in
 * case_documents. The access check on the case is the caller's (see service.ts); these functions run
 * inside the caller's transaction, so other features (evidence for the incident log) store with their
 * own record in one go.
 */
export function createDocumentStore(options: { dir: string; secrets: SecretBox; maxBytes: number }) {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const pathOf = (key: string) => join(options.dir, key);

  return {
    maxBytes: options.maxBytes,

    /** Refuses a file that is too large, as the upload's own check does (413 naming the field `file`). */
    tooLarge: () => tooLarge(options.maxBytes),

    /**
     * Seals a stream into a new file as it arrives, counting and hashing it; refuses (413) as soon as
     * it grows past the limit. Nothing is recorded yet, and on any failure nothing stays on disk.
     */
    async receive(source: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<ReceivedFile> {
      const storageKey = randomUUID();
      const path = pathOf(storageKey);
      const sealed = await writeSealed(options.secrets, source, path, options.maxBytes, () =>
        tooLarge(options.maxBytes),
      );
      return {
        storageKey,
        keySealed: sealed.keySealed,
        sizeBytes: sealed.sizeBytes,
        sha256: sealed.sha256,
        mediaType: sniffMediaType(sealed.head),
        discard: () => rm(path, { force: true }),
      };
    },

    /**
     * Checks a received file and records it with its audit entry and timeline line, inside the
     * caller's transaction; refuses (400/413/415) naming the field `file`. The caller discards the
     * file when this or its transaction fails.
     */
    async record(
      tx: Queryable,
      ctx: RequestContext,
      caseId: string,
      kind: DocumentKind,
      upload: ReceivedUpload,
    ): Promise<DocumentRow> {
      const file = upload.received;
      if (file.sizeBytes === 0) throw invalid('file', 'is empty', 'document.empty');
      if (file.sizeBytes > options.maxBytes) throw tooLarge(options.maxBytes);
      const mediaType = file.mediaType;
      if (!mediaType) throw unsupported('must be a PDF, JPEG or PNG', 'document.type');
      const declared = upload.declaredType?.split(';')[0]?.trim().toLowerCase();
      if (declared && declared !== 'application/octet-stream' && declared !== mediaType) {
        throw unsupported(
          `is declared as ${declared} but its content is ${mediaType}`,
          'document.typeMismatch',
        );
      }
      const fileName = cleanFileName(upload.fileName);
      const row = await insertDocument(tx, {
        caseId,
        kind,
        fileName,
        mediaType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        storageKey: file.storageKey,
        keySealed: file.keySealed,
        uploadedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await audit(tx, ctx, {
        action: 'case.document.upload',
        access: 'write',
        recordType: 'case_document',
        recordId: row.id,
        details: { caseId, kind, sizeBytes: row.sizeBytes, mediaType },
      });
      await recordOnTimeline(tx, {
        caseId,
        kind: 'document',
        summary: `${KIND_LABELS_NL[kind]} toegevoegd: ${fileName}`,
        message: { code: 'document', params: { document: kind, fileName } },
        actorLabel: ctx.actor.label,
        refType: 'case_document',
        refId: row.id,
      });
      return row;
    },

    /** Checks, seals, writes and records one file held in memory (the demo seed, other features). */
    async store(
      tx: Queryable,
      ctx: RequestContext,
      caseId: string,
      kind: DocumentKind,
      file: NewFile,
    ): Promise<DocumentRow> {
      const received = await this.receive([file.bytes]);
      try {
        return await this.record(tx, ctx, caseId, kind, { ...file, received });
      } catch (error) {
        await received.discard();
        throw error;
      }
    },

    async list(tx: Queryable, caseId: string, kinds?: readonly DocumentKind[]): Promise<DocumentRow[]> {
      return listDocuments(tx, caseId, kinds);
    },

    async find(tx: Queryable, caseId: string, documentId: string): Promise<DocumentRow | null> {
      return findDocument(tx, caseId, documentId);
    },

    /** Reads and opens one file, checking it against its recorded hash; audits the read. */
    async open(tx: Queryable, ctx: RequestContext, caseId: string, documentId: string) {
      const row = await findDocumentFile(tx, caseId, documentId);
      if (!row) throw notFound('document');
      const bytes = openFile(options.secrets, await readFile(pathOf(row.storageKey)), row.keySealed);
      if (sha256(bytes) !== row.sha256) throw new Error(`document ${row.id} does not match its hash`);
      await audit(tx, ctx, {
        action: 'case.document.read',
        access: 'read',
        recordType: 'case_document',
        recordId: row.id,
        details: { caseId, kind: row.kind },
      });
      const { storageKey: _k, keySealed: _s, ...document } = row;
      return { document: document as DocumentRow, bytes };
    },
  };
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
