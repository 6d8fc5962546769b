import type { Queryable } from '../db/index.ts';
import type { DocumentKind } from './kinds.ts';

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

const COLUMNS = `id, case_id as "caseId", kind, file_name as "fileName", media_type as "mediaType",
    size_bytes as "sizeBytes", sha256, uploaded_at as "uploadedAt", uploaded_by as "uploadedBy"`;

export async function insertDocument(
  tx: Queryable,
  d: {
    caseId: string;
    kind: DocumentKind;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    storageKey: string;
    keySealed: string;
    uploadedBy: string | null;
  },
): Promise<DocumentRow> {
  const r = await tx.query<DocumentRow>(
    `insert into case_documents (case_id, kind, file_name, media_type, size_bytes, sha256, storage_key, key_sealed, uploaded_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${COLUMNS}`,
    [
      d.caseId,
      d.kind,
      d.fileName,
      d.mediaType,
      d.sizeBytes,
      d.sha256,
      d.storageKey,
      d.keySealed,
      d.uploadedBy,
    ],
  );
  return r.rows[0]!;
}

export async function listDocuments(
  tx: Queryable,
  caseId: string,
  kinds?: readonly DocumentKind[],
): Promise<DocumentRow[]> {
  const r = await tx.query<DocumentRow>(
    `select ${COLUMNS} from case_documents where case_id = $1 and ($2::text[] is null or kind = any($2))
     order by uploaded_at desc, id`,
    [caseId, kinds ?? null],
  );
  return r.rows;
}

export async function findDocument(
  tx: Queryable,
  caseId: string,
  documentId: string,
): Promise<DocumentRow | null> {
  const r = await tx.query<DocumentRow>(
    `select ${COLUMNS} from case_documents where case_id = $1 and id = $2`,
    [caseId, documentId],
  );
  return r.rows[0] ?? null;
}

/** The row with where its sealed file lies and the sealed key that opens it. */
export async function findDocumentFile(tx: Queryable, caseId: string, documentId: string) {
  const r = await tx.query<DocumentRow & { storageKey: string; keySealed: string }>(
    `select ${COLUMNS}, storage_key as "storageKey", key_sealed as "keySealed"
     from case_documents where case_id = $1 and id = $2`,
    [caseId, documentId],
  );
  return r.rows[0] ?? null;
}

/** The case a document belongs to; null when there is no such document. */
export async function caseOfDocument(tx: Queryable, documentId: string): Promise<string | null> {
  const r = await tx.query<{ caseId: string }>(
    'select case_id as "caseId" from case_documents where id = $1',
    [documentId],
  );
  return r.rows[0]?.caseId ?? null;
}
