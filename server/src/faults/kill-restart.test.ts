import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Dc09SendResult, sendDc09 } from '../../../tools/simulator/src/dc09-dialler.ts';
import { openPglite } from '../db/pglite.ts';
import { freshDatabase, type TestDatabase } from '../testing/databases.ts';
import { describeRequiring } from '../testing/describe-requiring.ts';
import {
  addDevices,
  freePorts,
  OF_TEST_DEVICES,
  type ServerPorts,
  type ServerProcess,
  sleep,
  startServerProcess,
} from './server-process.ts';

const ACCOUNT_BASE = 610_000;

interface Storm {
  results: Promise<Dc09SendResult[]>;
  acked(): number;
}

/**
 * Diallers as in the field: each device sends its panics one after another, every panic with its own
 * SEQ, and retransmits the same SEQ (on a new connection when needed) until it gets ACK.
 */
function panicStorm(port: number, accounts: string[], perDevice: number): Storm {
  let acked = 0;
  const dialler = async (account: string, index: number) => {
    const results: Dc09SendResult[] = [];
    for (let sequence = 1; sequence <= perDevice; sequence++) {
      const result = await sendDc09({
        host: '127.0.0.1',
        port,
        account,
        kind: 'panic',
        sequence,
        timeoutMs: 1500,
        retries: 60,
        localAddress: `127.71.${Math.floor(index / 200)}.${(index % 200) + 1}`,
      });
      if (result.outcome === 'ACK') acked++;
      results.push(result);
      await sleep(20 + Math.random() * 60);
    }
    return results;
  };
  return {
    results: Promise.all(accounts.map(dialler)).then((all) => all.flat()),
    acked: () => acked,
  };
}

async function waitForAcks(storm: Storm, count: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (storm.acked() < count) {
    if (Date.now() > deadline) throw new Error(`only ${storm.acked()} ACKs within ${timeoutMs} ms`);
    await sleep(20);
  }
}

/**
 * The panics stored for the storm's devices. A retransmission (same SEQ) must be the same alarm, never a row of
 * its own; a new SEQ while the device's first panic is still open (nobody handles them here) is a repeated
 * press: a row of its own folded into that first one, of the same device. So per device one first press.
 */
async function storedPanics(db: { query: TestDatabase['db']['query'] }, accounts: string[]) {
  const rows = await db.query<{
    alarms: number;
    distinct: number;
    doubled: number;
    firsts: number;
    strays: number;
  }>(
    `select count(*)::int as alarms,
            count(distinct (device_id, sequence))::int as distinct,
            (select count(*)::int from (select 1 from alarms where kind = 'panic' and ${OF_TEST_DEVICES}
               group by device_id, sequence having count(*) > 1) d) as doubled,
            count(*) filter (where first_alarm_id is null)::int as firsts,
            count(*) filter (where first_alarm_id is not null and not exists (
              select 1 from alarms f where f.id = alarms.first_alarm_id and f.device_id = alarms.device_id
                and f.first_alarm_id is null and f.sequence < alarms.sequence))::int as strays
     from alarms where kind = 'panic' and ${OF_TEST_DEVICES}`,
    [accounts],
  );
  return rows.rows[0]!;
}

describeRequiring(['postgres'], 'kill -9 of the server during a panic storm [postgres]', () => {
  let database: TestDatabase;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.kill();
    await database?.drop();
  });

  it('500 panics, the server killed twice while they arrive: exactly 500 alarms, none lost, none doubled', async () => {
    database = await freshDatabase('postgres');
    const ports: ServerPorts = await freePorts();
    const env = { DATABASE_URL: database.url! };
    server = await startServerProcess(ports, { ...env, AWARE_DEMO: 'true' });
    const accounts = await addDevices(database.db, ACCOUNT_BASE, 50);

    const storm = panicStorm(ports.dc09, accounts, 10);
    const restarts: number[] = [];
    for (const at of [100, 300]) {
      await waitForAcks(storm, at, 30_000);
      await server.kill();
      const down = performance.now();
      server = await startServerProcess(ports, env);
      restarts.push(performance.now() - down);
    }
    const results = await storm.results;

    expect(results).toHaveLength(500);
    expect(results.filter((r) => r.outcome !== 'ACK')).toEqual([]);
    // the kills really hit traffic: some panics needed more than one attempt
    expect(results.some((r) => r.attempts > 1)).toBe(true);
    expect(await storedPanics(database.db, accounts)).toEqual({
      alarms: 500,
      distinct: 500,
      doubled: 0,
      firsts: 50,
      strays: 0,
    });
    console.info(
      `kill -9 ×2: 500/500 ACKed, ${results.filter((r) => r.attempts > 1).length} needed a retransmission, restarts took ${restarts.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}`,
    );
  }, 120_000);
});

describe('kill -9 of the server on the embedded database [pglite]', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aware-kill-'));
  let server: ServerProcess | undefined;
  afterAll(async () => server?.kill());

  it('100 panics, killed once while they arrive: every ACKed panic is on disk, once', async () => {
    const ports = await freePorts();
    const env = { AWARE_DATA_DIR: dataDir };
    server = await startServerProcess(ports, { ...env, AWARE_DEMO: 'true' });
    // one process owns embedded files: stop it cleanly, add the devices, start again
    server.child.kill('SIGTERM');
    await server.exited;
    const db = await openPglite(join(dataDir, 'pgdata'));
    const accounts = await addDevices(db, ACCOUNT_BASE, 10);
    await db.close();
    server = await startServerProcess(ports, env);

    const storm = panicStorm(ports.dc09, accounts, 10);
    await waitForAcks(storm, 40, 30_000);
    await server.kill();
    server = await startServerProcess(ports, env);
    const results = await storm.results;
    expect(results.filter((r) => r.outcome !== 'ACK')).toEqual([]);
    await server.kill();
    server = undefined;

    const after = await openPglite(join(dataDir, 'pgdata'));
    try {
      expect(await storedPanics(after, accounts)).toEqual({
        alarms: 100,
        distinct: 100,
        doubled: 0,
        firsts: 10,
        strays: 0,
      });
    } finally {
      await after.close();
    }
  }, 120_000);
});
