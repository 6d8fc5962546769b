import type { Database, Queryable } from '../db/index.ts';

/**
 * Three years of generated trajectories for the demo region, so the figures dashboards show something:
 * referrals granted and rejected, connections, conversations, alarms with response times, evaluations,
 * goals, device periods. Deterministic (a fixed seed), no personal data at all (no client or perpetrator
 * rows; children are "Kind 1"). Every generated case is marked: reference HIST-<year>-<n>, and the
 * referral summary says it is generated. Opt-in (seedDemo's `history` option): tests that count the demo's
 * cases never see these.
 */

export const HISTORY_PREFIX = 'HIST-';
/** The second executing organisation the history spreads over (and whose pool of buttons it uses). */
export const HISTORY_ORGANISATION = 'Stichting Veilig Verder (gegenereerde historie)';
const MARK = 'Gegenereerde historie voor de cijfers (demo), geen echte casus.';
const DAY = 86_400_000;

/** mulberry32: a small deterministic generator, so every demo start has the same history. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!,
  };
}

const iso = (d: Date) => d.toISOString();
const day = (d: Date) => d.toISOString().slice(0, 10);
const plus = (d: Date, days: number, seconds = 0) => new Date(d.getTime() + days * DAY + seconds * 1000);

interface Columns {
  [column: string]: unknown[];
}

/** One set-based insert per table: `insert … select * from unnest($1::type[], …)`. */
async function insertMany(db: Queryable, table: string, types: Record<string, string>, rows: Columns) {
  const names = Object.keys(types);
  const length = rows[names[0]!]!.length;
  for (let start = 0; start < length; start += 5000) {
    await db.query(
      `insert into ${table} (${names.join(', ')}) select * from unnest(${names.map((n, i) => `$${i + 1}::${types[n]}[]`).join(', ')})`,
      names.map((n) => rows[n]!.slice(start, start + 5000)),
    );
  }
}

const columns = (...names: string[]): Columns => Object.fromEntries(names.map((n) => [n, []]));

/** Adds the history once; answers false when the demo region is missing or the history is already there. */
export async function seedFiguresHistory(
  db: Database,
  regionName: string,
  today: Date = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const region = (await tx.query<{ id: string }>('select id from regions where name = $1', [regionName]))
      .rows[0];
    if (!region) return false;
    const regionId = region.id;
    const done = await tx.query('select 1 from cases where reference like $1 limit 1', [
      `${HISTORY_PREFIX}%`,
    ]);
    if (done.rows.length > 0) return false;
    const shelter = (
      await tx.query<{ id: string }>(
        `select id from organisations where region_id = $1 and type = 'shelter' order by created_at limit 1`,
        [region.id],
      )
    ).rows[0]!.id;
    const other = (
      await tx.query<{ id: string }>(
        `insert into organisations (region_id, name, type) values ($1, $2, 'shelter') returning id`,
        [region.id, HISTORY_ORGANISATION],
      )
    ).rows[0]!.id;

    const rng = generator(20_26);
    const thisYear = today.getUTCFullYear();
    const cases = columns(
      'id',
      'reference',
      'region_id',
      'organisation_id',
      'status',
      'target_group',
      'referred_at',
      'decided_at',
      'decision',
      'decision_rationale',
      'connection_deadline',
      'connected_at',
      'active_since',
      'closed_at',
      'closure_reason',
      'device_return',
      'referral_summary',
      'created_at',
    );
    const screening = columns('case_id', 'item', 'holds');
    const talks = columns('case_id', 'held_on', 'kind', 'duration_minutes', 'child_id');
    const children = columns('id', 'case_id', 'first_name');
    const evaluations = columns(
      'case_id',
      'evaluated_on',
      'moment',
      'client_safety_rating',
      'caseworker_rating',
      'collaboration_rating',
      'safety_scale',
    );
    const goals = columns('case_id', 'description', 'set_on', 'result', 'evaluated_on');
    const extensions = columns('case_id', 'previous_end_on', 'new_end_on', 'rationale', 'decided_at');
    const devices = columns(
      'id',
      'organisation_id',
      'vendor',
      'model',
      'serial',
      'protocol',
      'account',
      'rent_per_quarter_cents',
      'state',
    );
    const assignments = columns('device_id', 'case_id', 'assigned_at', 'unassigned_at');
    const alarms = columns(
      'id',
      'device_id',
      'case_id',
      'region_id',
      'kind',
      'state',
      'is_test',
      'dedupe_key',
      'received_at',
      'committed_at',
      'last_step_at',
      'outcome',
      'resolved_at',
    );
    const events = columns('alarm_id', 'at', 'actor_label', 'from_state', 'to_state');

    const perYear = [38, 52, 45];
    for (const [offset, count] of perYear.entries()) {
      const year = thisYear - 2 + offset;
      const yearStart = Date.UTC(year, 0, 1);
      const lastReferral = Math.min(Date.UTC(year, 11, 31), today.getTime() - 21 * DAY);
      for (let n = 1; n <= count; n++) {
        const referred = new Date(
          yearStart + rng.next() * Math.max(0, lastReferral - yearStart) + 9 * 3_600_000,
        );
        if (referred.getTime() > lastReferral) continue;
        const id = crypto.randomUUID();
        const group = rng.chance(0.85) ? 'stalking' : 'acute_unsafety';
        const organisation = rng.chance(0.7) ? shelter : other;
        const rejected = rng.chance(0.15);
        const decided = plus(referred, rng.int(2, 20));
        const row = {
          id,
          reference: `${HISTORY_PREFIX}${year}-${String(n).padStart(4, '0')}`,
          region_id: region.id,
          organisation_id: organisation,
          status: 'rejected',
          target_group: group,
          referred_at: iso(referred),
          decided_at: iso(decided),
          decision: rejected ? 'rejected' : 'granted',
          decision_rationale: rejected
            ? 'Gegenereerd: niet aan de indicaties voldaan.'
            : 'Gegenereerd: toegekend.',
          connection_deadline: null as string | null,
          connected_at: null as string | null,
          active_since: null as string | null,
          closed_at: null as string | null,
          closure_reason: null as string | null,
          device_return: null as string | null,
          referral_summary: MARK,
          created_at: iso(referred),
        };
        const items = [
          'unsafety_or_stalking',
          'threat_of_violence',
          'contact_broken',
          'willing_to_report',
          'open_to_help',
        ] as const;
        const contra = ['several_perpetrators', 'few_safety_risks', 'too_high_risks'] as const;
        const failing = rejected ? rng.pick([...items, ...contra, 'none'] as const) : null;
        if (failing !== 'none')
          for (const item of [...items, ...contra]) {
            screening.case_id!.push(id);
            screening.item!.push(item);
            const isContra = (contra as readonly string[]).includes(item);
            screening.holds!.push(item === failing ? isContra : !isContra);
          }
        if (!rejected) {
          row.connection_deadline = day(plus(decided, group === 'stalking' ? 14 : 3));
          const connected = plus(decided, group === 'stalking' ? rng.int(3, 18) : rng.int(1, 5));
          if (connected > today) row.status = 'connecting';
          else {
            row.connected_at = iso(connected);
            row.active_since = iso(connected);
            const length = group === 'stalking' ? rng.int(170, 330) : rng.int(60, 100);
            const closed = plus(connected, length);
            const end = closed > today ? today : closed;
            if (closed > today) row.status = 'active';
            else {
              row.status = 'closed';
              row.closed_at = iso(closed);
              row.closure_reason = 'Gegenereerd: veiligheid hersteld.';
              row.device_return = rng.chance(0.93) ? 'returned' : rng.pick(['lost', 'stolen']);
            }
            if (length > 270 && plus(connected, 240) < end) {
              extensions.case_id!.push(id);
              extensions.previous_end_on!.push(day(plus(connected, 255)));
              extensions.new_end_on!.push(day(plus(connected, 345)));
              extensions.rationale!.push('Gegenereerd: risico blijft, verlengd.');
              extensions.decided_at!.push(iso(plus(connected, 240)));
            }
            addCare(id, group, connected, end, closed <= today);
            addDevice(id, connected, closed <= today ? closed : null, end);
          }
        }
        // generated cases still running belong to the generated organisation, so they do not crowd the demo
        // shelter's working lists: its coordinator's open cases are the hand-made ones
        if (row.status === 'connecting' || row.status === 'active') row.organisation_id = other;
        for (const [k, v] of Object.entries(row)) cases[k]!.push(v);
      }
    }

    function addCare(caseId: string, group: string, from: Date, to: Date, ended: boolean) {
      const span = Math.max(1, Math.round((to.getTime() - from.getTime()) / DAY));
      const when = () => day(plus(from, rng.int(0, span)));
      const talk = (kind: string, minutes: number, child: string | null = null) => {
        talks.case_id!.push(caseId);
        talks.held_on!.push(when());
        talks.kind!.push(kind);
        talks.duration_minutes!.push(minutes);
        talks.child_id!.push(child);
      };
      const share = ended ? 1 : Math.min(1, span / 240);
      talk('intake', 90);
      talk('psycho_education', 60);
      const clientTalks = Math.round((group === 'stalking' ? rng.int(13, 22) : rng.int(5, 10)) * share);
      for (let i = 0; i < clientTalks; i++) talk('client', rng.int(45, 75));
      const network = Math.round((group === 'stalking' ? rng.int(5, 11) : rng.int(2, 5)) * share);
      for (let i = 0; i < network; i++) talk('network', 30);
      if (rng.chance(0.4))
        for (let c = 1; c <= rng.int(1, 2); c++) {
          const child = crypto.randomUUID();
          children.id!.push(child);
          children.case_id!.push(caseId);
          children.first_name!.push(`Kind ${c}`);
          for (let i = 0; i < rng.int(2, 3); i++) talk('child', 45, child);
        }
      const evaluate = (
        on: Date,
        moment: string,
        safety: number,
        cw: number | null,
        co: number | null,
        scale: string,
      ) => {
        evaluations.case_id!.push(caseId);
        evaluations.evaluated_on!.push(day(on));
        evaluations.moment!.push(moment);
        evaluations.client_safety_rating!.push(safety);
        evaluations.caseworker_rating!.push(cw);
        evaluations.collaboration_rating!.push(co);
        evaluations.safety_scale!.push(scale);
      };
      evaluate(plus(from, 7), 'start', rng.int(1, 4), null, null, '0');
      if (span > 120) evaluate(plus(from, 120), 'interim', rng.int(5, 8), null, null, '6');
      const goalCount = rng.int(2, 3);
      for (let g = 0; g < goalCount; g++) {
        goals.case_id!.push(caseId);
        goals.description!.push(`Gegenereerd ontwikkeldoel ${g + 1}`);
        goals.set_on!.push(day(plus(from, 14)));
        goals.result!.push(
          ended ? (rng.chance(0.6) ? 'met' : rng.chance(0.6) ? 'partly_met' : 'not_met') : null,
        );
        goals.evaluated_on!.push(ended ? day(plus(to, -3)) : null);
      }
      if (ended)
        evaluate(
          plus(to, -3),
          'end',
          rng.int(6, 9),
          rng.int(15, 19) / 2,
          rng.int(12, 17) / 2,
          rng.pick(['6', '7', '7+']),
        );
    }

    function addDevice(caseId: string, from: Date, returned: Date | null, end: Date) {
      const device = crypto.randomUUID();
      const serial = `HIST-${String(devices.id!.length + 1).padStart(4, '0')}`;
      devices.id!.push(device);
      devices.organisation_id!.push(other);
      devices.vendor!.push('X-mark');
      devices.model!.push('AWARE-knop (gegenereerde historie)');
      devices.serial!.push(serial);
      devices.protocol!.push('dc09');
      devices.account!.push(serial);
      devices.rent_per_quarter_cents!.push(11_500);
      // never 'issued': supervision must not watch a generated button
      devices.state!.push('retired');
      assignments.device_id!.push(device);
      assignments.case_id!.push(caseId);
      assignments.assigned_at!.push(iso(from));
      assignments.unassigned_at!.push(returned ? iso(returned) : null);

      const span = Math.max(1, Math.round((end.getTime() - from.getTime()) / DAY));
      let seq = 0;
      const alarm = (
        kind: string,
        when: Date,
        outcome: string,
        steps: [string, number][],
        isTest = false,
      ) => {
        const id = crypto.randomUUID();
        const last = steps.at(-1)?.[1] ?? 0;
        // a running case's last day is today: its alarm is handled by now, never later today
        const latest = today.getTime() - (last + 600) * 1000 - 3_600_000;
        const at = when.getTime() > latest ? new Date(latest) : when;
        alarms.id!.push(id);
        alarms.device_id!.push(device);
        alarms.case_id!.push(caseId);
        alarms.region_id!.push(regionId);
        alarms.kind!.push(kind);
        alarms.state!.push('resolved');
        alarms.is_test!.push(isTest);
        alarms.dedupe_key!.push(`hist-${seq++}`);
        alarms.received_at!.push(iso(at));
        alarms.committed_at!.push(iso(at));
        alarms.last_step_at!.push(iso(plus(at, 0, last)));
        alarms.outcome!.push(outcome);
        alarms.resolved_at!.push(iso(plus(at, 0, last + 600)));
        let from = 'received';
        for (const [to, seconds] of [...steps, ['resolved', last + 600] as [string, number]]) {
          events.alarm_id!.push(id);
          events.at!.push(iso(plus(at, 0, seconds)));
          events.actor_label!.push('gegenereerde historie');
          events.from_state!.push(from);
          events.to_state!.push(to);
          from = to;
        }
      };
      alarm('test', plus(from, 0, 1800), 'test', [['claimed', rng.int(10, 40)]], true);
      const panics = rng.int(0, 3);
      for (let i = 0; i < panics; i++) {
        const at = plus(from, rng.int(1, span), rng.int(0, 86_399));
        const claimed = rng.int(6, 55);
        if (rng.chance(0.25)) alarm('panic', at, 'pressed_by_accident', [['claimed', claimed]]);
        else {
          const forwarded = claimed + rng.int(25, 110);
          const onScene = forwarded + rng.int(240, 900);
          alarm(
            'panic',
            at,
            rng.pick(['arrest_in_act', 'perpetrator_gone', 'perpetrator_gone', 'no_threat']),
            [
              ['claimed', claimed],
              ['forwarded', forwarded],
              ['on_scene', onScene],
            ],
          );
        }
      }
      const technical = rng.int(0, 3);
      for (let i = 0; i < technical; i++) {
        const at = plus(from, rng.int(1, span), rng.int(0, 86_399));
        if (rng.chance(0.5)) alarm(rng.pick(['low_battery', 'supervision']), at, 'cleared_by_device', []);
        else
          alarm(rng.pick(['low_battery', 'supervision', 'fault']), at, 'technical_fault', [
            ['claimed', rng.int(20, 240)],
          ]);
      }
    }

    await insertMany(
      tx,
      'cases',
      {
        id: 'uuid',
        reference: 'text',
        region_id: 'uuid',
        organisation_id: 'uuid',
        status: 'text',
        target_group: 'text',
        referred_at: 'timestamptz',
        decided_at: 'timestamptz',
        decision: 'text',
        decision_rationale: 'text',
        connection_deadline: 'date',
        connected_at: 'timestamptz',
        active_since: 'timestamptz',
        closed_at: 'timestamptz',
        closure_reason: 'text',
        device_return: 'text',
        referral_summary: 'text',
        created_at: 'timestamptz',
      },
      cases,
    );
    await insertMany(tx, 'screening_items', { case_id: 'uuid', item: 'text', holds: 'boolean' }, screening);
    await insertMany(tx, 'case_children', { id: 'uuid', case_id: 'uuid', first_name: 'text' }, children);
    await insertMany(
      tx,
      'conversations',
      { case_id: 'uuid', held_on: 'date', kind: 'text', duration_minutes: 'int', child_id: 'uuid' },
      talks,
    );
    await insertMany(
      tx,
      'evaluations',
      {
        case_id: 'uuid',
        evaluated_on: 'date',
        moment: 'text',
        client_safety_rating: 'int',
        caseworker_rating: 'numeric',
        collaboration_rating: 'numeric',
        safety_scale: 'text',
      },
      evaluations,
    );
    await insertMany(
      tx,
      'case_goals',
      { case_id: 'uuid', description: 'text', set_on: 'date', result: 'text', evaluated_on: 'date' },
      goals,
    );
    await insertMany(
      tx,
      'case_extensions',
      {
        case_id: 'uuid',
        previous_end_on: 'date',
        new_end_on: 'date',
        rationale: 'text',
        decided_at: 'timestamptz',
      },
      extensions,
    );
    await insertMany(
      tx,
      'devices',
      {
        id: 'uuid',
        organisation_id: 'uuid',
        vendor: 'text',
        model: 'text',
        serial: 'text',
        protocol: 'text',
        account: 'text',
        rent_per_quarter_cents: 'int',
        state: 'text',
      },
      devices,
    );
    await insertMany(
      tx,
      'device_assignments',
      { device_id: 'uuid', case_id: 'uuid', assigned_at: 'timestamptz', unassigned_at: 'timestamptz' },
      assignments,
    );
    await insertMany(
      tx,
      'alarms',
      {
        id: 'uuid',
        device_id: 'uuid',
        case_id: 'uuid',
        region_id: 'uuid',
        kind: 'text',
        state: 'text',
        is_test: 'boolean',
        dedupe_key: 'text',
        received_at: 'timestamptz',
        committed_at: 'timestamptz',
        last_step_at: 'timestamptz',
        outcome: 'text',
        resolved_at: 'timestamptz',
      },
      alarms,
    );
    await insertMany(
      tx,
      'alarm_events',
      { alarm_id: 'uuid', at: 'timestamptz', actor_label: 'text', from_state: 'text', to_state: 'text' },
      events,
    );
    return true;
  });
}
