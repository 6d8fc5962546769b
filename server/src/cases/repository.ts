import type { CaseVisibility } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { visibleCasesCondition } from './visibility.ts';

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
  const visible = visibleCasesCondition('c', v, 1);
  const r = await db.query<CaseSummary>(
    `${CASE_SUMMARY} where ${visible.sql} order by c.created_at desc`,
    visible.params,
  );
  return r.rows;
}

export async function findCase(db: Queryable, id: string) {
  const r = await db.query<CaseSummary & { team: string[]; parties: string[] }>(
    `${CASE_SUMMARY.replace(
      'from cases c',
      `, array(select distinct t.user_id from case_team t where t.case_id = c.id) as team,
         array(select p.organisation_id from case_parties p where p.case_id = c.id) as parties
  from cases c`,
    )} where c.id = $1`,
    [id],
  );
  return r.rows[0] ?? null;
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
