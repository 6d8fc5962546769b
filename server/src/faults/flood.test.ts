import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, expect, it } from 'vitest';
import { sendDc09 } from '../../../tools/simulator/src/dc09-dialler.ts';
import { freshDatabase, type TestDatabase } from '../testing/databases.ts';
import { describeRequiring } from '../testing/describe-requiring.ts';
import type { FloodCounts, FloodRates } from './flood.ts';
import {
  addDevices,
  freePorts,
  OF_TEST_DEVICES,
  type ServerProcess,
  sleep,
  startServerProcess,
} from './server-process.ts';

/**
 * How fast panics are ACKed under a flood (target p99 ≤ 20 ms) is measured by `npm run bench` (scenario h,
 * a heavier flood); this test holds what must never happen: a panic refused, lost or left unanswered.
 */
const ACK_TIMEOUT_MS = 5_000;
export const FLOOD_RATES: FloodRates = {
  garbageConnections: 8,
  badFrameConnections: 8,
  slowConnections: 200,
  udpPerSecond: 1_000,
  osmandPerSecond: 100,
};

const p = (values: number[], q: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)] ?? Number.NaN;
};

/** Panics one after another (each device in turn, a fresh SEQ each), frame → ACK in ms. */
async function panicLatencies(port: number, accounts: string[], count: number, firstSequence: number) {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const result = await sendDc09({
      host: '127.0.0.1',
      port,
      account: accounts[i % accounts.length]!,
      kind: 'panic',
      sequence: firstSequence + Math.floor(i / accounts.length),
      timeoutMs: ACK_TIMEOUT_MS,
      retries: 0,
      localAddress: `127.73.0.${(i % 50) + 1}`,
    });
    expect(result.outcome).toBe('ACK');
    latencies.push(result.latencyMs);
    await sleep(25);
  }
  return latencies;
}

function startFloodChild(target: object, rates: FloodRates) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'flood-child.ts')], {
    env: { ...process.env, FLOOD_TARGET: JSON.stringify(target), FLOOD_RATES: JSON.stringify(rates) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const next = (type: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      lines.on('line', (line) => {
        const message = JSON.parse(line) as Record<string, unknown>;
        if (message.type === type) resolve(message);
      });
      child.once('exit', () => reject(new Error('flood child exited')));
    });
  return {
    started: next('flooding'),
    async stop() {
      const counts = next('counts');
      child.stdin!.write('stop\n');
      return (await counts) as unknown as FloodCounts & { seconds: number };
    },
    kill: () => child.kill('SIGKILL'),
  };
}

describeRequiring(['postgres'], 'a flood of garbage and slow connections [postgres]', () => {
  let database: TestDatabase;
  let server: ServerProcess | undefined;
  let flood: ReturnType<typeof startFloodChild> | undefined;
  afterAll(async () => {
    flood?.kill();
    await server?.kill();
    await database?.drop();
  });

  it('ACKs and stores every panic sent during the flood, and stays healthy', async () => {
    database = await freshDatabase('postgres');
    const ports = await freePorts();
    server = await startServerProcess(ports, { DATABASE_URL: database.url! });
    const accounts = await addDevices(database.db, 640_000, 20);
    const quiet = await panicLatencies(ports.dc09, accounts, 60, 1);

    flood = startFloodChild(
      { host: '127.0.0.1', dc09Port: ports.dc09, osmandPort: ports.osmand },
      FLOOD_RATES,
    );
    await flood.started;
    await sleep(1_000);
    const flooded = await panicLatencies(ports.dc09, accounts, 200, 100);
    const counts = await flood.stop();
    flood = undefined;

    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const stored = await database.db.query<{ n: number }>(
      `select count(*)::int as n from alarms where kind = 'panic' and ${OF_TEST_DEVICES}`,
      [accounts],
    );
    expect(stored.rows[0]!.n).toBe(260);
    console.info(
      `flood (${(counts.tcpBytes / counts.seconds / 1e6).toFixed(1)} MB/s of TCP garbage and bad frames, ` +
        `${FLOOD_RATES.slowConnections} slow connections, ${(counts.udpDatagrams / counts.seconds).toFixed(0)} UDP datagrams/s, ` +
        `${(counts.osmandRequests / counts.seconds).toFixed(0)} broken OsmAnd requests/s, ${counts.dropped} connections dropped by the server): ` +
        `panic ACK p50 ${p(flooded, 50).toFixed(1)} ms, p99 ${p(flooded, 99).toFixed(1)} ms, max ${Math.max(...flooded).toFixed(1)} ms ` +
        `(quiet: p50 ${p(quiet, 50).toFixed(1)} ms, p99 ${p(quiet, 99).toFixed(1)} ms)`,
    );
  }, 90_000);
});
