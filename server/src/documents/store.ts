import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { audit } from '../audit/index.ts';
import { recordOnTimeline } from '../cases/timeline.ts';
import type { RequestContext } from '../context.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Queryable } from '../db/index.ts';
import { DomainError, invalid, notFound } from '../errors.ts';
import type { RefusalCode } from '../refusals.ts';
import { openFile, sealFile, sha256, sniffMediaType } from './sealed-file.ts';

export const DOCUMENT_KINDS = ['contract', 'risk_assessment', 'evidence', 'signalement', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const KIND_LABELS_NL: Record<DocumentKind, string> = {
  contract: 'gebruikerscontract',
  risk_assessment: 'risicotaxatie',
  evidence: 'bewijsstuk',
  signalement: 'signalement',
  other: 'document',
};

export interface DocumentRow {
  id: string;
  caseId: string;
  kind: DocumentKind;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
  uploadedBy: string | null;
}

export interface NewFile {
  fileName: string;
  /** what the uploader said it is (Content-Type); checked against the bytes */
  declaredType?: string;
  bytes: Buffer;
}

const unsupported = (message: string, code: RefusalCode, params?: Record<string, string>) =>
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
  const COLUMNS = `id, case_id as "caseId", kind, file_name as "fileName", media_type as "mediaType",
    size_bytes as "sizeBytes", sha256, uploaded_at as "uploadedAt", uploaded_by as "uploadedBy"`;

  return {
    maxBytes: options.maxBytes,

    /** Checks, seals, writes and records one file; refuses (415/413/400) naming the field `file`. */
    async store(
      tx: Queryable,
      ctx: RequestContext,
      caseId: string,
      kind: DocumentKind,
      file: NewFile,
    ): Promise<DocumentRow> {
      if (file.bytes.length === 0) throw invalid('file', 'is empty', 'document.empty');
      if (file.bytes.length > options.maxBytes) {
        const message = `is larger than ${options.maxBytes} bytes`;
        const params = { megabytes: String(Math.floor(options.maxBytes / 1_000_000)) };
        throw new DomainError(
          413,
          'Payload Too Large',
          `file ${message}`,
          [{ field: 'file', message, code: 'document.tooLarge', params }],
          { code: 'document.tooLarge', params },
        );
      }
      const mediaType = sniffMediaType(file.bytes);
      if (!mediaType) throw unsupported('must be a PDF, JPEG or PNG', 'document.type');
      const declared = file.declaredType?.split(';')[0]?.trim().toLowerCase();
      if (declared && declared !== 'application/octet-stream' && declared !== mediaType) {
        throw unsupported(
          `is declared as ${declared} but its content is ${mediaType}`,
          'document.typeMismatch',
        );
      }
      const storageKey = randomUUID();
      const sealed = sealFile(options.secrets, file.bytes);
      await writeFile(pathOf(storageKey), sealed.bytes, { mode: 0o600, flag: 'wx' });
      try {
        const fileName = cleanFileName(file.fileName);
        const r = await tx.query<DocumentRow>(
          `insert into case_documents (case_id, kind, file_name, media_type, size_bytes, sha256, storage_key, key_sealed, uploaded_by)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${COLUMNS}`,
          [
            caseId,
            kind,
            fileName,
            mediaType,
            file.bytes.length,
            sha256(file.bytes),
            storageKey,
            sealed.keySealed,
            ctx.actor.kind === 'user' ? ctx.actor.id : null,
          ],
        );
        const row = r.rows[0]!;
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
      } catch (error) {
        await rm(pathOf(storageKey), { force: true });
        throw error;
      }
    },

    async list(tx: Queryable, caseId: string, kinds?: readonly DocumentKind[]): Promise<DocumentRow[]> {
      const r = await tx.query<DocumentRow>(
        `select ${COLUMNS} from case_documents where case_id = $1 and ($2::text[] is null or kind = any($2))
         order by uploaded_at desc, id`,
        [caseId, kinds ?? null],
      );
      return r.rows;
    },

    async find(tx: Queryable, caseId: string, documentId: string): Promise<DocumentRow | null> {
      const r = await tx.query<DocumentRow>(
        `select ${COLUMNS} from case_documents where case_id = $1 and id = $2`,
        [caseId, documentId],
      );
      return r.rows[0] ?? null;
    },

    /** Reads and opens one file, checking it against its recorded hash; audits the read. */
    async open(tx: Queryable, ctx: RequestContext, caseId: string, documentId: string) {
      const r = await tx.query<DocumentRow & { storageKey: string; keySealed: string }>(
        `select ${COLUMNS}, storage_key as "storageKey", key_sealed as "keySealed"
         from case_documents where case_id = $1 and id = $2`,
        [caseId, documentId],
      );
      const row = r.rows[0];
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
