import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../testing/databases.ts';

/**
 * The response-time figures read claimed_at / forwarded_at / on_scene_at from the alarm row (migration 0011).
 * Whoever writes a step to alarm_events, the row must hold the earliest step of each kind, as min(at) over
 * alarm_events would.
 */
describeEachEngine('alarm step times on the alarm row', (engine) => {
  let t: TestDatabase;
  let device: string;
  let region: string;

  beforeAll(async () => {
    t = await freshDatabase(engine);
    const one = async (sql: string, params: unknown[] = []) =>
      (await t.db.query<{ id: string }>(sql, params)).rows[0]!.id;
    region = await one(`insert into regions (name) values ('Regio Stap') returning id`);
    const org = await one(
      `insert into organisations (region_id, name, type) values ($1, 'Opvang', 'shelter') returning id`,
      [region],
    );
    device = await one(
      `insert into devices (organisation_id, vendor, model, serial, protocol, account)
       values ($1, 'X-mark', 'knop', 'S1', 'dc09', 'S1') returning id`,
      [org],
    );
  });
  afterAll(async () => {
    await t?.drop();
  });

  const newAlarm = async (key: string) =>
    (
      await t.db.query<{ id: string }>(
        `insert into alarms (device_id, region_id, kind, dedupe_key, received_at)
         values ($1, $2, 'panic', $3, '2025-03-01T12:00:00Z') returning id`,
        [device, region, key],
      )
    ).rows[0]!.id;
  const step = (alarm: string, to: string, at: string) =>
    t.db.query(
      `insert into alarm_events (alarm_id, at, actor_label, from_state, to_state) values ($1, $2, 'test', null, $3)`,
      [alarm, at, to],
    );
  const times = async (alarm: string) =>
    (
      await t.db.query<{ claimed: string | null; forwarded: string | null; onScene: string | null }>(
        `select to_char(claimed_at at time zone 'UTC', 'HH24:MI:SS') as claimed,
                to_char(forwarded_at at time zone 'UTC', 'HH24:MI:SS') as forwarded,
                to_char(on_scene_at at time zone 'UTC', 'HH24:MI:SS') as "onScene"
         from alarms where id = $1`,
        [alarm],
      )
    ).rows[0]!;

  it('keeps the first time of each step, also when steps arrive out of order or twice', async () => {
    const a = await newAlarm('a');
    expect(await times(a)).toEqual({ claimed: null, forwarded: null, onScene: null });
    await step(a, 'received', '2025-03-01T11:59:00Z'); // not a response step: changes nothing
    await step(a, 'claimed', '2025-03-01T12:00:30Z');
    expect(await times(a)).toEqual({ claimed: '12:00:30', forwarded: null, onScene: null });
    await step(a, 'claimed', '2025-03-01T12:00:20Z'); // an earlier claim recorded later wins
    await step(a, 'claimed', '2025-03-01T12:05:00Z'); // a later one does not
    await step(a, 'forwarded', '2025-03-01T12:02:00Z');
    await step(a, 'on_scene', '2025-03-01T12:10:00Z');
    await step(a, 'resolved', '2025-03-01T12:30:00Z');
    expect(await times(a)).toEqual({ claimed: '12:00:20', forwarded: '12:02:00', onScene: '12:10:00' });
  });

  it('touches only the alarm the step belongs to, also for steps inserted in bulk', async () => {
    const b = await newAlarm('b');
    const c = await newAlarm('c');
    await t.db.query(
      `insert into alarm_events (alarm_id, at, actor_label, to_state)
       select x.id, x.at::timestamptz, 'bulk', x.s from (values ($1::uuid, '2025-03-01T12:01:00Z', 'claimed'),
         ($1::uuid, '2025-03-01T12:00:40Z', 'claimed'), ($1::uuid, '2025-03-01T12:03:00Z', 'forwarded')) as x(id, at, s)`,
      [b],
    );
    expect(await times(b)).toEqual({ claimed: '12:00:40', forwarded: '12:03:00', onScene: null });
    expect(await times(c)).toEqual({ claimed: null, forwarded: null, onScene: null });
  });
});
