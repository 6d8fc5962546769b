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
         c.organisation_id as "organisationId", u.display_name as "caseworkerName",
         case when c.status in ('decision', 'connecting') then to_char(c.connection_deadline, 'YYYY-MM-DD') end
           as "connectionDeadline"
  from cases c join regions g on g.id = c.region_id left join users u on u.id = c.caseworker_id`;

/** Where a page of the case list starts: after this case in (created_at desc, id desc) order. */
export interface CaseListPosition {
  /** created_at as ISO 8601 with microseconds (exact, unlike a JS Date) */
  at: string;
  id: string;
}

export interface CaseListPage {
  status?: string;
  /** leave out rejected and closed cases */
  openOnly?: boolean;
  /** upper-case start of the reference, e.g. `AW-2026-00` */
  referencePrefix?: string;
  after?: CaseListPosition;
  limit: number;
}

/**
 * `limit` visible cases newest first after `after`, each with its position for the next page. The page
 * is cut from `cases` alone before the joins, so the scan stops after `limit` rows in index order
 * whatever the planner guesses about the joins.
 */
export async function listCases(
  db: Queryable,
  v: CaseVisibility,
  page: CaseListPage,
): Promise<(CaseSummary & { position: CaseListPosition })[]> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (page.status) where.push(`c.status = ${param(page.status)}`);
  if (page.openOnly) where.push(`c.status not in ('rejected', 'closed')`);
  if (page.referencePrefix)
    where.push(`c.reference like ${param(`${page.referencePrefix.replace(/[\\%_]/g, '\\$&')}%`)}`);
  if (page.after)
    where.push(
      `(c.created_at, c.id) < (${param(page.after.at)}::timestamptz, ${param(page.after.id)}::uuid)`,
    );
  const limit = param(page.limit);
  const visible = visibleCasesCondition('c', v, params.length + 1);
  where.push(visible.sql);
  const r = await db.query<CaseSummary & { positionAt: string }>(
    `select c.id, c.reference, c.status, c.target_group as "targetGroup", c.region_id as "regionId",
            g.name as "regionName", c.organisation_id as "organisationId", u.display_name as "caseworkerName",
            case when c.status in ('decision', 'connecting') then to_char(c.connection_deadline, 'YYYY-MM-DD') end
              as "connectionDeadline",
            to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "positionAt"
     from (select * from cases c where ${where.join(' and ')}
           order by c.created_at desc, c.id desc limit ${limit}) c
     join regions g on g.id = c.region_id left join users u on u.id = c.caseworker_id
     order by c.created_at desc, c.id desc`,
    [...params, ...visible.params],
  );
  return r.rows.map(({ positionAt, ...c }) => ({ ...c, position: { at: positionAt, id: c.id } }));
}

/** For the home pages: connection deadlines, open tasks and alarms of the last two weeks, over visible cases. */
export async function caseOverview(
  db: Queryable,
  v: CaseVisibility,
  userId: string | null,
  organisationIds: string[],
) {
  const visible = visibleCasesCondition('c', v, 1);
  const n = visible.params.length;
  const deadlines = await db.query(
    `select c.id, c.reference, c.status, c.target_group as "targetGroup", u.display_name as "caseworkerName",
            to_char(c.connection_deadline, 'YYYY-MM-DD') as "connectionDeadline"
     from cases c left join users u on u.id = c.caseworker_id
     where c.status = 'connecting' and c.connection_deadline is not null and ${visible.sql}
     order by c.connection_deadline, c.reference limit 50`,
    visible.params,
  );
  const tasks = await db.query(
    `select t.id, t.kind, t.description, t.due_at as "dueAt", c.id as "caseId", c.reference
     from tasks t join cases c on c.id = t.case_id
     where t.done_at is null and ${visible.sql}
       and (t.assignee_id = $${n + 1}::uuid or t.assignee_organisation_id = any($${n + 2}::uuid[]))
     order by t.due_at limit 50`,
    [...visible.params, userId, organisationIds],
  );
  const alarms = await db.query(
    `select e.id::text, e.at, e.kind, e.summary, e.summary_code as "summaryCode", e.summary_params as "summaryParams",
            c.id as "caseId", c.reference
     from case_timeline e join cases c on c.id = e.case_id
     where e.kind in ('alarm', 'test_alarm', 'incident') and e.at > now() - interval '14 days' and ${visible.sql}
     order by e.at desc limit 20`,
    visible.params,
  );
  return { deadlines: deadlines.rows, tasks: tasks.rows, alarms: alarms.rows };
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

/** A passed test alarm: the first one marks the case as tested. */
export async function recordTestAlarmPassed(tx: Queryable, caseId: string) {
  await tx.query('update cases set test_alarm_at = coalesce(test_alarm_at, now()) where id = $1', [caseId]);
}

/** The case runs until `endOn` (an extension). */
export async function setPlannedEnd(tx: Queryable, caseId: string, endOn: string) {
  await tx.query('update cases set planned_end_on = $2 where id = $1', [caseId, endOn]);
}

/** What became of the device, and why the case closes. */
export async function recordClosure(tx: Queryable, caseId: string, deviceReturn: string, reason: string) {
  await tx.query('update cases set device_return = $2, closure_reason = $3 where id = $1', [
    caseId,
    deviceReturn,
    reason,
  ]);
}

export async function referenceOf(db: Queryable, caseId: string): Promise<string> {
  const r = await db.query<{ reference: string }>('select reference from cases where id = $1', [caseId]);
  return r.rows[0]!.reference;
}

/** A page of the case's timeline, newest first; `kinds` null for every kind. */
export async function timelinePage(
  tx: Queryable,
  caseId: string,
  kinds: readonly string[] | null,
  before: { at: string; id: string } | null,
  limit: number,
) {
  const r = await tx.query<{
    id: string;
    at: Date;
    kind: string;
    summary: string;
    summaryCode: string | null;
    summaryParams: Record<string, unknown> | null;
    actorName: string | null;
    actorKind: 'person' | 'demo' | 'system';
    refType: string | null;
    refId: string | null;
    atExact: string;
  }>(
    `select e.id::text, e.at, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "atExact",
            e.kind, e.summary, e.summary_code as "summaryCode", e.summary_params as "summaryParams",
            u.display_name as "actorName",
            case when u.display_name is not null then 'person' when e.actor_label = 'demo-seed' then 'demo'
                 else 'system' end as "actorKind",
            e.ref_type as "refType", e.ref_id as "refId"
     from case_timeline e
     left join lateral (select display_name from users where lower(email) = lower(e.actor_label) limit 1) u on true
     where e.case_id = $1 and ($2::text[] is null or e.kind = any($2))
       and ($3::timestamptz is null or (e.at, e.id) < ($3::timestamptz, $4::bigint))
     order by e.at desc, e.id desc limit $5`,
    [caseId, kinds, before?.at ?? null, before?.id ?? null, limit],
  );
  return r.rows;
}

export async function displayName(tx: Queryable, userId: string): Promise<string | null> {
  const r = await tx.query<{ name: string }>('select display_name as name from users where id = $1', [
    userId,
  ]);
  return r.rows[0]?.name ?? null;
}
