import type { Queryable } from '../../db/index.ts';
import type { PlanContent } from './content.ts';

export interface PlanVersionRow {
  version: number;
  language: string;
  content: PlanContent;
  reason: string | null;
  author: string | null;
  createdAt: Date;
}

const VERSION = `select v.version, v.language, v.content, v.reason, u.display_name as author, v.created_at as "createdAt"
  from safety_plan_versions v left join users u on u.id = v.created_by`;

/** The version asked for, or the newest (the plan in force). */
export async function findVersion(
  db: Queryable,
  caseId: string,
  version?: number,
): Promise<PlanVersionRow | null> {
  const r = await db.query<PlanVersionRow>(
    version === undefined
      ? `${VERSION} where v.case_id = $1 order by v.version desc limit 1`
      : `${VERSION} where v.case_id = $1 and v.version = $2`,
    version === undefined ? [caseId] : [caseId, version],
  );
  return r.rows[0] ?? null;
}

export async function listVersions(db: Queryable, caseId: string) {
  const r = await db.query<Omit<PlanVersionRow, 'content'>>(
    `select v.version, v.language, v.reason, u.display_name as author, v.created_at as "createdAt"
     from safety_plan_versions v left join users u on u.id = v.created_by where v.case_id = $1 order by v.version desc`,
    [caseId],
  );
  return r.rows;
}

export async function newestVersionNumber(db: Queryable, caseId: string): Promise<number> {
  const r = await db.query<{ version: number | null }>(
    'select max(version) as version from safety_plan_versions where case_id = $1',
    [caseId],
  );
  return r.rows[0]?.version ?? 0;
}

export async function insertVersion(
  db: Queryable,
  v: {
    caseId: string;
    version: number;
    language: string;
    content: PlanContent;
    reason: string | null;
    by: string | null;
  },
): Promise<string> {
  const r = await db.query<{ id: string }>(
    `insert into safety_plan_versions (case_id, version, language, content, reason, created_by)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [v.caseId, v.version, v.language, JSON.stringify(v.content), v.reason, v.by],
  );
  return r.rows[0]!.id;
}

/**
 * "Agreements for when the button is pressed" of the plan in force: what the alarm centre and the police
 * control room read during an alarm (alarms/linked-info.ts) and what the data-subject export lists.
 */
export async function alarmAgreementsOf(db: Queryable, caseId: string): Promise<string[]> {
  const r = await db.query<{ agreements: string[] | null }>(
    `select content->'alarmAgreements' as agreements from safety_plan_versions
     where case_id = $1 order by version desc limit 1`,
    [caseId],
  );
  return r.rows[0]?.agreements ?? [];
}

/** What the printed plan needs besides its content: her language, and the name to keep off the paper. */
export async function printFacts(db: Queryable, caseId: string) {
  const r = await db.query<{ language: string | null; perpetratorName: string | null }>(
    `select (select language from clients where case_id = $1) as language,
            (select name from perpetrators where case_id = $1) as "perpetratorName"`,
    [caseId],
  );
  return r.rows[0]!;
}
