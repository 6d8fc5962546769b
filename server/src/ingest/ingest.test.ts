import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendDc09 } from '../../../tools/simulator/src/dc09-dialler.ts';
import { sendOsmand } from '../../../tools/simulator/src/osmand-client.ts';
import { loadConfig } from '../config.ts';
import { DEMO, seedDemo } from '../demo/seed.ts';
import { type Platform, startPlatform } from '../platform.ts';
import { describeEachEngine, freshDatabase } from '../testing/databases.ts';
import { describeRequiring } from '../testing/describe-requiring.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { startTcpProxy } from '../testing/tcp-proxy.ts';
import { signWebhookBody } from './webhook/signature.ts';

interface AlarmJson {
  id: string;
  kind: string;
  state: string;
  deviceAccount: string;
  caseId: string | null;
  receivedAt: string;
  position: { lat: number; lon: number } | null;
}

const countAlarms = async (p: Platform, account: string) =>
  (
    await p.db.query<{ n: number }>(
      'select count(*)::int as n from alarms a join devices d on d.id = a.device_id where d.account = $1',
      [account],
    )
  ).rows[0]!.n;

describeEachEngine('ingestion into one durable event stream', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
  });
  afterAll(() => p.close());

  it("the simulator's encrypted panic from demo device 1002 is ACKed and in the open queue with its position", async () => {
    const result = await sendDc09({
      host: '127.0.0.1',
      port: p.dc09.tcpPort,
      account: DEMO.encryptedAccount.account,
      key: DEMO.encryptedAccount.key,
      kind: 'panic',
      lat: 52.2215,
      lon: 5.1762,
      timeoutMs: 3000,
      retries: 0,
    });
    expect(result.outcome).toBe('ACK');
    expect(result.reply).toContain('"*ACK"');

    const operator = await signIn(p, 'operator');
    const open: AlarmJson[] = await (await operator('/api/v1/alarms?state=open')).json();
    const alarm = open.find((a) => a.deviceAccount === '1002');
    expect(alarm).toMatchObject({ kind: 'panic', state: 'received' });
    expect(alarm!.caseId).not.toBeNull();
    expect(alarm!.position!.lat).toBeCloseTo(52.2215, 4);
    expect(alarm!.position!.lon).toBeCloseTo(5.1762, 4);
  });

  it('the same SEQ sent again (ACK lost) is acknowledged again and stored once', async () => {
    const before = await countAlarms(p, '1001');
    const send = () =>
      sendDc09({
        host: '127.0.0.1',
        port: p.dc09.tcpPort,
        account: '1001',
        kind: 'panic',
        sequence: 4242,
        timeoutMs: 3000,
        retries: 0,
      });
    expect((await send()).outcome).toBe('ACK');
    expect((await send()).outcome).toBe('ACK');
    expect(await countAlarms(p, '1001')).toBe(before + 1);
  });

  it('a plaintext frame for a device configured with a key is refused and stores nothing', async () => {
    const before = await countAlarms(p, '1002');
    const result = await sendDc09({
      host: '127.0.0.1',
      port: p.dc09.tcpPort,
      account: '1002',
      kind: 'panic',
      timeoutMs: 3000,
      retries: 0,
    });
    expect(result.outcome).not.toBe('ACK');
    expect(await countAlarms(p, '1002')).toBe(before);
  });

  it('an unknown account gets DUH', async () => {
    const result = await sendDc09({
      host: '127.0.0.1',
      port: p.dc09.tcpPort,
      account: '9999',
      kind: 'panic',
      timeoutMs: 3000,
      retries: 0,
    });
    expect(result.outcome).toBe('DUH');
  });

  it('UDP works the same way', async () => {
    const before = await countAlarms(p, '1001');
    const result = await sendDc09({
      host: '127.0.0.1',
      port: p.dc09.udpPort,
      udp: true,
      account: '1001',
      kind: 'panic',
      timeoutMs: 3000,
      retries: 2,
    });
    expect(result.outcome).toBe('ACK');
    expect(await countAlarms(p, '1001')).toBe(before + 1);
  });

  it('heartbeats update the device, keep only the last position, and raise no alarm', async () => {
    const before = await countAlarms(p, 'demo-phone-1');
    for (const [lat, lon] of [
      [52.1, 5.1],
      [52.2, 5.2],
    ] as const) {
      const r = await sendOsmand({
        host: '127.0.0.1',
        port: p.osmand.port,
        id: 'demo-phone-1',
        kind: 'heartbeat',
        lat,
        lon,
        battery: 64,
      });
      expect(r.status).toBe(200);
    }
    const coordinator = await signIn(p, 'coordinator');
    const [device] = await (await coordinator('/api/v1/devices?q=demo-phone-1')).json();
    expect(device).toMatchObject({ batteryPercent: 64, lastPosition: { lat: 52.2, lon: 5.2 } });
    // stored sealed: the database holds no readable coordinates
    const stored = await p.db.query<{ last_position_sealed: string }>(
      `select last_position_sealed from devices where account = 'demo-phone-1'`,
    );
    expect(stored.rows[0]!.last_position_sealed).not.toContain('52.2');
    expect(await countAlarms(p, 'demo-phone-1')).toBe(before);
  });

  it('an OsmAnd SOS becomes a panic alarm', async () => {
    const r = await sendOsmand({
      host: '127.0.0.1',
      port: p.osmand.port,
      id: 'demo-phone-1',
      kind: 'panic',
      lat: 52.3,
      lon: 5.3,
    });
    expect(r.status).toBe(200);
    const kinds = await p.db.query<{ kind: string }>(
      `select a.kind from alarms a join devices d on d.id = a.device_id where d.account = 'demo-phone-1'`,
    );
    expect(kinds.rows.map((k) => k.kind)).toContain('panic');
  });

  it('a signed vendor webhook is stored once per vendor event id; a bad signature stores nothing', async () => {
    const body = JSON.stringify({
      vendorEventId: 'evt-1',
      deviceId: 'S2G-0001',
      type: 'tamper',
      occurredAt: new Date().toISOString(),
    });
    const ts = Math.floor(Date.now() / 1000);
    const post = (signature: string) =>
      fetch(`${p.url}/api/v1/ingest/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-aware-vendor': DEMO.vendor.name,
          'x-aware-timestamp': String(ts),
          'x-aware-signature': signature,
        },
        body,
      });
    const forged = await post(signWebhookBody('not-the-secret', ts, body));
    expect(forged.status).toBe(401);
    expect(await countAlarms(p, 'S2G-0001')).toBe(0);
    expect((await post(signWebhookBody(DEMO.vendor.webhookSecret, ts, body))).status).toBe(200);
    expect((await post(signWebhookBody(DEMO.vendor.webhookSecret, ts, body))).status).toBe(200);
    expect(await countAlarms(p, 'S2G-0001')).toBe(1);
  });

  it('a silent device raises one supervision alarm, notifies the caseworker, and clears when heard again', async () => {
    await p.db.query(`update devices set last_seen_at = now() - interval '3 hours' where account = '1001'`);
    await p.superviseNow();
    await p.superviseNow();
    const open = await p.db.query<{ id: string }>(
      `select a.id from alarms a join devices d on d.id = a.device_id
       where d.account = '1001' and a.kind = 'supervision' and a.state <> 'resolved'`,
    );
    expect(open.rows).toHaveLength(1);
    const notes = await p.db.query(`select 1 from notifications where alarm_id = $1`, [open.rows[0]!.id]);
    expect(notes.rows).toHaveLength(1);

    const hb = await sendDc09({
      host: '127.0.0.1',
      port: p.dc09.tcpPort,
      account: '1001',
      kind: 'heartbeat',
      timeoutMs: 3000,
      retries: 0,
    });
    expect(hb.outcome).toBe('ACK');
    await p.superviseNow();
    const after = await p.db.query<{ state: string; outcome: string }>(
      'select state, outcome from alarms where id = $1',
      [open.rows[0]!.id],
    );
    expect(after.rows[0]).toEqual({ state: 'resolved', outcome: 'cleared_by_device' });
  });

  it('keeps positions after an alarm only for the window, and erases them after the retention period', async () => {
    const panic = await sendOsmand({
      host: '127.0.0.1',
      port: p.osmand.port,
      id: 'demo-phone-1',
      kind: 'panic',
      lat: 52.31,
      lon: 5.31,
    });
    expect(panic.status).toBe(200);
    await sendOsmand({
      host: '127.0.0.1',
      port: p.osmand.port,
      id: 'demo-phone-1',
      kind: 'heartbeat',
      lat: 52.32,
      lon: 5.32,
    });
    const alarm = await p.db.query<{ id: string }>(
      `select a.id from alarms a join devices d on d.id = a.device_id
       where d.account = 'demo-phone-1' and a.kind = 'panic' order by a.received_at desc limit 1`,
    );
    const alarmId = alarm.rows[0]!.id;
    const trail = await p.db.query<{ position_sealed: string }>(
      'select position_sealed from alarm_positions where alarm_id = $1',
      [alarmId],
    );
    expect(trail.rows.map((r) => JSON.parse(p.secrets.open(r.position_sealed)).lat)).toEqual([52.32]);

    await p.db.query(
      `update alarms set state = 'resolved', outcome = 'test', received_at = now() - interval '100 days' where id = $1`,
      [alarmId],
    );
    await p.db.query(`update alarm_positions set at = now() - interval '100 days' where alarm_id = $1`, [
      alarmId,
    ]);
    const erased = await p.retentionSweepNow();
    expect(erased.alarm_positions).toBeGreaterThanOrEqual(1);
    expect(erased.alarm_position_and_raw_frame).toBeGreaterThanOrEqual(1);
    const after = await p.db.query<{ position_sealed: string | null; raw_sealed: string | null }>(
      'select position_sealed, raw_sealed from alarms where id = $1',
      [alarmId],
    );
    expect(after.rows[0]).toEqual({ position_sealed: null, raw_sealed: null });
    expect(
      (await p.db.query('select 1 from alarm_positions where alarm_id = $1', [alarmId])).rows,
    ).toHaveLength(0);
  });

  it('every stored alarm has its audit entry', async () => {
    const missing = await p.db.query(
      `select a.id from alarms a where not exists
         (select 1 from audit_log l where l.record_type = 'alarm' and l.record_id = a.id::text and l.action = 'alarm.raise')`,
    );
    expect(missing.rows).toHaveLength(0);
  });
});

describeRequiring(['postgres'], 'database outage [postgres]', () => {
  let platform: Platform;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await freshDatabase('postgres');
    await database.db.close();
    const url = new URL(database.url!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    platform = await startPlatform(
      loadConfig({
        PORT: '0',
        AWARE_DC09_PORT: '0',
        AWARE_OSMAND_PORT: '0',
        AWARE_HOST: '127.0.0.1',
        AWARE_LOG_LEVEL: 'silent',
        AWARE_SUPERVISION_SWEEP_SECONDS: '3600',
        DATABASE_URL: url.toString(),
        AWARE_MASTER_KEY: 'ab'.repeat(32),
      }),
    );
    await seedDemo(platform);
    platform.startup.done();
    drop = async () => {
      await platform.stop();
      await proxy.close();
      const { default: pg } = await import('pg');
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${new URL(database.url!).pathname.slice(1)} with (force)`);
      await c.end();
    };
  });
  afterAll(() => drop());

  it('NAK while the database is down, /health 503, then the retried panic is stored exactly once', async () => {
    proxy.cut();
    const refused = await sendDc09({
      host: '127.0.0.1',
      port: platform.dc09.tcpPort,
      account: '1001',
      kind: 'panic',
      sequence: 777,
      timeoutMs: 8000,
      retries: 0,
    });
    expect(refused.outcome).toBe('NAK');
    expect((await fetch(`${platform.url}/health`)).status).toBe(503);

    proxy.restore();
    const retried = await sendDc09({
      host: '127.0.0.1',
      port: platform.dc09.tcpPort,
      account: '1001',
      kind: 'panic',
      sequence: 777,
      timeoutMs: 8000,
      retries: 3,
    });
    expect(retried.outcome).toBe('ACK');
    expect((await fetch(`${platform.url}/health`)).status).toBe(200);
    const stored = await platform.db.query<{ n: number }>(
      `select count(*)::int as n from alarms a join devices d on d.id = a.device_id where d.account = '1001' and a.kind = 'panic'`,
    );
    expect(stored.rows[0]!.n).toBe(1);
  });
});
