import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { openPostgres } from '../db/postgres.ts';
import type { Platform } from '../platform.ts';
import { signIn } from '../testing/platform.ts';
import {
  findPostgresBinaries,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../testing/throwaway-postgres.ts';
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

const DEVICES = 12;
const CONSOLES_PER_NODE = 2;
const DOWN_MS = 3_000;

const found = findPostgresBinaries();
const missing = 'missing' in found ? found.missing : null;

// Runs wherever the PostgreSQL binaries are; in CI their absence fails the run (startThrowawayPostgres throws).
describe.skipIf(missing !== null && !process.env.CI)(
  'two nodes, PostgreSQL killed and restarted during traffic [throwaway postgres]',
  () => {
    let postgres: ThrowawayPostgres | undefined;
    let db: Database | undefined;
    const nodes: ServerProcess[] = [];
    const streams: { node: string; stream: ConsoleStream }[] = [];
    afterAll(async () => {
      for (const s of streams) s.stream.close();
      await Promise.all(nodes.map((n) => n.kill()));
      await db?.close().catch(() => {});
      await postgres?.destroy();
    });

    it('every console on both nodes receives every alarm, also those committed while its bus was reconnecting', {
      timeout: 120_000,
    }, async () => {
      postgres = await startThrowawayPostgres();
      const env = { DATABASE_URL: postgres.url, AWARE_TOTP_REPLAY_GUARD: 'false' };
      const a = await startServerProcess(await freePorts(), { ...env, AWARE_DEMO: 'true' });
      nodes.push(a);
      const b = await startServerProcess(await freePorts(), env);
      nodes.push(b);
      const database = await openPostgres(postgres.url, { max: 2 });
      db = database;
      const accounts = await addDevices(database, 640_000, DEVICES, true);

      for (const [name, node] of [
        ['a', a],
        ['b', b],
      ] as const) {
        for (let i = 0; i < CONSOLES_PER_NODE; i++) {
          const session = await signIn({ url: node.url } as Platform, 'operator');
          streams.push({ node: name, stream: await openConsoleStream(node.url, session.cookie) });
        }
      }
      for (const { stream } of streams)
        await until(
          async () => stream.statuses(),
          (s) => s[0] === 'up',
          3_000,
        );

      // half the diallers report to each node, panic after panic, each retransmitted until ACK
      let stopping = false;
      const dialler = async (account: string, index: number) => {
        const node = index % 2 === 0 ? a : b;
        const results: Dialled[] = [];
        for (let sequence = 1; !stopping; sequence++) {
          results.push(
            await dialUntilAck(
              {
                host: '127.0.0.1',
                port: node.ports.dc09,
                account,
                kind: 'panic',
                sequence,
                timeoutMs: 1_500,
                localAddress: `127.73.0.${index + 1}`,
              },
              300,
              60_000,
            ),
          );
          await sleep(150 + Math.random() * 150);
        }
        return results;
      };
      const storm = Promise.all(accounts.map(dialler)).then((r) => r.flat());
      await sleep(2_000);

      await postgres.kill();
      await sleep(DOWN_MS);
      await postgres.start();
      const restartedAt = new Date();
      // traffic goes on while the nodes find the database again
      await sleep(6_000);
      stopping = true;
      const results = await storm;
      expect(results.filter((r) => r.outcome !== 'ACK')).toEqual([]);
      expect(results.filter((r) => r.naks > 0 || r.attempts > 1).length).toBeGreaterThan(0);

      const stored = await database.query<{ id: string; after: boolean }>(
        `select id, received_at > $2 as after from alarms where kind = 'panic' and ${OF_TEST_DEVICES}`,
        [accounts, restartedAt],
      );
      expect(stored.rows).toHaveLength(results.length);
      const afterRecovery = stored.rows.filter((r) => r.after);
      expect(afterRecovery.length).toBeGreaterThan(0);

      const report: string[] = [];
      for (const { node, stream } of streams) {
        const seen = await until(
          async () => stream.alarms(),
          (ids) => stored.rows.every((r) => ids.has(r.id)),
          15_000,
        );
        // the consoles never reconnect here, so what they missed can only have come from the bus replay;
        // a stream ended by a read that failed during the outage is issue 13 part 1 (alarms/stream.ts)
        const open = await Promise.race([stream.closed.then(() => false), sleep(0).then(() => true)]);
        expect(open, `the console stream on node ${node} stayed open`).toBe(true);
        expect(afterRecovery.filter((r) => !seen.has(r.id))).toEqual([]);
        expect(stored.rows.filter((r) => !seen.has(r.id))).toEqual([]);
        report.push(`${node}: ${seen.size}`);
      }
      console.info(
        `PostgreSQL killed for ${DOWN_MS / 1000} s during traffic: ${stored.rows.length} panics stored ` +
          `(${afterRecovery.length} after the restart, ${results.filter((r) => r.naks > 0).length} NAKed at least once); ` +
          `alarms on each console ${report.join(', ')}`,
      );
    });
  },
);
