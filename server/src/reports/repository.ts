import type { CaseVisibility } from '../access/index.ts';
import { visibleCasesCondition } from '../cases/visibility.ts';
import type { Database, Queryable } from '../db/index.ts';
import type { Bucket, FigureScope } from './filters.ts';

/**
 * The SQL behind every indicator (definitions in docs/indicators.md). Every query takes the scope as
 * $1 region, $2 target group, $3 organisation, $4 first day, $5 last day; dates are Dutch calendar days.
 */

const SCOPE = `c.region_id = $1 and ($2::text is null or c.target_group = $2) and ($3::uuid is null or c.organisation_id = $3)`;
const local = (column: string) => `(${column} at time zone 'Europe/Amsterdam')::date`;
/** When a trajectory starts: the button connected (connected_at), else the day the case went active. */
const START = 'coalesce(c.connected_at, c.active_since)';
const STARTED_ON = local(START);
const CLOSED_ON = local('c.closed_at');
/** timestamps of the period's first and last day, for range scans on timestamp columns */
const PERIOD_START = `($4::date::timestamp at time zone 'Europe/Amsterdam')`;
const PERIOD_END = `(($5::date + 1)::timestamp at time zone 'Europe/Amsterdam')`;

/**
 * Settings for the figures' aggregate queries, local to one read-only transaction: no JIT (at this size
 * compiling the plan costs more than it saves, ~150 ms a query) and enough memory to hash the per-case
 * groups instead of sorting them on disk.
 */
const ANALYTIC_SETTINGS = `set transaction read only; set local jit = off; set local work_mem = '32MB'`;

/** Runs one figures query with ANALYTIC_SETTINGS; callers run several side by side, each on its own connection. */
export function analytic<T>(db: Database, read: (q: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.exec(ANALYTIC_SETTINGS);
    return read(tx);
  });
}

const params = (s: FigureScope): unknown[] => [s.regionId, s.targetGroup, s.organisationId, s.from, s.to];
const bucketParams = (b: readonly Bucket[]) => [
  b.map((x) => x.key),
  b.map((x) => x.from),
  b.map((x) => x.to),
];

export interface TrajectoryRow {
  key: string;
  started: number;
  running: number;
  closed: number;
}

const TRAJECTORIES = `
  with t as (
    select ${STARTED_ON} as s, ${CLOSED_ON} as e from cases c
    where ${SCOPE} and ${START} is not null and ${START} < ${PERIOD_END}
      and (c.closed_at is null or c.closed_at >= ${PERIOD_START}))
  select b.key,
    count(t.s) filter (where t.s between b.f and b.t)::int as started,
    count(t.s) filter (where t.s <= b.t and (t.e is null or t.e >= b.f))::int as running,
    count(t.s) filter (where t.e between b.f and b.t)::int as closed
  from unnest($6::text[], $7::date[], $8::date[]) as b(key, f, t) left join t on true
  group by b.key order by b.key`;

/** Trajectories started, running and closed in each bucket (and, with one bucket, in the whole period). */
export async function trajectories(db: Queryable, s: FigureScope, b: readonly Bucket[]) {
  return (await db.query<TrajectoryRow>(TRAJECTORIES, [...params(s), ...bucketParams(b)])).rows;
}

/** Trajectories started per calendar month of the period. */
export async function startedPerMonth(db: Queryable, s: FigureScope) {
  const r = await db.query<{ key: string; started: number }>(
    `select to_char(${STARTED_ON}, 'YYYY-MM') as key, count(*)::int as started from cases c
     where ${SCOPE} and ${START} >= ${PERIOD_START} and ${START} < ${PERIOD_END} group by 1`,
    params(s),
  );
  return r.rows;
}

export interface DecisionRow {
  granted: number;
  rejected: number;
  n: number;
  median: number | null;
  p90: number | null;
}

/** Decisions taken in the period, and the days from referral to decision. */
export async function decisions(db: Queryable, s: FigureScope) {
  const r = await db.query<DecisionRow>(
    `select count(*) filter (where c.decision = 'granted')::int as granted,
            count(*) filter (where c.decision = 'rejected')::int as rejected,
            count(*)::int as n,
            percentile_cont(0.5) within group (order by extract(epoch from c.decided_at - c.referred_at) / 86400)::float8 as median,
            percentile_cont(0.9) within group (order by extract(epoch from c.decided_at - c.referred_at) / 86400)::float8 as p90
     from cases c
     where ${SCOPE} and c.decision is not null and c.decided_at >= ${PERIOD_START} and c.decided_at < ${PERIOD_END}`,
    params(s),
  );
  return r.rows[0]!;
}

/**
 * Why requests were rejected: per rejected case, the screening items that failed (an indication that does
 * not hold, a contra-indication that does); "none" when no failing item was recorded.
 */
export async function rejectionReasons(
  db: Queryable,
  s: FigureScope,
  indications: readonly string[],
  contraIndications: readonly string[],
) {
  const r = await db.query<{ reason: string; n: number }>(
    `select r.reason, count(*)::int as n from (
       select c.id, (select array_agg(si.item) from screening_items si where si.case_id = c.id
                       and ((si.item = any($6::text[]) and not si.holds) or (si.item = any($7::text[]) and si.holds))) as items
       from cases c
       where ${SCOPE} and c.decision = 'rejected' and c.decided_at >= ${PERIOD_START} and c.decided_at < ${PERIOD_END}
     ) x cross join lateral unnest(coalesce(x.items, array['none']::text[])) as r(reason)
     group by r.reason`,
    [...params(s), indications, contraIndications],
  );
  return r.rows;
}

export interface ConnectionRow {
  n: number;
  median: number | null;
  p90: number | null;
  onTime: number;
  late: number;
  noDeadline: number;
}

/** Trajectories that started in the period: days from decision to connection, against the deadline. */
export async function connections(db: Queryable, s: FigureScope) {
  const r = await db.query<ConnectionRow>(
    `select count(*)::int as n,
            percentile_cont(0.5) within group (order by extract(epoch from ${START} - c.decided_at) / 86400)::float8 as median,
            percentile_cont(0.9) within group (order by extract(epoch from ${START} - c.decided_at) / 86400)::float8 as p90,
            count(*) filter (where c.connection_deadline is not null and ${STARTED_ON} <= c.connection_deadline)::int as "onTime",
            count(*) filter (where c.connection_deadline is not null and ${STARTED_ON} > c.connection_deadline)::int as late,
            count(*) filter (where c.connection_deadline is null)::int as "noDeadline"
     from cases c
     where ${SCOPE} and c.decided_at is not null and ${START} >= ${PERIOD_START} and ${START} < ${PERIOD_END}`,
    params(s),
  );
  return r.rows[0]!;
}

export interface DurationRow {
  n: number;
  median: number | null;
  mean: number | null;
  extended: number;
  extensions: number;
  extensionCases: number;
}

/** Trajectories closed in the period: days from start to closure; extensions decided in the period. */
export async function durations(db: Queryable, s: FigureScope) {
  const r = await db.query<DurationRow>(
    `select count(*)::int as n,
            percentile_cont(0.5) within group (order by ${CLOSED_ON} - ${STARTED_ON})::float8 as median,
            avg(${CLOSED_ON} - ${STARTED_ON})::float8 as mean,
            count(*) filter (where exists (select 1 from case_extensions x where x.case_id = c.id))::int as extended,
            (select count(*) from case_extensions x join cases c on c.id = x.case_id
              where ${SCOPE} and x.decided_at >= ${PERIOD_START} and x.decided_at < ${PERIOD_END})::int as extensions,
            (select count(distinct x.case_id) from case_extensions x join cases c on c.id = x.case_id
              where ${SCOPE} and x.decided_at >= ${PERIOD_START} and x.decided_at < ${PERIOD_END})::int as "extensionCases"
     from cases c
     where ${SCOPE} and ${START} is not null and c.closed_at >= ${PERIOD_START} and c.closed_at < ${PERIOD_END}`,
    params(s),
  );
  return r.rows[0]!;
}

export interface CareRow {
  targetGroup: string;
  n: number;
  client: number;
  child: number;
  network: number;
  hours: number;
  children: number;
  childConversations: number;
  clientWithinNorm: number;
  hoursWithinNorm: number;
}

export interface NormRanges {
  stalking: { client: [number, number]; hours: number };
  acute_unsafety: { client: [number, number]; hours: number };
}

/** Conversations and hours per trajectory closed in the period, per target group. */
export async function care(db: Queryable, s: FigureScope, norms: NormRanges) {
  const r = await db.query<CareRow>(
    `select c.target_group as "targetGroup", count(*)::int as n,
            avg(v.client)::float8 as client, avg(v.child)::float8 as child, avg(v.network)::float8 as network,
            (avg(v.minutes) / 60)::float8 as hours,
            sum(v.children)::int as children, sum(v.child)::int as "childConversations",
            count(*) filter (where case when c.target_group = 'stalking' then v.client between $6 and $7
                                          else v.client between $8 and $9 end)::int as "clientWithinNorm",
            count(*) filter (where v.minutes <= 60 * case when c.target_group = 'stalking' then $10::int else $11::int end)::int
              as "hoursWithinNorm"
     from cases c cross join lateral (
       select count(*) filter (where k.kind in ('intake', 'client', 'psycho_education'))::int as client,
              count(*) filter (where k.kind = 'child')::int as child,
              count(*) filter (where k.kind = 'network')::int as network,
              coalesce(sum(k.duration_minutes), 0)::int as minutes,
              (select count(*) from case_children ch where ch.case_id = c.id)::int as children
       from conversations k where k.case_id = c.id) v
     where ${SCOPE} and ${START} is not null and c.closed_at >= ${PERIOD_START} and c.closed_at < ${PERIOD_END}
     group by c.target_group`,
    [
      ...params(s),
      norms.stalking.client[0],
      norms.stalking.client[1],
      norms.acute_unsafety.client[0],
      norms.acute_unsafety.client[1],
      norms.stalking.hours,
      norms.acute_unsafety.hours,
    ],
  );
  return r.rows;
}

export interface AlarmRow {
  dimension: 'kind' | 'outcome' | 'total' | 'panic' | 'false' | 'technical';
  key: string;
  value: number;
  n: number;
}

const TECHNICAL_KINDS = `('low_battery', 'supervision', 'fault', 'tamper')`;
/**
 * An alarm counts once: a repeated press of the button while its first alarm was open (migration 0015) is
 * stored as an alarm row of its own but is part of that first alarm, so it adds no alarm and no response time.
 */
const FIRST_PRESS = 'a.first_alarm_id is null';
/**
 * The alarms of the cases in scope received in the period. The step times live on the alarm row (kept by a
 * trigger on alarm_events, migration 0011); the covering index alarms_region_received answers this scan.
 */
const ALARMS_IN_SCOPE = `
  select a.case_id, a.kind, a.outcome, a.received_at, a.claimed_at, a.forwarded_at, a.on_scene_at,
         (a.is_test or a.kind = 'test') as test
  from alarms a join cases c on c.id = a.case_id
  where a.region_id = $1 and ${SCOPE} and a.received_at >= ${PERIOD_START} and a.received_at < ${PERIOD_END}
    and ${FIRST_PRESS}`;

/**
 * Alarms of the cases in scope received in the period: by kind, by outcome, and the false/technical counts,
 * each with the number of cases behind it (the same alarms as ALARMS_IN_SCOPE). One pass over the alarms:
 * counted per case, kind and outcome from the index, then per case by kind, by outcome and in all (grouping
 * sets), then those per-case rows summed and counted, which gives the distinct cases without sorting.
 */
export async function alarms(db: Queryable, s: FigureScope): Promise<AlarmRow[]> {
  const r = await db.query<{
    g: number;
    k: string | null;
    o: string | null;
    value: number;
    n: number;
    total: number;
    totalN: number;
    panic: number;
    panicN: number;
    accidental: number;
    accidentalN: number;
    technical: number;
    technicalN: number;
  }>(
    `select per.g, per.k, per.o, sum(per.n)::int as value, count(*)::int as n,
            coalesce(sum(per.total), 0)::int as total, count(*) filter (where per.total > 0)::int as "totalN",
            coalesce(sum(per.panic), 0)::int as panic, count(*) filter (where per.panic > 0)::int as "panicN",
            coalesce(sum(per.accidental), 0)::int as accidental, count(*) filter (where per.accidental > 0)::int as "accidentalN",
            coalesce(sum(per.technical), 0)::int as technical, count(*) filter (where per.technical > 0)::int as "technicalN"
     from (
       select a.k, a.o, grouping(a.k, a.o) as g, sum(a.n) as n,
              sum(a.n) filter (where a.k <> 'test') as total,
              sum(a.n) filter (where a.k = 'panic') as panic,
              sum(a.n) filter (where a.k = 'panic' and a.o = 'pressed_by_accident') as accidental,
              sum(a.n) filter (where a.k in ${TECHNICAL_KINDS} or a.o = 'technical_fault') as technical
       from (
         select r.case_id, r.n, case when r.test then 'test' else r.kind end as k,
                case when not r.test then coalesce(r.outcome, 'open') end as o
         from (
           -- counted per case straight from the index, before the (fewer) per-case rows meet the cases
           select a.case_id, a.kind, a.outcome, (a.is_test or a.kind = 'test') as test, count(*) as n
           from alarms a
           where a.region_id = $1 and a.received_at >= ${PERIOD_START} and a.received_at < ${PERIOD_END}
             and ${FIRST_PRESS}
           group by a.case_id, a.kind, a.outcome, a.is_test) r
         join cases c on c.id = r.case_id
         where ${SCOPE}) a
       group by grouping sets ((a.case_id, a.k), (a.case_id, a.o), (a.case_id))) per
     group by per.g, per.k, per.o`,
    params(s),
  );
  // g: 1 grouped by kind, 2 by outcome (null: test alarms, which have no outcome here), 3 per case in all
  const out: AlarmRow[] = [];
  for (const row of r.rows) {
    if (row.g === 1) out.push({ dimension: 'kind', key: row.k!, value: row.value, n: row.n });
    if (row.g === 2 && row.o !== null)
      out.push({ dimension: 'outcome', key: row.o, value: row.value, n: row.n });
  }
  const all = r.rows.find((row) => row.g === 3);
  out.push(
    { dimension: 'total', key: 'all', value: all?.total ?? 0, n: all?.totalN ?? 0 },
    { dimension: 'panic', key: 'all', value: all?.panic ?? 0, n: all?.panicN ?? 0 },
    { dimension: 'false', key: 'all', value: all?.accidental ?? 0, n: all?.accidentalN ?? 0 },
    { dimension: 'technical', key: 'all', value: all?.technical ?? 0, n: all?.technicalN ?? 0 },
  );
  return out;
}

export interface ResponseRow {
  step: 'claimed' | 'forwarded' | 'on_scene' | 'total';
  n: number;
  cases: number;
  median: number | null;
  p90: number | null;
}

/**
 * Seconds between the steps of the alarm chain for genuine (non-test) panics received in the period; each
 * step at its first occurrence (the alarm row's claimed_at / forwarded_at / on_scene_at).
 */
export async function responseTimes(db: Queryable, s: FigureScope) {
  const r = await db.query<ResponseRow>(
    `select x.step, count(*)::int as n, count(distinct a.case_id)::int as cases,
            percentile_cont(0.5) within group (order by x.secs)::float8 as median,
            percentile_cont(0.9) within group (order by x.secs)::float8 as p90
     from (${ALARMS_IN_SCOPE} and a.kind = 'panic') a
     cross join lateral (values
       ('claimed', extract(epoch from a.claimed_at - a.received_at)),
       ('forwarded', extract(epoch from a.forwarded_at - a.claimed_at)),
       ('on_scene', extract(epoch from a.on_scene_at - a.forwarded_at)),
       ('total', extract(epoch from a.on_scene_at - a.received_at))) as x(step, secs)
     where not a.test and x.secs is not null
     group by x.step`,
    params(s),
  );
  return r.rows;
}

export interface RentRow {
  key: string;
  cents: number;
  n: number;
}

/**
 * Rent per bucket: for each period a device was with a case in scope, its rent per quarter pro rata per day
 * (a quarter is 365.25 / 4 days); an assignment still open counts until `today`.
 */
export async function rent(db: Queryable, s: FigureScope, b: readonly Bucket[], today: string) {
  const r = await db.query<RentRow>(
    `with p as (
       -- the periods that touch the period at all (timestamps: index-friendly), as Dutch days
       select da.case_id, d.rent_per_quarter_cents as rent, ${local('da.assigned_at')} as f,
              least(coalesce(${local('da.unassigned_at')}, $9::date), $9::date) as t
       from device_assignments da join devices d on d.id = da.device_id join cases c on c.id = da.case_id
       where ${SCOPE} and da.assigned_at < ${PERIOD_END} and (da.unassigned_at is null or da.unassigned_at >= ${PERIOD_START}))
     select b.key,
            coalesce(sum(p.rent * greatest(0, least(p.t, b.t) - greatest(p.f, b.f) + 1)), 0)::float8 / 91.3125 as cents,
            count(distinct p.case_id) filter (where least(p.t, b.t) >= greatest(p.f, b.f))::int as n
     from unnest($6::text[], $7::date[], $8::date[]) as b(key, f, t) left join p on p.f <= b.t and p.t >= b.f
     group by b.key order by b.key`,
    [...params(s), ...bucketParams(b), today],
  );
  return r.rows;
}

export interface DeviceLossRow {
  replacements: number;
  replacementCents: number;
  clientDays: number;
  clients: number;
}

/** Buttons lost or stolen at closures in the period, the region's replacement price, and client-days in the period. */
export async function deviceLosses(db: Queryable, s: FigureScope, today: string) {
  const r = await db.query<DeviceLossRow>(
    `select
       (select count(*) from cases c where ${SCOPE} and c.device_return in ('lost', 'stolen')
          and c.closed_at >= ${PERIOD_START} and c.closed_at < ${PERIOD_END})::int as replacements,
       (select device_replacement_cents from regions where id = $1)::int as "replacementCents",
       coalesce(sum(greatest(0, least(coalesce(${CLOSED_ON}, $6::date), $5::date, $6::date) - greatest(${STARTED_ON}, $4::date) + 1)), 0)::int
         as "clientDays",
       count(*) filter (where least(coalesce(${CLOSED_ON}, $6::date), $5::date, $6::date) >= greatest(${STARTED_ON}, $4::date))::int
         as clients
     from cases c
     where ${SCOPE} and ${START} is not null and ${START} < ${PERIOD_END}
       and (c.closed_at is null or c.closed_at >= ${PERIOD_START})`,
    [...params(s), today],
  );
  return r.rows[0]!;
}

export interface RatingRow {
  moment: 'start' | 'interim' | 'end' | null;
  safety: number | null;
  safetyN: number;
  caseworker: number | null;
  caseworkerN: number;
  collaboration: number | null;
  collaborationN: number;
}

/** Ratings recorded at evaluations in the period, per moment and (moment null) over all moments. */
export async function ratings(db: Queryable, s: FigureScope) {
  const r = await db.query<RatingRow>(
    `select e.moment,
            avg(e.client_safety_rating)::float8 as safety,
            count(distinct e.case_id) filter (where e.client_safety_rating is not null)::int as "safetyN",
            avg(e.caseworker_rating)::float8 as caseworker,
            count(distinct e.case_id) filter (where e.caseworker_rating is not null)::int as "caseworkerN",
            avg(e.collaboration_rating)::float8 as collaboration,
            count(distinct e.case_id) filter (where e.collaboration_rating is not null)::int as "collaborationN"
     from evaluations e join cases c on c.id = e.case_id
     where ${SCOPE} and e.evaluated_on between $4 and $5
     group by grouping sets ((e.moment), ())`,
    params(s),
  );
  return r.rows;
}

/** Goals evaluated in the period, by result. */
export async function goals(db: Queryable, s: FigureScope) {
  const r = await db.query<{ result: string; value: number; n: number }>(
    `select g.result, count(*)::int as value, count(distinct g.case_id)::int as n
     from case_goals g join cases c on c.id = g.case_id
     where ${SCOPE} and g.result is not null and g.evaluated_on between $4 and $5
     group by g.result`,
    params(s),
  );
  return r.rows;
}

export const DRILL_FIGURES = [
  'started',
  'running',
  'closed',
  'granted',
  'rejected',
  'connected_late',
  'extended',
  'alarms',
  'false_alarms',
  'devices_lost',
] as const;
export type DrillFigure = (typeof DRILL_FIGURES)[number];

const DRILL: Record<DrillFigure, string> = {
  started: `${START} >= ${PERIOD_START} and ${START} < ${PERIOD_END}`,
  running: `${START} < ${PERIOD_END} and (c.closed_at is null or c.closed_at >= ${PERIOD_START})`,
  closed: `${START} is not null and c.closed_at >= ${PERIOD_START} and c.closed_at < ${PERIOD_END}`,
  granted: `c.decision = 'granted' and c.decided_at >= ${PERIOD_START} and c.decided_at < ${PERIOD_END}`,
  rejected: `c.decision = 'rejected' and c.decided_at >= ${PERIOD_START} and c.decided_at < ${PERIOD_END}`,
  connected_late: `${START} >= ${PERIOD_START} and ${START} < ${PERIOD_END} and c.decided_at is not null
    and ${STARTED_ON} > c.connection_deadline`,
  extended: `exists (select 1 from case_extensions x where x.case_id = c.id
    and x.decided_at >= ${PERIOD_START} and x.decided_at < ${PERIOD_END})`,
  alarms: `exists (select 1 from alarms a where a.case_id = c.id and not a.is_test and a.kind <> 'test' and ${FIRST_PRESS}
    and a.received_at >= ${PERIOD_START} and a.received_at < ${PERIOD_END})`,
  false_alarms: `exists (select 1 from alarms a where a.case_id = c.id and not a.is_test and a.kind = 'panic' and ${FIRST_PRESS}
    and a.outcome = 'pressed_by_accident' and a.received_at >= ${PERIOD_START} and a.received_at < ${PERIOD_END})`,
  devices_lost: `c.device_return in ('lost', 'stolen') and c.closed_at >= ${PERIOD_START} and c.closed_at < ${PERIOD_END}`,
};

export interface DrillCase {
  id: string;
  reference: string;
  status: string;
  targetGroup: string;
}

/** The cases behind a figure that the caller may open, and how many others lie behind it. */
export async function casesBehind(
  db: Queryable,
  s: FigureScope,
  figure: DrillFigure,
  visibility: CaseVisibility,
  limit: number,
) {
  const visible = visibleCasesCondition('c', visibility, 6);
  const r = await db.query<DrillCase & { visible: boolean }>(
    `select c.id, c.reference, c.status, c.target_group as "targetGroup", ${visible.sql} as visible
     from cases c where ${SCOPE} and ${DRILL[figure]}
     order by c.reference`,
    [...params(s), ...visible.params],
  );
  const open = r.rows.filter((row) => row.visible);
  return {
    cases: open.slice(0, limit).map(({ visible: _v, ...rest }) => rest),
    total: r.rows.length,
    notVisible: r.rows.length - open.length,
  };
}

export async function regionExists(db: Queryable, id: string) {
  return (await db.query('select 1 from regions where id = $1', [id])).rows.length > 0;
}

export async function regionOfOrganisation(db: Queryable, id: string) {
  const r = await db.query<{ regionId: string }>(
    'select region_id as "regionId" from organisations where id = $1',
    [id],
  );
  return r.rows[0]?.regionId ?? null;
}

export async function names(db: Queryable, regionId: string, organisationId: string | null) {
  const r = await db.query<{ region: string; organisation: string | null }>(
    `select g.name as region, (select o.name from organisations o where o.id = $2::uuid) as organisation
     from regions g where g.id = $1`,
    [regionId, organisationId],
  );
  return r.rows[0] ?? { region: '', organisation: null };
}
