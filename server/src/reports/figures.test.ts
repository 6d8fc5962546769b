import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../access/index.ts';
import type { RequestContext } from '../context.ts';
import type { Database } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../testing/databases.ts';
import type { Dashboard } from './indicators.ts';
import { createFiguresService, type FiguresService } from './service.ts';

/**
 * THE HAND-MADE DATASET. Every row below is chosen so that each indicator's value for 2025 can be worked
 * out by hand; the working is in the comments next to the assertions. "Today" is 15 January 2026.
 * Times are 12:00 UTC (13:00 in Amsterdam), so each timestamp falls on the day written.
 *
 *   case  org  group   referred    decided           deadline    started (connected / active)  closed      device
 *   C1    A    stalk   2024-12-01  2024-12-10 grant  2024-12-24  2024-12-20 connected         2025-06-30  D1 returned
 *   C2    A    stalk   2025-01-05  2025-01-15 grant  2025-01-29  2025-01-27 connected         2025-11-30  D2 lost
 *   C3    A    acute   2025-03-01  2025-03-04 grant  2025-03-06  2025-03-10 connected (late)  -           D3 open
 *   C4    B    stalk   2025-02-01  2025-02-21 grant  -           2025-03-01 active_since only -           -
 *   C5    A    stalk   2025-04-01  2025-04-11 reject (screening: contact_broken fails, too_high_risks holds)
 *   C6    B    stalk   2025-05-01  2025-05-06 reject (no screening recorded)
 *   C7    A    stalk   2025-06-01  (referral, undecided)
 *   C8    R2   stalk   2025-01-10  2025-01-20 grant              2025-02-01 connected         (other region: never counted)
 *   C9    A    stalk   2023-04-20  2023-05-01 grant              2023-05-10 connected         2024-10-01 (before 2025)
 */

const TODAY = new Date('2026-01-15T10:00:00Z');
const at = (day: string, seconds = 0) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + seconds * 1000).toISOString();

interface Fixture {
  region: string;
  region2: string;
  orgA: string;
  orgB: string;
  cases: Record<string, string>;
}

async function load(db: Database): Promise<Fixture> {
  const one = async (sql: string, params: unknown[]) =>
    (await db.query<{ id: string }>(sql, params)).rows[0]!.id;
  const region = await one(`insert into regions (name) values ('Regio Proef') returning id`, []);
  const region2 = await one(`insert into regions (name) values ('Regio Elders') returning id`, []);
  // the region's own replacement price for a lost button (the default would be EUR 450)
  await db.query('update regions set device_replacement_cents = 40000 where id = $1', [region]);
  const org = (r: string, name: string) =>
    one(`insert into organisations (region_id, name, type) values ($1, $2, 'shelter') returning id`, [
      r,
      name,
    ]);
  const orgA = await org(region, 'Opvang A');
  const orgB = await org(region, 'Opvang B');
  const orgC = await org(region2, 'Opvang C');

  const cases: Record<string, string> = {};
  const rows: [string, string, string, string, string, Record<string, string | null>][] = [
    [
      'C1',
      region,
      orgA,
      'closed',
      'stalking',
      {
        referred_at: at('2024-12-01'),
        decided_at: at('2024-12-10'),
        decision: 'granted',
        connection_deadline: '2024-12-24',
        connected_at: at('2024-12-20'),
        active_since: at('2024-12-20'),
        closed_at: at('2025-06-30'),
        device_return: 'returned',
      },
    ],
    [
      'C2',
      region,
      orgA,
      'closed',
      'stalking',
      {
        referred_at: at('2025-01-05'),
        decided_at: at('2025-01-15'),
        decision: 'granted',
        connection_deadline: '2025-01-29',
        connected_at: at('2025-01-27'),
        active_since: at('2025-01-27'),
        closed_at: at('2025-11-30'),
        device_return: 'lost',
      },
    ],
    [
      'C3',
      region,
      orgA,
      'active',
      'acute_unsafety',
      {
        referred_at: at('2025-03-01'),
        decided_at: at('2025-03-04'),
        decision: 'granted',
        connection_deadline: '2025-03-06',
        connected_at: at('2025-03-10'),
        active_since: at('2025-03-10'),
      },
    ],
    [
      'C4',
      region,
      orgB,
      'active',
      'stalking',
      {
        referred_at: at('2025-02-01'),
        decided_at: at('2025-02-21'),
        decision: 'granted',
        connected_at: null,
        active_since: at('2025-03-01'),
      },
    ],
    [
      'C5',
      region,
      orgA,
      'rejected',
      'stalking',
      { referred_at: at('2025-04-01'), decided_at: at('2025-04-11'), decision: 'rejected' },
    ],
    [
      'C6',
      region,
      orgB,
      'rejected',
      'stalking',
      { referred_at: at('2025-05-01'), decided_at: at('2025-05-06'), decision: 'rejected' },
    ],
    ['C7', region, orgA, 'referral', 'stalking', { referred_at: at('2025-06-01') }],
    [
      'C8',
      region2,
      orgC,
      'active',
      'stalking',
      {
        referred_at: at('2025-01-10'),
        decided_at: at('2025-01-20'),
        decision: 'granted',
        connected_at: at('2025-02-01'),
        active_since: at('2025-02-01'),
      },
    ],
    [
      'C9',
      region,
      orgA,
      'closed',
      'stalking',
      {
        referred_at: at('2023-04-20'),
        decided_at: at('2023-05-01'),
        decision: 'granted',
        connected_at: at('2023-05-10'),
        active_since: at('2023-05-10'),
        closed_at: at('2024-10-01'),
      },
    ],
  ];
  for (const [ref, r, o, status, group, extra] of rows) {
    const columns = Object.keys(extra);
    cases[ref] = await one(
      `insert into cases (reference, region_id, organisation_id, status, target_group${columns.map((c) => `, ${c}`).join('')})
       values ($1, $2, $3, $4, $5${columns.map((_, i) => `, $${i + 6}`).join('')}) returning id`,
      [`FIG-${ref}`, r, o, status, group, ...Object.values(extra)],
    );
  }
  const c = (ref: string) => cases[ref]!;

  // screening of C5: one indication fails, one contra-indication holds; the rest is in order
  for (const [item, holds] of [
    ['unsafety_or_stalking', true],
    ['threat_of_violence', true],
    ['contact_broken', false],
    ['willing_to_report', true],
    ['open_to_help', true],
    ['several_perpetrators', false],
    ['few_safety_risks', false],
    ['too_high_risks', true],
  ] as const)
    await db.query('insert into screening_items (case_id, item, holds) values ($1, $2, $3)', [
      c('C5'),
      item,
      holds,
    ]);

  // conversations: C1 = intake 90 + 2 client 60 + 1 network 30 (240 min); C2 = 17 client + 1 psycho-education
  // of 60, 2 child of 45 (one child), 3 network of 30 = 1080 + 90 + 90 = 1260 min
  const talk = (ref: string, kind: string, minutes: number, times = 1, child: string | null = null) =>
    Promise.all(
      Array.from({ length: times }, () =>
        db.query(
          `insert into conversations (case_id, held_on, kind, duration_minutes, child_id) values ($1, '2025-03-01', $2, $3, $4)`,
          [c(ref), kind, minutes, child],
        ),
      ),
    );
  await talk('C1', 'intake', 90);
  await talk('C1', 'client', 60, 2);
  await talk('C1', 'network', 30);
  const child = await one(
    `insert into case_children (case_id, first_name) values ($1, 'Kind') returning id`,
    [c('C2')],
  );
  await talk('C2', 'client', 60, 17);
  await talk('C2', 'psycho_education', 60);
  await talk('C2', 'child', 45, 2, child);
  await talk('C2', 'network', 30, 3);

  await db.query(
    `insert into case_extensions (case_id, previous_end_on, new_end_on, rationale, decided_at) values ($1, '2025-08-01', '2025-12-01', 'risico blijft', $2)`,
    [c('C2'), at('2025-07-01')],
  );

  // devices and the periods they were with a case
  const device = (serial: string, rent: number) =>
    one(
      `insert into devices (organisation_id, vendor, model, serial, protocol, account, rent_per_quarter_cents)
       values ($1, 'X-mark', 'knop', $2, 'dc09', $2, $3) returning id`,
      [orgA, serial, rent],
    );
  const d1 = await device('D1', 11_500);
  const d2 = await device('D2', 11_500);
  const d3 = await device('D3', 10_000);
  const d8 = await device('D8', 11_500);
  const assign = (d: string, ref: string, from: string, to: string | null) =>
    db.query(
      'insert into device_assignments (device_id, case_id, assigned_at, unassigned_at) values ($1, $2, $3, $4)',
      [d, c(ref), at(from), to ? at(to) : null],
    );
  await assign(d1, 'C1', '2024-12-20', '2025-06-30');
  await assign(d2, 'C2', '2025-01-27', '2025-11-30');
  await assign(d3, 'C3', '2025-03-10', null);
  await assign(d8, 'C8', '2025-02-01', null);

  // alarms, with the chain's steps at seconds after receipt
  const alarm = async (
    d: string,
    ref: string,
    r: string,
    kind: string,
    day: string,
    outcome: string | null,
    steps: [string, number][],
    isTest = false,
    repeat?: { of: string; afterSeconds: number },
  ) => {
    const id = await one(
      `insert into alarms (device_id, case_id, region_id, kind, state, is_test, dedupe_key, received_at, outcome, resolved_at,
         first_alarm_id)
       values ($1, $2, $3, $4, 'resolved', $5, gen_random_uuid()::text, $6, $7, $6, $8) returning id`,
      [d, c(ref), r, kind, isTest, at(day, repeat?.afterSeconds ?? 0), outcome, repeat?.of ?? null],
    );
    let from = 'received';
    for (const [to, seconds] of steps) {
      await db.query(
        `insert into alarm_events (alarm_id, at, actor_label, from_state, to_state) values ($1, $2, 'test', $3, $4)`,
        [id, at(day, seconds), from, to],
      );
      from = to;
    }
    return id;
  };
  const a1Steps: [string, number][] = [
    ['claimed', 20],
    ['forwarded', 100],
    ['on_scene', 600],
  ];
  const a1 = await alarm(d2, 'C2', region, 'panic', '2025-02-01', 'arrest_in_act', a1Steps);
  // the victim presses again 5 s later, while A1 is open: stored, folded into A1 and moved along with it
  // (migration 0015) — the same situation, so no alarm, outcome or response time of its own
  await alarm(d2, 'C2', region, 'panic', '2025-02-01', 'arrest_in_act', a1Steps, false, {
    of: a1,
    afterSeconds: 5,
  });
  await alarm(d2, 'C2', region, 'panic', '2025-03-01', 'pressed_by_accident', [['claimed', 40]]);
  await alarm(d3, 'C3', region, 'panic', '2025-04-01', 'perpetrator_gone', [
    ['claimed', 10],
    ['forwarded', 60],
    ['on_scene', 360],
  ]);
  await alarm(d3, 'C3', region, 'low_battery', '2025-04-02', 'technical_fault', [['claimed', 100]]);
  await alarm(d3, 'C3', region, 'test', '2025-03-10', 'test', [['claimed', 5]], true);
  await alarm(d1, 'C1', region, 'supervision', '2025-05-01', 'cleared_by_device', []);
  await alarm(d1, 'C1', region, 'panic', '2024-12-28', 'no_threat', [['claimed', 15]]); // before the period
  await alarm(d8, 'C8', region2, 'panic', '2025-03-01', 'no_threat', [['claimed', 15]]); // other region

  const evaluate = (
    ref: string,
    day: string,
    moment: string,
    safety: number,
    cw: number | null = null,
    co: number | null = null,
  ) =>
    db.query(
      `insert into evaluations (case_id, evaluated_on, moment, client_safety_rating, caseworker_rating, collaboration_rating)
       values ($1, $2, $3, $4, $5, $6)`,
      [c(ref), day, moment, safety, cw, co],
    );
  await evaluate('C1', '2024-12-22', 'start', 2); // before the period
  await evaluate('C1', '2025-06-28', 'end', 8, 9, 7);
  await evaluate('C2', '2025-02-01', 'start', 3);
  await evaluate('C2', '2025-06-01', 'interim', 6);
  await evaluate('C2', '2025-11-25', 'end', 7, 8, 7.5);
  await evaluate('C3', '2025-03-15', 'start', 2);

  const goal = (ref: string, result: string | null, day: string | null) =>
    db.query(
      `insert into case_goals (case_id, description, set_on, result, evaluated_on) values ($1, 'doel', '2025-01-01', $2, $3)`,
      [c(ref), result, day],
    );
  await goal('C1', 'met', '2025-06-28');
  await goal('C1', 'met', '2025-06-28');
  await goal('C2', 'met', '2025-11-25');
  await goal('C2', 'partly_met', '2025-11-25');
  await goal('C2', 'not_met', '2025-11-25');
  await goal('C3', null, null);
  return { region, region2, orgA, orgB, cases };
}

const actor = (
  role: 'coordinator' | 'funder',
  organisationId: string,
  regionId: string,
  id = crypto.randomUUID(),
): Actor => ({
  kind: 'user',
  id,
  label: `${role}@proef`,
  grants: [
    { role, organisationId, organisationType: role === 'funder' ? 'municipality' : 'shelter', regionId },
  ],
});

const status = (error: unknown) =>
  error instanceof DomainError ? error.status : (error as { constructor: { name: string } }).constructor.name;
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
    return null;
  } catch (error) {
    return {
      status: status(error),
      field: error instanceof DomainError ? error.errors[0]?.field : undefined,
    };
  }
}

describeEachEngine('figures: every indicator on a hand-made dataset', (engine) => {
  let database: TestDatabase;
  let fx: Fixture;
  let service: FiguresService;
  let coordinator: RequestContext;
  let funder: RequestContext;
  let d: Dashboard;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    fx = await load(database.db);
    service = createFiguresService(database.db, () => TODAY);
    coordinator = { actor: actor('coordinator', fx.orgA, fx.region), ip: null };
    funder = { actor: actor('funder', fx.orgA, fx.region), ip: null };
    d = await service.dashboard(coordinator, { from: '2025-01-01', to: '2025-12-31' });
  });
  afterAll(async () => database?.drop());

  it('trajectories started, running and closed (seed 001 table)', () => {
    // started in 2025: C2 (27 Jan), C3 (10 Mar), C4 (1 Mar, active_since because connected_at is empty) = 3
    // running: C1 (from 2024, closed 30 Jun), C2, C3, C4 = 4; C9 closed in 2024, C8 another region
    // closed: C1, C2 = 2
    expect([d.trajectories.started, d.trajectories.running, d.trajectories.closed]).toEqual([3, 4, 2]);
    expect(d.trajectories.perYear).toEqual([{ year: '2025', started: 3, running: 4, closed: 2 }]);
    // per month: January C2, March C3 and C4, the other ten months 0
    expect(d.trajectories.perMonth).toHaveLength(12);
    expect(d.trajectories.perMonth.map((m) => m.started)).toEqual([1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('decisions, granted vs rejected, with the reasons', () => {
    // decided in 2025: C2, C3, C4 granted; C5, C6 rejected → 5, 3, 2, 3/5 = 0.6 (C1 and C9 decided earlier)
    expect(d.decisions).toMatchObject({ decided: 5, granted: 3, rejected: 2, shareGranted: 0.6 });
    // C5: contact not broken + too high risks; C6: nothing recorded
    const reasons = Object.fromEntries(d.decisions.reasons.map((r) => [r.reason, r.cases]));
    expect(reasons).toEqual({
      unsafety_or_stalking: 0,
      threat_of_violence: 0,
      contact_broken: 1,
      willing_to_report: 0,
      open_to_help: 0,
      several_perpetrators: 0,
      few_safety_risks: 0,
      too_high_risks: 1,
      none: 1,
    });
  });

  it('time from referral to decision and from decision to connection against the deadline', () => {
    // referral → decision: C2 10, C3 3, C4 20, C5 10, C6 5 days → sorted 3 5 10 10 20: median 10;
    // p90 (interpolated) at position 0.9 × 4 = 3.6 → 10 + 0.6 × (20 − 10) = 16
    expect(d.timeliness.referralToDecision).toEqual({ cases: 5, medianDays: 10, p90Days: 16 });
    // decision → connection: C2 12, C3 6, C4 8 days → median 8; p90 at 1.8 → 8 + 0.8 × 4 = 11.2
    // on time: C2 (27 Jan ≤ 29 Jan); late: C3 (10 Mar > 6 Mar); no deadline: C4 → share on time 1 / 2
    expect(d.timeliness.decisionToConnection).toEqual({
      cases: 3,
      medianDays: 8,
      p90Days: 11.2,
      onTime: 1,
      late: 1,
      noDeadline: 1,
      shareOnTime: 0.5,
    });
  });

  it('duration of trajectories and extensions', () => {
    // closed in 2025: C1 20 Dec 2024 → 30 Jun 2025 = 192 days; C2 27 Jan → 30 Nov = 307 days
    // median = mean = (192 + 307) / 2 = 249.5; C2 was extended (1 July 2025) → 1 of 2
    expect(d.duration).toEqual({
      closed: 2,
      medianDays: 249.5,
      meanDays: 249.5,
      closedWithExtension: 1,
      shareExtended: 0.5,
      extensionsDecided: 1,
    });
  });

  it('conversations and hours against the norms', () => {
    // stalking, closed: C1 (3 client incl. intake, 0 child, 1 network, 240 min) and C2 (18 client incl.
    // psycho-education, 2 child for 1 child, 3 network, 1260 min)
    // means: client (3 + 18) / 2 = 10.5; network (1 + 3) / 2 = 2; hours (240 + 1260) / 2 / 60 = 12.5;
    // per child 2 / 1 = 2; within the 16-20 norm: C2 only → 0.5; within 50 hours: both → 1
    const [stalking, acute] = d.care;
    expect(stalking).toMatchObject({
      targetGroup: 'stalking',
      closed: 2,
      clientConversations: 10.5,
      clientConversationsNorm: '16-20',
      shareClientWithinNorm: 0.5,
      childConversationsPerChild: 2,
      networkContacts: 2,
      networkContactsNorm: 9,
      hours: 12.5,
      hoursNorm: 50,
      shareHoursWithinNorm: 1,
    });
    // no acute trajectory closed: zeros and empty means, not an error
    expect(acute).toMatchObject({
      targetGroup: 'acute_unsafety',
      closed: 0,
      clientConversations: null,
      hours: null,
      hoursNorm: 25,
    });
  });

  it('alarms per trajectory by kind and outcome, false and technical shares', () => {
    // 2025, region, not test: C2 panic ×2, C3 panic + low battery, C1 supervision = 5 (C3's hand-out test apart;
    // C1's panic of 28 Dec 2024 and C8's panic in the other region are out)
    expect(d.alarms.total).toBe(5);
    // 5 alarms / 4 running trajectories
    expect(d.alarms.perTrajectory).toBe(1.25);
    const kinds = Object.fromEntries(d.alarms.byKind.map((k) => [k.kind, k.alarms]));
    expect(kinds).toEqual({ panic: 3, test: 1, low_battery: 1, tamper: 0, fault: 0, supervision: 1 });
    const outcomes = Object.fromEntries(d.alarms.byOutcome.map((o) => [o.outcome, o.alarms]));
    expect(outcomes).toEqual({
      arrest_in_act: 1,
      perpetrator_gone: 1,
      no_threat: 0,
      pressed_by_accident: 1,
      technical_fault: 1,
      cleared_by_device: 1,
      other: 0,
      open: 0,
    });
    // false: 1 of 3 panics pressed by accident; technical: low battery + supervision = 2 of 5
    expect(d.alarms.panics).toBe(3);
    expect(d.alarms.shareFalse).toBeCloseTo(1 / 3, 10);
    expect(d.alarms.shareTechnical).toBe(0.4);
  });

  it('response times of the alarm chain: median and p90', () => {
    // panics: A1 claimed 20 s, forwarded 80 s later, on scene 500 s later (600 in all); A2 claimed 40 s;
    // A3 claimed 10 s, forwarded 50 s later, on scene 300 s later (360 in all)
    // claimed [10 20 40]: median 20, p90 20 + 0.8 × 20 = 36; forwarded [50 80]: 65, 50 + 0.9 × 30 = 77;
    // on scene [300 500]: 400, 480; total [360 600]: 480, 576
    expect(d.response).toEqual([
      { step: 'claimed', alarms: 3, medianSeconds: 20, p90Seconds: 36 },
      { step: 'forwarded', alarms: 2, medianSeconds: 65, p90Seconds: 77 },
      { step: 'on_scene', alarms: 2, medianSeconds: 400, p90Seconds: 480 },
      { step: 'total', alarms: 2, medianSeconds: 480, p90Seconds: 576 },
    ]);
  });

  it('device cost: rent per quarter, replacements, cost per client per year', () => {
    // rent pro rata per day, 91.3125 days a quarter: D1 €115 (C1, to 30 Jun), D2 €115 (C2, 27 Jan-30 Nov),
    // D3 €100 (C3, from 10 Mar, still issued: counted to the period's end)
    // Q1: 11500 × (90 + 64) + 10000 × 22 = 1,991,000 / 91.3125 = 21804.2 → 21804
    // Q2: 11500 × 91 × 2 + 10000 × 91 = 3,003,000 / 91.3125 = 32887.1 → 32887
    // Q3: 11500 × 92 + 10000 × 92 = 1,978,000 / 91.3125 = 21661.9 → 21662
    // Q4: 11500 × 61 + 10000 × 92 = 1,621,500 / 91.3125 = 17757.7 → 17758
    expect(d.devices.perQuarter).toEqual([
      { quarter: '2025-K1', rentCents: 21804 },
      { quarter: '2025-K2', rentCents: 32887 },
      { quarter: '2025-K3', rentCents: 21662 },
      { quarter: '2025-K4', rentCents: 17758 },
    ]);
    // total rent 94110.9 → 94111; C2's button lost: 1 × the region's €400
    expect(d.devices).toMatchObject({
      rentCents: 94111,
      replacements: 1,
      replacementPriceCents: 40000,
      replacementCents: 40000,
      totalCents: 134111,
    });
    // client-days in 2025: C1 181, C2 308, C3 297, C4 306 = 1092 → 2.99 client-years; 134110.9 / 2.98973 = 44857
    expect(d.devices.clientYears).toBe(2.99);
    expect(d.devices.costPerClientYearCents).toBe(44857);
  });

  it("the client's own safety rating at start, during and end; ratings of caseworker and collaboration", () => {
    // start: C2 3, C3 2 → 2.5 (C1's start was in 2024); interim: C2 6; end: C1 8, C2 7 → 7.5
    expect(d.ratings.safety).toEqual([
      { moment: 'start', cases: 2, mean: 2.5 },
      { moment: 'interim', cases: 1, mean: 6 },
      { moment: 'end', cases: 2, mean: 7.5 },
    ]);
    // caseworker (9 + 8) / 2 = 8.5; collaboration (7 + 7.5) / 2 = 7.25 → 7.3
    expect(d.ratings.caseworker).toEqual({ cases: 2, mean: 8.5 });
    expect(d.ratings.collaboration).toEqual({ cases: 2, mean: 7.3 });
  });

  it('goals met', () => {
    // evaluated in 2025: C1 met ×2, C2 met, partly, not → 5 goals; met 3 / 5 = 0.6 (C3's goal has no result yet)
    expect(d.goals).toEqual({
      evaluated: 5,
      byResult: [
        { result: 'met', goals: 3 },
        { result: 'partly_met', goals: 1 },
        { result: 'not_met', goals: 1 },
      ],
      shareMet: 0.6,
    });
  });

  it('filters by organisation and target group', async () => {
    // organisation A: started C2, C3; running C1, C2, C3; closed C1, C2
    const a = await service.dashboard(coordinator, {
      from: '2025-01-01',
      to: '2025-12-31',
      organisationId: fx.orgA,
    });
    expect([a.trajectories.started, a.trajectories.running, a.trajectories.closed]).toEqual([2, 3, 2]);
    expect(a.scope.organisation).toBe('Opvang A');
    // acute unsafety: C3 only; its alarms: panic + low battery (the test apart)
    const acute = await service.dashboard(coordinator, {
      from: '2025-01-01',
      to: '2025-12-31',
      targetGroup: 'acute_unsafety',
    });
    expect([acute.trajectories.started, acute.trajectories.running, acute.alarms.total]).toEqual([1, 1, 2]);
  });

  it('an empty period shows zeros, not an error', async () => {
    const empty = await service.dashboard(coordinator, { from: '2020-01-01', to: '2020-12-31' });
    expect([
      empty.trajectories.started,
      empty.trajectories.running,
      empty.decisions.decided,
      empty.alarms.total,
    ]).toEqual([0, 0, 0, 0]);
    expect(empty.timeliness.referralToDecision.medianDays).toBeNull();
    expect(empty.devices.rentCents).toBe(0);
    expect(empty.goals.evaluated).toBe(0);
  });

  it('the funder sees aggregates only: small cells "< 5", what would betray them hidden too, no case ids', async () => {
    const f = await service.dashboard(funder, { from: '2025-01-01', to: '2025-12-31' });
    expect(f.drillDown).toBe(false);
    expect(f.suppression.applied).toBe(true);
    // 3 started, 4 running, 2 closed: each rests on fewer than 5 cases
    expect([f.trajectories.started, f.trajectories.running, f.trajectories.closed]).toEqual([
      '< 5',
      '< 5',
      '< 5',
    ]);
    // 5 decisions is shown; granted 3 and rejected 2 are not (two hidden, so neither is recoverable)
    expect([f.decisions.decided, f.decisions.granted, f.decisions.rejected]).toEqual([5, '< 5', '< 5']);
    // one lost button: "< 5" buttons; its cost is hidden (never "< 5" euro), and so is the rent or the
    // total, so that total − rent does not give it back
    expect([f.devices.replacements, f.devices.replacementCents]).toEqual(['< 5', 'hidden']);
    expect(
      [f.devices.rentCents, f.devices.totalCents].filter((v) => typeof v === 'number').length,
    ).toBeLessThan(2);
    // no amount of money says "< 5", and a hidden total takes the cost per client-year with it
    const money = [
      f.devices.rentCents,
      f.devices.replacementCents,
      f.devices.totalCents,
      f.devices.costPerClientYearCents,
      ...f.devices.perQuarter.map((q) => q.rentCents),
    ];
    expect(money).not.toContain('< 5');
    if (f.devices.totalCents === 'hidden') expect(f.devices.costPerClientYearCents).toBe('hidden');
    // the quarters never give a hidden rent back: none or at least two of them hidden with it
    if (f.devices.rentCents === 'hidden')
      expect(f.devices.perQuarter.filter((q) => q.rentCents === 'hidden').length).not.toBe(0);
    // zeros stay zeros
    expect(f.trajectories.perMonth[1]!.started).toBe(0);
    // the team sees the same cells as numbers
    expect(d.trajectories.started).toBe(3);
    const text = JSON.stringify(f);
    for (const id of Object.values(fx.cases)) expect(text).not.toContain(id);
    expect(text).not.toContain('FIG-C');
    expect(
      await refusal(service.casesBehind(funder, { figure: 'started', from: '2025-01-01', to: '2025-12-31' })),
    ).toEqual({
      status: 403,
      field: 'figure',
    });
  });

  it('drill-down lists only the cases the team lead may open', async () => {
    // started in 2025: C2, C3 (organisation A, visible) and C4 (organisation B: counted, not listed)
    const r = await service.casesBehind(coordinator, {
      figure: 'started',
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(r.cases.map((c) => c.reference)).toEqual(['FIG-C2', 'FIG-C3']);
    expect([r.total, r.notVisible]).toEqual([3, 1]);
  });

  it('bad input names the field: period backwards, unknown region, another region, a filter the role may not use', async () => {
    expect(await refusal(service.dashboard(coordinator, { from: '2025-06-01', to: '2025-01-01' }))).toEqual({
      status: 400,
      field: 'to',
    });
    expect(await refusal(service.dashboard(coordinator, { regionId: crypto.randomUUID() }))).toEqual({
      status: 400,
      field: 'regionId',
    });
    expect(await refusal(service.dashboard(coordinator, { regionId: fx.region2 }))).toEqual({
      status: 403,
      field: 'regionId',
    });
    expect(await refusal(service.dashboard(funder, { organisationId: fx.orgA }))).toEqual({
      status: 403,
      field: 'organisationId',
    });
  });

  it('every read of figures is audited, without personal data', async () => {
    const rows = await database.db.query<{ details: Record<string, unknown>; record_id: string }>(
      `select details, record_id from audit_log where action = 'figures.read' order by seq`,
    );
    expect(rows.rows.length).toBeGreaterThan(5);
    expect(rows.rows.every((r) => r.record_id === fx.region)).toBe(true);
    const text = JSON.stringify(rows.rows);
    for (const id of Object.values(fx.cases)) expect(text).not.toContain(id);
  });
});
