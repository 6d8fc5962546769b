import { existsSync, readFileSync, writeFileSync } from 'node:fs';
/**
 * Figures benchmark (issue 6, and the case pages of issue 5): on a fresh PostgreSQL database, 50,000 cases,
 * 500,000 alarms (with their response-time steps), 1,000,000 case_timeline entries, conversations,
 * evaluations, goals and device periods, all generated set-based (`insert … select generate_series`).
 * Then, as the demo team lead and funder over HTTP: each endpoint ~30 requests after a warm-up, three
 * runs, p50 / p95 / max as the median of the runs. Target: dashboards p95 ≤ 500 ms.
 *
 * Standalone: `DATABASE_URL=postgres://… npx tsx bench/figures.ts` prints the markdown section.
 * `bench/run.ts` calls `figuresSection()` and adds it to BENCHMARKS.md.
 */
import pg from 'pg';
import type { Queryable } from '../server/src/db/index.ts';
import { DEMO } from '../server/src/demo/seed.ts';
import { buckets, type FigureScope } from '../server/src/reports/filters.ts';
import { CONTRA_INDICATIONS, INDICATIONS, NORMS } from '../server/src/reports/indicators.ts';
import * as figures from '../server/src/reports/repository.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../server/src/testing/platform.ts';
import { casePagesLines } from './case-pages.ts';

const CASES = Number(process.env.BENCH_FIGURES_CASES ?? 50_000);
const ALARMS = Number(process.env.BENCH_FIGURES_ALARMS ?? 500_000);
const TIMELINE = Number(process.env.BENCH_FIGURES_TIMELINE ?? 1_000_000);
const REQUESTS = 30;
const RUNS = 3;
const TARGET_MS = 500;

async function generate(p: TestPlatform) {
  // a connection of its own, without the platform's 5 s statement timeout
  const db = new pg.Client({ connectionString: p.databaseUrl });
  await db.connect();
  await db.query('set statement_timeout = 0');
  try {
    return await fill(db);
  } finally {
    await db.end();
  }
}

async function fill(db: pg.Client) {
  const ids = await db.query<{ region: string; shelter: string; other: string }>(
    `select r.id as region,
            (select id from organisations where region_id = r.id and type = 'shelter' order by created_at limit 1) as shelter,
            (select id from organisations where region_id = r.id and type = 'veilig_thuis' limit 1) as other
     from regions r where r.name = $1`,
    [DEMO.region],
  );
  const { region, shelter, other } = ids.rows[0]!;
  const t0 = performance.now();
  // cases: referrals spread over the last five years; 85 % granted, most connected, older ones closed
  await db.query(
    `insert into cases (reference, region_id, organisation_id, status, target_group, referred_at, decided_at, decision,
                        connection_deadline, connected_at, active_since, closed_at, device_return)
     select 'BENCH-' || g, $1, case when g % 3 = 0 then $3::uuid else $2::uuid end,
            case when g % 7 = 0 then 'rejected' when ref + interval '300 days' < now() then 'closed' else 'active' end,
            case when g % 6 = 0 then 'acute_unsafety' else 'stalking' end,
            ref, ref + interval '10 days', case when g % 7 = 0 then 'rejected' else 'granted' end,
            case when g % 7 = 0 then null else (ref + interval '24 days')::date end,
            case when g % 7 = 0 then null else ref + ((g % 30) || ' days')::interval end,
            case when g % 7 = 0 then null else ref + ((g % 30) || ' days')::interval end,
            case when g % 7 <> 0 and ref + interval '300 days' < now() then ref + interval '290 days' end,
            case when g % 7 <> 0 and ref + interval '300 days' < now() then (case when g % 25 = 0 then 'lost' else 'returned' end) end
     from generate_series(1, $4::int) g, lateral (select now() - ((g::float8 / $4) * interval '1825 days') as ref) x`,
    [region, shelter, other, CASES],
  );
  await db.query(
    `insert into case_parties (case_id, organisation_id, role) select id, organisation_id, 'executing' from cases where reference like 'BENCH-%'`,
  );
  // 5,000 buttons, each case's device period
  await db.query(
    `insert into devices (organisation_id, vendor, model, serial, protocol, account, rent_per_quarter_cents, state)
     select $1, 'X-mark', 'bench', 'BENCH-D' || g, 'dc09', 'bench-' || g, 11500, 'retired' from generate_series(1, 5000) g`,
    [shelter],
  );
  await db.query(
    `with d as (select id, row_number() over (order by serial) - 1 as n from devices where model = 'bench'),
          c as (select id, connected_at, closed_at, row_number() over (order by reference) - 1 as n from cases where reference like 'BENCH-%' and connected_at is not null)
     insert into device_assignments (device_id, case_id, assigned_at, unassigned_at)
     select d.id, c.id, c.connected_at, coalesce(c.closed_at, c.connected_at + interval '200 days') from c join d on d.n = c.n % 5000`,
  );
  // alarms on started cases: 20 % panics with the chain's steps; the rest technical or test
  const started = (
    await db.query<{ n: number }>(
      `select count(*)::int as n from cases where reference like 'BENCH-%' and connected_at is not null`,
    )
  ).rows[0]!.n;
  await db.query(
    `with c as (select id, connected_at, row_number() over (order by reference) - 1 as n
                from cases where reference like 'BENCH-%' and connected_at is not null),
          d as (select id, row_number() over (order by serial) - 1 as n from devices where model = 'bench')
     insert into alarms (device_id, case_id, region_id, kind, state, is_test, dedupe_key, received_at, committed_at, last_step_at, outcome, resolved_at)
     select d.id, c.id, $1,
            case when g % 5 = 0 then 'panic' when g % 5 = 1 then 'test' when g % 5 = 2 then 'low_battery' else 'supervision' end,
            'resolved', g % 5 = 1, 'bench-' || g, at, at, at, 
            case when g % 5 = 0 then (array['arrest_in_act', 'perpetrator_gone', 'no_threat', 'pressed_by_accident'])[1 + g % 4]
                 when g % 5 = 1 then 'test' else 'cleared_by_device' end,
            at + interval '20 minutes'
     from generate_series(1, $2::int) g
     join c on c.n = g % $3::int
     join d on d.n = g % 5000,
     lateral (select c.connected_at + ((g % 200) || ' days')::interval + ((g % 86400) || ' seconds')::interval as at) x`,
    [region, ALARMS, started],
  );
  // the steps in bulk: the per-row trigger of migration 0011 off, then its backfill, set-based
  await db.query('alter table alarm_events disable trigger alarm_events_step_times');
  await db.query(
    `insert into alarm_events (alarm_id, at, actor_label, from_state, to_state)
     select a.id, a.received_at + (s.secs || ' seconds')::interval, 'bench', s.from_state, s.to_state
     from alarms a cross join lateral (values
       ('received', 'claimed', 10 + abs(hashtext(a.id::text)) % 50),
       ('claimed', 'forwarded', 60 + abs(hashtext(a.id::text)) % 90),
       ('forwarded', 'on_scene', 400 + abs(hashtext(a.id::text)) % 600)) as s(from_state, to_state, secs)
     where a.dedupe_key like 'bench-%' and (a.kind = 'panic' and a.outcome <> 'pressed_by_accident' or s.to_state = 'claimed')`,
  );
  await db.query('alter table alarm_events enable trigger alarm_events_step_times');
  await db.query(
    `update alarms a set claimed_at = s.claimed, forwarded_at = s.forwarded, on_scene_at = s.on_scene
     from (select alarm_id, min(at) filter (where to_state = 'claimed') as claimed,
                  min(at) filter (where to_state = 'forwarded') as forwarded,
                  min(at) filter (where to_state = 'on_scene') as on_scene
           from alarm_events where actor_label = 'bench' group by alarm_id) s
     where s.alarm_id = a.id`,
  );
  // case pages: timeline entries; care records for the figures
  await db.query(
    `with c as (select id, referred_at, row_number() over (order by reference) - 1 as n from cases where reference like 'BENCH-%')
     insert into case_timeline (case_id, at, kind, summary, actor_label)
     select c.id, c.referred_at + ((g % 300) || ' hours')::interval, 'note', 'Benchmark entry ' || g, 'bench'
     from generate_series(1, $1::int) g join c on c.n = g % $2::int`,
    [TIMELINE, CASES],
  );
  await db.query(
    `insert into conversations (case_id, held_on, kind, duration_minutes)
     select c.id, (c.connected_at + (k || ' days')::interval)::date, case when k % 4 = 0 then 'network' else 'client' end, 60
     from cases c cross join generate_series(1, 10) k where c.reference like 'BENCH-%' and c.connected_at is not null`,
  );
  await db.query(
    `insert into evaluations (case_id, evaluated_on, moment, client_safety_rating, caseworker_rating, collaboration_rating)
     select c.id, (c.connected_at + interval '7 days')::date, 'start', 2 + abs(hashtext(c.reference)) % 3, null, null
     from cases c where c.reference like 'BENCH-%' and c.connected_at is not null
     union all
     select c.id, (c.closed_at - interval '3 days')::date, 'end', 6 + abs(hashtext(c.reference)) % 4, 8.5, 7.5
     from cases c where c.reference like 'BENCH-%' and c.closed_at is not null`,
  );
  await db.query(
    `insert into case_goals (case_id, description, set_on, result, evaluated_on)
     select c.id, 'doel', c.connected_at::date, (array['met', 'partly_met', 'not_met'])[1 + abs(hashtext(c.reference || k)) % 3],
            (c.closed_at - interval '3 days')::date
     from cases c cross join generate_series(1, 2) k where c.reference like 'BENCH-%' and c.closed_at is not null`,
  );
  // as autovacuum would have left a database with years of history: statistics and the visibility map
  await db.query('vacuum analyze');
  const counts = await db.query<{ t: string; n: number }>(
    `select 'cases' as t, count(*)::int as n from cases union all select 'alarms', count(*)::int from alarms
     union all select 'alarm_events', count(*)::int from alarm_events union all select 'case_timeline', count(*)::int from case_timeline
     union all select 'conversations', count(*)::int from conversations`,
  );
  return {
    seconds: (performance.now() - t0) / 1000,
    counts: Object.fromEntries(counts.rows.map((r) => [r.t, r.n])),
  };
}

type Api = Awaited<ReturnType<typeof signIn>>;

async function measure(api: Api, path: string) {
  const runs: { p50: number; p95: number; max: number; status: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (let i = 0; i < 3; i++) await (await api(path)).arrayBuffer(); // warm-up
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const t = performance.now();
      const r = await api(path);
      await r.arrayBuffer();
      times.push(performance.now() - t);
      status = r.status;
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
    runs.push({ p50: at(0.5), p95: at(0.95), max: times.at(-1)!, status });
  }
  const median = (k: 'p50' | 'p95' | 'max') => runs.map((r) => r[k]).sort((a, b) => a - b)[1]!;
  const p95s = runs.map((r) => r.p95);
  return {
    p50: median('p50'),
    p95: median('p95'),
    p95Range: [Math.min(...p95s), Math.max(...p95s)] as const,
    max: median('max'),
    status: runs[0]!.status,
  };
}

/** Each indicator query of one dashboard timed alone (what limits the dashboard). */
async function profile(p: TestPlatform, year: number): Promise<[string, number][]> {
  const region = (await p.db.query<{ id: string }>('select id from regions where name = $1', [DEMO.region]))
    .rows[0]!.id;
  const s: FigureScope = {
    regionId: region,
    organisationId: null,
    targetGroup: null,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    audience: 'team',
  };
  const today = new Date().toISOString().slice(0, 10);
  const norms = {
    stalking: { client: NORMS.stalking.client, hours: 50 },
    acute_unsafety: { client: NORMS.acute_unsafety.client, hours: 25 },
  };
  const whole = [{ key: 'period', from: s.from, to: s.to }];
  const queries: [string, (q: Queryable) => Promise<unknown>][] = [
    [
      'trajectories per year and period',
      (q) => figures.trajectories(q, s, [...buckets(s.from, s.to, 'year'), ...whole]),
    ],
    ['started per month', (q) => figures.startedPerMonth(q, s)],
    ['decisions', (q) => figures.decisions(q, s)],
    ['rejection reasons', (q) => figures.rejectionReasons(q, s, INDICATIONS, CONTRA_INDICATIONS)],
    ['connections', (q) => figures.connections(q, s)],
    ['durations', (q) => figures.durations(q, s)],
    ['care vs norms', (q) => figures.care(q, s, norms)],
    ['alarms by kind/outcome', (q) => figures.alarms(q, s)],
    ['response times', (q) => figures.responseTimes(q, s)],
    ['rent per quarter', (q) => figures.rent(q, s, buckets(s.from, s.to, 'quarter'), today)],
    ['device losses, client-years', (q) => figures.deviceLosses(q, s, today)],
    ['ratings', (q) => figures.ratings(q, s)],
    ['goals', (q) => figures.goals(q, s)],
  ];
  const out: [string, number][] = [];
  for (const [name, query] of queries) {
    // as the service runs them: each in a read-only transaction with the figures' settings
    const run = () => figures.analytic(p.db, query);
    await run();
    const t = performance.now();
    await run();
    out.push([name, performance.now() - t]);
  }
  return out;
}

/** Builds the data set, measures, and answers the markdown section (null without DATABASE_URL). */
export async function figuresSection(): Promise<string | null> {
  if (!process.env.DATABASE_URL) return null;
  const p = await startTestPlatform('postgres');
  try {
    const built = await generate(p);
    const timings = await profile(p, new Date().getFullYear() - 1);
    for (const [name, ms] of timings) process.stderr.write(`[figures] query ${name}: ${ms.toFixed(0)} ms\n`);
    const coordinator = await signIn(p, 'coordinator');
    const funder = await signIn(p, 'funder');
    const year = new Date().getFullYear() - 1;
    const oneYear = `from=${year}-01-01&to=${year}-12-31`;
    const rows: [string, Api, string, boolean][] = [
      ['dashboard, one year (team lead)', coordinator, `/api/v1/figures/dashboard?${oneYear}`, true],
      ['dashboard, one year (funder, suppression)', funder, `/api/v1/figures/dashboard?${oneYear}`, true],
      [
        'dashboard, five years (team lead)',
        coordinator,
        `/api/v1/figures/dashboard?from=${year - 4}-01-01&to=${year}-12-31`,
        true,
      ],
      ['dashboard CSV, one year', coordinator, `/api/v1/figures/dashboard.csv?${oneYear}`, true],
      [
        'drill-down: running trajectories',
        coordinator,
        `/api/v1/figures/cases?figure=running&${oneYear}`,
        false,
      ],
    ];
    const lines = [
      '## Figures and case pages at volume (issue 6 / issue 5)',
      '',
      `PostgreSQL, fresh database; generated set-based in ${built.seconds.toFixed(0)} s: ` +
        Object.entries(built.counts)
          .map(([t, n]) => `${n.toLocaleString('en')} ${t}`)
          .join(', ') +
        '. All cases in the demo region; two thirds at the team lead’s organisation.',
      '',
      `${REQUESTS} sequential requests per endpoint after 3 warm-ups, ${RUNS} runs, median of the runs. ` +
        `Target for dashboards: p95 ≤ ${TARGET_MS} ms.`,
      '',
      '| Endpoint | status | p50 ms | p95 ms | p95 min–max of the runs | max ms | target |',
      '|---|---|---|---|---|---|---|',
    ];
    for (const [name, api, path, dashboard] of rows) {
      const m = await measure(api, path);
      const verdict = dashboard ? (m.p95 <= TARGET_MS ? 'met' : 'MISSED') : '-';
      lines.push(
        `| ${name} | ${m.status} | ${m.p50.toFixed(0)} | ${m.p95.toFixed(0)} | ${m.p95Range.map((v) => v.toFixed(0)).join('–')} | ${m.max.toFixed(0)} | ${verdict} |`,
      );
      process.stderr.write(`[figures] ${name}: p95 ${m.p95.toFixed(0)} ms\n`);
    }
    lines.push(...(await casePagesLines(p, coordinator, `BENCH-${Math.floor(CASES / 2)}`)));
    lines.push('', 'Where the time of one one-year dashboard goes (each query alone, second run):', '');
    for (const [name, ms] of timings) lines.push(`- ${name}: ${ms.toFixed(0)} ms`);
    return `${lines.join('\n')}\n`;
  } finally {
    await p.close();
  }
}

const VOLUME_HEADING = '## Figures and case pages at volume';

/** The volume section of an existing BENCHMARKS.md (empty when there is none). */
export function volumeSectionOf(file: string): string {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = text.indexOf(VOLUME_HEADING);
  return at < 0 ? '' : text.slice(at);
}

// `npm run bench:volume`: measures and replaces the volume section of BENCHMARKS.md, leaving the rest as it is
if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const section = await figuresSection();
  if (!section) {
    process.stdout.write('DATABASE_URL is not set: the volume benchmark needs PostgreSQL.\n');
  } else {
    const file = 'BENCHMARKS.md';
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
    const at = text.indexOf(VOLUME_HEADING);
    const head = (at < 0 ? text : text.slice(0, at)).trimEnd();
    const stamped = section.replace(
      /\n\n/,
      `\n\nWritten by \`npm run bench:volume\` (bench/figures.ts) on ${new Date().toISOString()}; it took ${((performance.now() - started) / 1000).toFixed(0)} s.\n\n`,
    );
    writeFileSync(file, `${head}\n\n${stamped}`);
    process.stdout.write(stamped);
  }
}
