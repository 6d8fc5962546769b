import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendDc09 } from '../../../tools/simulator/src/dc09-dialler.ts';
import { DEMO } from '../demo/seed.ts';
import { type ConsoleStream, openConsoleStream } from '../faults/console-stream.ts';
import { until } from '../faults/server-process.ts';
import type { Platform } from '../platform.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { describeRequiring } from '../testing/describe-requiring.ts';
import { withDeliberateFailures } from '../testing/failing-database.ts';
import { type PlatformBehindProxy, startPlatformBehindProxy } from '../testing/outage.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

/** the read that turns a bus message into the alarm a console shows */
const ALARM_READ = /where a\.id = \$1/;
/** the read of what a reconnecting console missed */
const MISSED_READ = /from alarm_events e join alarms a/;

let sequence = 4000;
const panic = (platform: Platform) =>
  sendDc09({
    host: '127.0.0.1',
    port: platform.dc09.tcpPort,
    account: DEMO.encryptedAccount.account,
    key: DEMO.encryptedAccount.key,
    kind: 'panic',
    sequence: ++sequence,
    timeoutMs: 3000,
    retries: 2,
  });

async function latestPanicOf(platform: Platform) {
  const r = await platform.db.query<{ id: string; regionId: string; eventId: number }>(
    `select a.id, a.region_id as "regionId", max(e.id)::int as "eventId"
     from alarms a join devices d on d.id = a.device_id join alarm_events e on e.alarm_id = a.id
     where d.account = $1 and a.kind = 'panic'
     group by a.id order by max(e.id) desc limit 1`,
    [DEMO.encryptedAccount.account],
  );
  return r.rows[0]!;
}

const deliveriesOf = (stream: ConsoleStream, alarmId: string) =>
  stream.events.filter((e) => e.event === 'alarm' && e.data.id === alarmId).length;

function watchEnd(stream: ConsoleStream) {
  let ended = false;
  void stream.closed.then(() => {
    ended = true;
  });
  return () => ended;
}

describeEachEngine('the alarm stream survives a failed read', (engine) => {
  let p: TestPlatform;
  let failing: ReturnType<typeof withDeliberateFailures>;
  const streams: ConsoleStream[] = [];
  beforeAll(async () => {
    p = await startTestPlatform(engine, {
      wrapDatabase: (db) => {
        failing = withDeliberateFailures(db);
        return failing.db;
      },
    });
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await p.close();
  });

  it('a new alarm whose read fails once still reaches the open console, on the same stream', async () => {
    const operator = await signIn(p, 'operator');
    const stream = await openConsoleStream(p.url, operator.cookie);
    streams.push(stream);
    const ended = watchEnd(stream);
    await until(
      async () => stream.statuses(),
      (s) => s.length === 1,
      3000,
    );

    failing.failNext(ALARM_READ);
    expect((await panic(p)).outcome).toBe('ACK');
    const alarm = await latestPanicOf(p);
    const seen = await until(
      async () => stream.alarms(),
      (ids) => ids.has(alarm.id),
      10_000,
    );

    expect(failing.failed()).toBe(1);
    expect(seen.has(alarm.id)).toBe(true);
    expect(ended()).toBe(false);
    expect(stream.statuses()).toEqual(['up']);
  });

  it('a reconnecting console whose replay read fails once still gets what it missed', async () => {
    const before = await latestPanicOf(p);
    expect((await panic(p)).outcome).toBe('ACK');
    const missed = await latestPanicOf(p);
    expect(missed.id).not.toBe(before.id);

    const operator = await signIn(p, 'operator');
    failing.failNext(MISSED_READ);
    const failedBefore = failing.failed();
    const stream = await openConsoleStream(p.url, operator.cookie, before.eventId);
    streams.push(stream);
    const ended = watchEnd(stream);
    const seen = await until(
      async () => stream.alarms(),
      (ids) => ids.has(missed.id),
      10_000,
    );

    expect(failing.failed()).toBe(failedBefore + 1);
    expect(seen.has(missed.id)).toBe(true);
    expect(ended()).toBe(false);
  });

  it('a console never receives an alarm of a region it does not serve, and no read is spent on it', async () => {
    const operator = await signIn(p, 'operator');
    const stream = await openConsoleStream(p.url, operator.cookie);
    streams.push(stream);
    await until(
      async () => stream.statuses(),
      (s) => s.length === 1,
      3000,
    );
    const { rows } = await p.db.query<{ id: string }>(
      `insert into regions (name) values ('Regio buiten bereik') returning id`,
    );
    // the message names a region outside the operator's reach: decided without reading the alarm
    failing.failNext(ALARM_READ);
    const failedBefore = failing.failed();
    const alarm = await latestPanicOf(p);
    p.bus.publish({ type: 'alarm', alarmId: alarm.id, regionId: rows[0]!.id, eventId: alarm.eventId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    failing.disarm();
    expect(failing.failed()).toBe(failedBefore);
    expect(stream.alarms().has(alarm.id)).toBe(false);
  });
});

describeRequiring(['postgres'], 'the console is told when the database goes and returns [postgres]', () => {
  let behind: PlatformBehindProxy;
  let stream: ConsoleStream;
  beforeAll(async () => {
    behind = await startPlatformBehindProxy();
  });
  afterAll(async () => {
    stream?.close();
    await behind?.close();
  });

  it('status down then up, /health says the same, and an alarm in flight at the cut arrives after recovery', {
    timeout: 60_000,
  }, async () => {
    const { platform, proxy } = behind;
    const operator = await signIn(platform, 'operator');
    stream = await openConsoleStream(platform.url, operator.cookie);
    const ended = watchEnd(stream);
    await until(
      async () => stream.statuses(),
      (s) => s.length === 1,
      3000,
    );
    expect(stream.statuses()).toEqual(['up']);
    expect((await panic(platform)).outcome).toBe('ACK');
    const inFlight = await latestPanicOf(platform);
    await until(
      async () => stream.alarms(),
      (ids) => ids.has(inFlight.id),
      5000,
    );
    expect(deliveriesOf(stream, inFlight.id)).toBe(1);

    // a change committed just before the cut, whose message arrives when no read can succeed (a new
    // event id: the bus delivers each event once, so re-publishing an old one would test nothing)
    const change = await platform.db.query<{ id: number }>(
      `insert into alarm_events (alarm_id, actor_id, actor_label, from_state, to_state, note)
       values ($1, null, 'test', 'received', 'received', null) returning id::int as id`,
      [inFlight.id],
    );
    proxy.cut();
    platform.bus.publish({
      type: 'alarm',
      alarmId: inFlight.id,
      regionId: inFlight.regionId,
      eventId: change.rows[0]!.id,
    });
    await until(
      async () => stream.statuses(),
      (s) => s.at(-1) === 'down',
      10_000,
    );
    const health = await fetch(`${platform.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({
      status: 'database unavailable',
      reason: expect.stringContaining('database'),
    });
    expect(deliveriesOf(stream, inFlight.id)).toBe(1);

    proxy.restore();
    await until(
      async () => stream.statuses(),
      (s) => s.at(-1) === 'up',
      10_000,
    );
    expect(stream.statuses()).toEqual(['up', 'down', 'up']);
    expect((await fetch(`${platform.url}/health`)).status).toBe(200);
    await until(
      async () => deliveriesOf(stream, inFlight.id),
      (n) => n === 2,
      10_000,
    );
    expect(deliveriesOf(stream, inFlight.id)).toBe(2);

    expect((await panic(platform)).outcome).toBe('ACK');
    const after = await latestPanicOf(platform);
    await until(
      async () => stream.alarms(),
      (ids) => ids.has(after.id),
      10_000,
    );
    expect(stream.alarms().has(after.id)).toBe(true);
    expect(ended()).toBe(false);
  });
});

describeRequiring(['postgres'], 'a console resuming from its last event id [postgres]', () => {
  let p: TestPlatform;
  const streams: ConsoleStream[] = [];
  beforeAll(async () => {
    p = await startTestPlatform('postgres');
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await p?.close();
  });

  it('gets a change with a lower id that committed after it saw a higher one', async () => {
    expect((await panic(p)).outcome).toBe('ACK');
    const seen = await latestPanicOf(p);
    // a second alarm of the same case, as if another press had been stored as its own alarm
    const { rows } = await p.db.query<{ id: string }>(
      `insert into alarms (device_id, case_id, region_id, kind, sequence, dedupe_key, received_at)
       select device_id, case_id, region_id, kind, 'late', 'late-' || gen_random_uuid(), now()
       from alarms where id = $1 returning id`,
      [seen.id],
    );
    const late = rows[0]!.id;
    const addEvent = (db: { query: typeof p.db.query }, alarmId: string) =>
      db.query<{ id: number }>(
        `insert into alarm_events (alarm_id, actor_id, actor_label, from_state, to_state, note)
         values ($1, null, 'test', 'received', 'received', null) returning id::int as id`,
        [alarmId],
      );

    const operator = await signIn(p, 'operator');
    const first = await openConsoleStream(p.url, operator.cookie);
    streams.push(first);
    await until(
      async () => first.statuses(),
      (s) => s.length === 1,
      3000,
    );
    // a slow transaction takes the lower id; a quick one takes a higher id, commits and reaches the console
    const slow = new pg.Client({ connectionString: p.databaseUrl });
    await slow.connect();
    try {
      await slow.query('begin');
      const lower = (await addEvent(slow, late)).rows[0]!.id;
      const higher = (await addEvent(p.db, seen.id)).rows[0]!.id;
      expect(lower).toBeLessThan(higher);
      p.bus.publish({ type: 'alarm', alarmId: seen.id, regionId: seen.regionId, eventId: higher });
      const received = await until(
        async () => first.events.find((e) => e.event === 'alarm' && e.data.id === seen.id),
        (e) => e !== undefined,
        5000,
      );
      const lastEventId = received!.id!;
      expect(lastEventId).toBe(higher);

      // the console's connection drops; meanwhile the slow transaction commits (its message reaches no one)
      first.close();
      await slow.query('commit');
      p.bus.publish({ type: 'alarm', alarmId: late, regionId: seen.regionId, eventId: lower });

      const again = await openConsoleStream(p.url, operator.cookie, lastEventId);
      streams.push(again);
      const alarms = await until(
        async () => again.alarms(),
        (ids) => ids.has(late),
        5000,
      );
      expect(alarms.has(late)).toBe(true);
    } finally {
      await slow.end();
    }
  });
});
