import type { CaseVisibility } from '../access/index.ts';

/**
 * The WHERE condition that narrows a query on `cases <alias>` to what a caller may list, with its
 * parameters starting at `$<from>`. One definition, so every list of case records agrees with `access`.
 */
export function visibleCasesCondition(alias: string, v: CaseVisibility, from: number) {
  const [all, regions, organisations, team, parties] = [from, from + 1, from + 2, from + 3, from + 4].map(
    (n) => `$${n}`,
  );
  return {
    sql: `(${all}::boolean or ${alias}.region_id = any(${regions}::uuid[]) or ${alias}.organisation_id = any(${organisations}::uuid[])
      or (${team}::uuid is not null and exists (select 1 from case_team vt where vt.case_id = ${alias}.id and vt.user_id = ${team}::uuid))
      or exists (select 1 from case_parties vp where vp.case_id = ${alias}.id and vp.organisation_id = any(${parties}::uuid[])))`,
    params: [v.all, v.regionIds, v.organisationIds, v.teamOf, v.partyOrganisationIds] as unknown[],
  };
}
