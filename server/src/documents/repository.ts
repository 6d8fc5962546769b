import type { Queryable } from '../db/index.ts';

/** The case a document belongs to; null when there is no such document. */
export async function caseOfDocument(tx: Queryable, documentId: string): Promise<string | null> {
  const r = await tx.query<{ caseId: string }>(
    'select case_id as "caseId" from case_documents where id = $1',
    [documentId],
  );
  return r.rows[0]?.caseId ?? null;
}
