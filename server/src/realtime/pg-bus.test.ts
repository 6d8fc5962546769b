import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { migrate } from '../db/migrate.ts';
import { openPostgres } from '../db/postgres.ts';
import { addDevices, sleep, until } from '../faults/server-process.ts';
import {
  findPostgresBinaries,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../testing/throwaway-postgres.ts';
import type { AlarmChanged, Bus, BusMessage } from './bus.ts';
import { createPostgresBus, type PostgresBusOptions } from './pg-bus.ts';

const found = findPostgresBinaries();
const missing = 'missing' in found ? found.missing : null;
const quiet = { warn: () => {} };

/** Every message a subscriber got, in order. */
function record(bus: Bus) {
  const got: BusMessage[] = [];
  bus.subscribe((m) => got.push(m));
  return {
    got,
    /** how often each of these event ids arrived */
    counts: (ids: number[]) => ids.map((id) => got.filter((m) => m.eventId === id).length),
  };
}

// Runs wherever the PostgreSQL binaries are; in CI their absence fails the run (startThrowawayPostgres throws).
describe.skipIf(missing !== null && !process.env.CI)('event bus on PostgreSQL [throwaway postgres]', () => {
  let postgres: ThrowawayPostgres;
  let db: Database;
  let deviceId: string;
  const buses: Bus[] = [];
  const bus = (options?: PostgresBusOptions) => {
    const b = createPostgresBus(postgres.url, quiet, options);
    buses.push(b);
    return b;
  };

  /** An alarm and its first event, committed; retried while the database restarts. */
  const commitAlarm = (): Promise<AlarmChanged> =>
    until(
      async () => {
        const r = await db.query<{ alarmId: string; regionId: string; eventId: number }>(
          `with alarm as (
             insert into alarms (device_id, region_id, kind, dedupe_key, received_at)
             select d.id, o.region_id, 'panic', gen_random_uuid()::text, now()
             from devices d join organisations o on o.id = d.organisation_id where d.id = $1
             returning id, region_id)
           insert into alarm_events (alarm_id, actor_label, to_state)
           select id, 'test', 'received' from alarm
           returning alarm_id as "alarmId", (select region_id from alarm) as "regionId", id as "eventId"`,
          [deviceId],
        );
        return { type: 'alarm' as const, ...r.rows[0]! };
      },
      (m) => m.eventId > 0,
      20_000,
    );

  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    db = await openPostgres(postgres.url, { max: 2 });
    await migrate(db);
    const [account] = await addDevices(db, 650_000, 1);
    deviceId = (await db.query<{ id: string }>('select id from devices where account = $1', [account]))
      .rows[0]!.id;
  });
  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()));
    await db?.close().catch(() => {});
    await postgres?.destroy();
  });

  it('delivers every change once on the other node, also those committed while its connection was down', async () => {
    const a = bus();
    const b = bus();
    const onA = record(a);
    const onB = record(b);
    // b is listening once a message from a arrives
    const first = await commitAlarm();
    await until(
      async () => {
        a.publish(first);
        await sleep(100);
        return onB.got.length;
      },
      (n) => n > 0,
      10_000,
    );

    const before: AlarmChanged[] = [];
    for (let i = 0; i < 5; i++) before.push(await commitAlarm());
    for (const m of before) a.publish(m);
    await postgres.kill();
    await postgres.start();
    // committed at once after the restart, while the nodes are still reconnecting: a's NOTIFYs reach nobody
    const during: AlarmChanged[] = [];
    for (let i = 0; i < 10; i++) during.push(await commitAlarm());
    for (const m of during) a.publish(m);

    const ids = [first, ...before, ...during].map((m) => m.eventId);
    await until(
      async () => onB.counts(ids),
      (counts) => counts.every((n) => n >= 1),
      15_000,
    );
    // a second NOTIFY, a resent one and the replay may all bring the same change: it is delivered once
    await sleep(1_500);
    expect(onB.counts(ids)).toEqual(ids.map(() => 1));
    expect(onA.counts(ids.slice(1))).toEqual(ids.slice(1).map(() => 1));
    expect(onB.got.filter((m) => m.eventId === during[0]!.eventId)).toEqual([during[0]]);
  });

  it('finds a change that was never notified, and never repeats its own', async () => {
    const c = bus({ sweepMs: 300 });
    const onC = record(c);
    await sleep(500);
    const own = await commitAlarm();
    c.publish(own);
    // committed by a node whose NOTIFY was lost (it died right after its commit)
    const silent = await commitAlarm();
    await until(
      async () => onC.counts([silent.eventId]),
      ([n]) => n === 1,
      5_000,
    );
    await sleep(1_000);
    expect(onC.counts([own.eventId, silent.eventId])).toEqual([1, 1]);
    expect(onC.got.find((m) => m.eventId === silent.eventId)).toEqual(silent);
  });
});
