import type { CaseVisibility } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';

export interface CaseSummary {
  id: string;
  reference: string;
  status: string;
  targetGroup: string;
  regionId: string;
  regionName: string;
  organisationId: string;
  caseworkerName: string | null;
  connectionDeadline: string | null;
}

const CASE_SUMMARY = `
  select c.id, c.reference, c.status, c.target_group as "targetGroup", c.region_id as "regionId", g.name as "regionName",
         c.organisation_id as "organisationId", u.display_name as "caseworkerName", null::text as "connectionDeadline"
  from cases c join regions g on g.id = c.region_id left join users u on u.id = c.caseworker_id`;

export async function listCases(db: Queryable, v: CaseVisibility): Promise<CaseSummary[]> {
  const r = await db.query<CaseSummary>(
    `${CASE_SUMMARY}
     where $1 or c.region_id = any($2::uuid[]) or c.organisation_id = any($3::uuid[])
        or ($4::uuid is not null and exists (select 1 from case_team t where t.case_id = c.id and t.user_id = $4))
     order by c.created_at desc`,
    [v.all, v.regionIds, v.organisationIds, v.teamOf],
  );
  return r.rows;
}

export async function findCase(db: Queryable, id: string) {
  const r = await db.query<CaseSummary & { team: string[] | string }>(
    `${CASE_SUMMARY.replace(
      'from cases c',
      `, coalesce((select json_agg(t.user_id) from case_team t where t.case_id = c.id), '[]'::json) as team
  from cases c`,
    )} where c.id = $1`,
    [id],
  );
  const row = r.rows[0];
  if (!row) return null;
  const team: string[] = typeof row.team === 'string' ? JSON.parse(row.team) : row.team;
  return { ...row, team };
}

export async function insertCase(
  db: Queryable,
  c: {
    reference: string;
    regionId: string;
    organisationId: string;
    status: string;
    targetGroup: string;
    caseworkerId: string | null;
  },
): Promise<string> {
  const r = await db.query<{ id: string }>(
    `insert into cases (reference, region_id, organisation_id, status, target_group, caseworker_id)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [c.reference, c.regionId, c.organisationId, c.status, c.targetGroup, c.caseworkerId],
  );
  const id = r.rows[0]!.id;
  if (c.caseworkerId) {
    await db.query(`insert into case_team (case_id, user_id, role) values ($1, $2, 'caseworker')`, [
      id,
      c.caseworkerId,
    ]);
  }
  return id;
}
