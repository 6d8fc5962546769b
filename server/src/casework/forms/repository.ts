import type { Queryable } from '../../db/index.ts';
import type { FormKind } from './definitions.ts';

export interface FormRow {
  id: string;
  kind: FormKind;
  childId: string | null;
  version: number;
  content: Record<string, string | boolean>;
  /** why this version corrects the one before (null for a first version) */
  reason: string | null;
  author: string | null;
  createdAt: Date;
}

/** Every version of every form, newest first per form: the newest is in force, the others its history. */
export async function allVersions(db: Queryable, caseId: string): Promise<FormRow[]> {
  const r = await db.query<FormRow>(
    `select f.id, f.kind, f.child_id as "childId", f.version, f.content, f.reason,
            u.display_name as author, f.created_at as "createdAt"
     from case_forms f left join users u on u.id = f.created_by
     where f.case_id = $1 order by f.kind, f.child_id, f.version desc`,
    [caseId],
  );
  return r.rows;
}

/** The newest version of this form of the case (0: none yet). */
export async function newestVersion(tx: Queryable, caseId: string, kind: string, childId: string | null) {
  const r = await tx.query<{ version: number | null }>(
    `select max(version) as version from case_forms
     where case_id = $1 and kind = $2 and child_id is not distinct from $3`,
    [caseId, kind, childId],
  );
  return r.rows[0]?.version ?? 0;
}

export async function insertFormVersion(
  tx: Queryable,
  f: {
    caseId: string;
    kind: string;
    childId: string | null;
    version: number;
    /** JSON */
    content: string;
    reason: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into case_forms (case_id, kind, child_id, version, content, reason, created_by)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [f.caseId, f.kind, f.childId, f.version, f.content, f.reason, f.createdBy],
  );
  return r.rows[0]!.id;
}
