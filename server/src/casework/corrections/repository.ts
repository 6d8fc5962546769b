import type { Queryable } from '../../db/index.ts';

export type CorrectedRecord = 'conversation' | 'incident_log_entry' | 'evaluation';

/** One correction: what the entry said before it, why it changed, who changed it and when. */
export interface Correction {
  previous: Record<string, unknown>;
  changedFields: string[];
  reason: string;
  correctedBy: string | null;
  correctedAt: Date;
}

export async function insertCorrection(
  tx: Queryable,
  c: {
    caseId: string;
    recordType: CorrectedRecord;
    recordId: string;
    previous: Record<string, unknown>;
    changedFields: string[];
    reason: string;
    by: string | null;
  },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into care_record_corrections (case_id, record_type, record_id, previous, changed_fields, reason, corrected_by)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [c.caseId, c.recordType, c.recordId, JSON.stringify(c.previous), c.changedFields, c.reason, c.by],
  );
  return r.rows[0]!.id;
}

/** The corrections of every entry of one kind on a case, oldest first, by entry id. */
export async function correctionsOf(
  tx: Queryable,
  caseId: string,
  recordType: CorrectedRecord,
): Promise<Map<string, Correction[]>> {
  const r = await tx.query<Correction & { recordId: string }>(
    `select k.record_id as "recordId", k.previous, k.changed_fields as "changedFields", k.reason,
            u.display_name as "correctedBy", k.corrected_at as "correctedAt"
     from care_record_corrections k left join users u on u.id = k.corrected_by
     where k.case_id = $1 and k.record_type = $2 order by k.corrected_at, k.id`,
    [caseId, recordType],
  );
  const out = new Map<string, Correction[]>();
  for (const { recordId, ...c } of r.rows) {
    const list = out.get(recordId) ?? [];
    list.push(c);
    out.set(recordId, list);
  }
  return out;
}

/** Each entry with its corrections (an empty list when it was never corrected). */
export async function withCorrections<T extends { id: string }>(
  tx: Queryable,
  caseId: string,
  recordType: CorrectedRecord,
  rows: T[],
): Promise<(T & { corrections: Correction[] })[]> {
  const corrections = await correctionsOf(tx, caseId, recordType);
  return rows.map((row) => ({ ...row, corrections: corrections.get(row.id) ?? [] }));
}
