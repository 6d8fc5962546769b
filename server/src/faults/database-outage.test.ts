import { afterAll, expect, it } from 'vitest';
import { type Dc09SendResult, sendDc09 } from '../../../tools/simulator/src/dc09-dialler.ts';
import type { Platform } from '../platform.ts';
import { freshDatabase, type TestDatabase } from '../testing/databases.ts';
import { describeRequiring } from '../testing/describe-requiring.ts';
import { signIn } from '../testing/platform.ts';
import { startTcpProxy } from '../testing/tcp-proxy.ts';
import { type ConsoleStream, openConsoleStream } from './console-stream.ts';
import { type Dialled, dialUntilAck } from './dialler.ts';
import {
  addDevices,
  freePorts,
  OF_TEST_DEVICES,
  type ServerProcess,
  sleep,
  startServerProcess,
  until,
} from './server-process.ts';

const OUTAGE_MS = 20_000;
const DEVICES = 30;

describeRequiring(['postgres'], 'PostgreSQL unavailable for 20 s during traffic [postgres]', () => {
  let database: TestDatabase;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let server: ServerProcess | undefined;
  let stream: ConsoleStream | undefined;
  afterAll(async () => {
    stream?.close();
    await server?.kill();
    await proxy?.close();
    await database?.drop();
  });

  it('NAK and /health 503 while down, the console is told, every panic stored once after recovery', {
    timeout: 90_000,
  }, async () => {
    database = await freshDatabase('postgres');
    const direct = new URL(database.url!);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(database.url!);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const ports = await freePorts();
    server = await startServerProcess(ports, { DATABASE_URL: viaProxy.toString(), AWARE_DEMO: 'true' });
    const [probe, ...accounts] = await addDevices(database.db, 630_000, DEVICES + 1);

    const session = await signIn({ url: server.url } as Platform, 'operator');
    stream = await openConsoleStream(server.url, session.cookie);
    await until(
      async () => stream!.statuses(),
      (s) => s[0] === 'up',
      3_000,
    );

    // diallers press panic after panic until told to stop, each retransmitted (every 0.5 s) until ACK
    let stopping = false;
    const dialler = async (account: string, index: number) => {
      const results: Dialled[] = [];
      for (let sequence = 1; !stopping; sequence++) {
        results.push(
          await dialUntilAck(
            {
              host: '127.0.0.1',
              port: ports.dc09,
              account: account,
              kind: 'panic',
              sequence,
              timeoutMs: 1_500,
              localAddress: `127.72.0.${index + 1}`,
            },
            500,
            OUTAGE_MS + 30_000,
          ),
        );
        await sleep(200 + Math.random() * 200);
      }
      return results;
    };
    const storm = Promise.all(accounts!.map(dialler)).then((r) => r.flat());
    await sleep(2_000);

    proxy.cut();
    const cutAt = performance.now();
    const probes: Dc09SendResult[] = [];
    const healthWhileDown: number[] = [];
    let probeSequence = 0;
    while (performance.now() - cutAt < OUTAGE_MS) {
      probes.push(
        await sendDc09({
          host: '127.0.0.1',
          port: ports.dc09,
          account: probe!,
          kind: 'panic',
          sequence: ++probeSequence,
          timeoutMs: 8_000,
          retries: 0,
        }),
      );
      healthWhileDown.push((await fetch(`${server.url}/health`)).status);
      await sleep(2_000);
    }
    const downStatuses = stream.statuses();
    proxy.restore();
    const restoredAt = performance.now();

    // what the console was told, and when it was told the database was back
    const back = await until(
      async () => stream!.statuses(),
      (s) => s.at(-1) === 'up' && s.length >= 3,
      10_000,
    );
    const upAfterMs = performance.now() - restoredAt;
    expect(downStatuses).toEqual(['up', 'down']);
    expect(back).toEqual(['up', 'down', 'up']);
    expect(probes.map((p) => p.outcome)).toEqual(probes.map(() => 'NAK'));
    expect(healthWhileDown.every((s) => s === 503)).toBe(true);

    // the probe device retransmits its refused panics now, as a dialler would
    for (let sequence = 1; sequence <= probeSequence; sequence++) {
      const retried = await sendDc09({
        host: '127.0.0.1',
        port: ports.dc09,
        account: probe!,
        kind: 'panic',
        sequence,
        timeoutMs: 3_000,
        retries: 5,
      });
      expect(retried.outcome).toBe('ACK');
    }
    await sleep(2_000);
    stopping = true;
    const results = await storm;
    expect(results.filter((r) => r.outcome !== 'ACK')).toEqual([]);
    // the storm really ran into the outage
    expect(results.filter((r) => r.naks > 0).length).toBeGreaterThanOrEqual(DEVICES);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    const stored = await database.db.query<{ alarms: number; distinct: number }>(
      `select count(*)::int as alarms, count(distinct (device_id, sequence))::int as distinct
       from alarms where kind = 'panic' and ${OF_TEST_DEVICES}`,
      [[probe, ...accounts]],
    );
    const expected = results.length + probeSequence;
    expect(stored.rows[0]).toEqual({ alarms: expected, distinct: expected });
    console.info(
      `database outage of ${OUTAGE_MS / 1000} s: ${probes.length} probe panics NAKed, /health ${healthWhileDown.join(',')}; ` +
        `${results.length} storm panics (${results.filter((r) => r.naks > 0).length} NAKed at least once, ${results.reduce((n, r) => n + r.naks, 0)} NAKs in all) + ${probeSequence} probes stored once each; ` +
        `console told "up" again ${upAfterMs.toFixed(0)} ms after the database returned`,
    );
  });
});
