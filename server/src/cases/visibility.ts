import type { CaseVisibility } from '../access/index.ts';

/**
 * The WHERE condition that narrows a query on `cases <alias>` to what a caller may list, with its
 * parameters numbered from `$<from>` (callers number what follows with `params.length`). One
 * definition, so every list of case records agrees with `access`.
 *
 * Only the grounds the caller actually has are written into the SQL: a coordinator gets
 * `organisation_id = $n` alone, a caseworker the team lookup alone. An OR over every ground with
 * empty arrays gave the same rows but kept PostgreSQL from using an index (a sequential scan of all
 * cases with a subplan per row, costed high enough to be JIT-compiled).
 */
export function visibleCasesCondition(alias: string, v: CaseVisibility, from: number) {
  if (v.all) return { sql: 'true', params: [] as unknown[] };
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${from + params.length - 1}`;
  };
  // one id as `= $n`: an index on (column, created_at desc, id desc) then yields rows already in list
  // order; `= any(…)` would have PostgreSQL fetch every match and sort them
  const oneOf = (column: string, ids: string[]) =>
    ids.length === 1 ? `${column} = ${param(ids[0])}::uuid` : `${column} = any(${param(ids)}::uuid[])`;
  const grounds: string[] = [];
  if (v.regionIds.length > 0) grounds.push(oneOf(`${alias}.region_id`, v.regionIds));
  if (v.organisationIds.length > 0) grounds.push(oneOf(`${alias}.organisation_id`, v.organisationIds));
  if (v.teamOf)
    grounds.push(
      `exists (select 1 from case_team vt where vt.case_id = ${alias}.id and vt.user_id = ${param(v.teamOf)}::uuid)`,
    );
  if (v.partyOrganisationIds.length > 0)
    grounds.push(
      `exists (select 1 from case_parties vp where vp.case_id = ${alias}.id and vp.organisation_id = any(${param(v.partyOrganisationIds)}::uuid[]))`,
    );
  if (grounds.length === 0) return { sql: 'false', params };
  return { sql: grounds.length === 1 ? grounds[0]! : `(${grounds.join(' or ')})`, params };
}
