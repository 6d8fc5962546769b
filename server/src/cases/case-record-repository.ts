import type { Queryable } from '../db/index.ts';

/** The case as every case service sees it (case-access.ts's CaseRecord), locked `for update` when asked. */
export async function loadCaseRecord<T>(
  tx: Queryable,
  caseId: string,
  forUpdate: boolean,
): Promise<T | undefined> {
  const r = await tx.query<T>(
    `select c.id, c.reference, c.status, c.target_group as "targetGroup", c.region_id as "regionId",
            c.organisation_id as "organisationId", c.caseworker_id as "caseworkerId", c.version,
            array(select distinct t.user_id from case_team t where t.case_id = c.id) as team,
            array(select p.organisation_id from case_parties p where p.case_id = c.id) as parties
     from cases c where c.id = $1 ${forUpdate ? 'for update' : ''}`,
    [caseId],
  );
  return r.rows[0];
}

export async function incrementVersion(tx: Queryable, caseId: string): Promise<number> {
  const r = await tx.query<{ version: number }>(
    'update cases set version = version + 1 where id = $1 returning version',
    [caseId],
  );
  return r.rows[0]!.version;
}

/** Organisation types the region's covenant names for the joint decision (none: the handbook's default). */
export async function grantPartiesOfRegion(tx: Queryable, regionId: string): Promise<string[]> {
  const r = await tx.query<{ type: string }>(
    `select organisation_type as type from region_decision_rights where region_id = $1 and decision = 'grant'
     order by organisation_type`,
    [regionId],
  );
  return r.rows.map((x) => x.type);
}
