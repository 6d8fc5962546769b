import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { openPostgres } from '../db/postgres.ts';
import type { Platform } from '../platform.ts';
import { describeRequiring } from '../testing/describe-requiring.ts';
import { type HaCluster, type HaMember, startHaCluster } from '../testing/ha-cluster.ts';
import { signIn } from '../testing/platform.ts';
import { type ConsoleStream, openConsoleStream } from './console-stream.ts';
import { type Dialled, dialUntilAck } from './dialler.ts';
import {
  addDevices,
  OF_TEST_DEVICES,
  type ServerProcess,
  sleep,
  startServerProcess,
  until,
} from './server-process.ts';

/** ports 42100–42199 are this test's: etcd, Patroni and PostgreSQL at base+1..22, Aware nodes from base+50 */
const BASE = 42_100;
const PANICS = 500;
/** diallers start one after another over this long, so the primary dies with panics in flight */
const SPREAD_MS = 10_000;
/** the primary is killed once this many panics were acknowledged */
const KILL_AFTER_ACKS = 150;
const PAUSE_MS = 500;
const DIALLER_DEADLINE_MS = 120_000;
/**
 * docs/operations.md: with the synchronous standby gone, an alarm sent after it died is acknowledged
 * within this (Patroni's loop drops the standby from synchronous_standby_names, the dialler retries)
 */
const STANDBY_GONE_BOUND_MS = 10_000;
/** panics dialled after the standby died, one every STANDBY_GONE_SPREAD_MS / STANDBY_GONE_PANICS */
const STANDBY_GONE_PANICS = 40;
const STANDBY_GONE_SPREAD_MS = 4_000;
/** after this long, what /health says about replication was looked at after the moment in question */
const FRESH_LOOK_MS = 3_000;

interface StandbyGoneFigures {
  run: 'standby gone' | 'standby died right after it was named';
  /** from the standby's death to the first acknowledgement of a panic sent at that moment */
  firstAckMs: number;
  /** the longest a panic sent after the death waited for its acknowledgement */
  slowestAckMs: number;
  naks: number;
  timeouts: number;
  retries: number;
  /** what /health?details=true said about replication, in order, polled every 200 ms from the death on */
  replicationSeen: string[];
}

interface Figures {
  run: string;
  noPrimaryMs: number;
  firstAckAfterKillMs: number;
  acked: number;
  naks: number;
  timeouts: number;
  retries: number;
  viaSecondary: number;
  health503: string[];
  /** what each console's stream was told about the database, in order */
  consoleStatuses: string[][];
}

const health = async (node: ServerProcess) =>
  (await (await fetch(`${node.url}/health?details=true`, { signal: AbortSignal.timeout(3000) })).json()) as {
    status: string;
    reason?: string;
    database?: string;
    leader?: boolean;
    replication?: string;
  };

const metric = async (node: ServerProcess, name: string) => {
  const text = await (await fetch(`${node.url}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
};

const openAlarmIds = async (node: ServerProcess, cookie: string) => {
  const response = await fetch(`${node.url}/api/v1/alarms?state=open`, {
    headers: { cookie, 'x-requested-with': 'aware' },
  });
  const body = (await response.json()) as { id: string }[] | { items: { id: string }[] };
  return new Set((Array.isArray(body) ? body : body.items).map((a) => a.id));
};

describeRequiring(
  ['patroni'],
  'Patroni primary + synchronous standby, two Aware nodes, the primary killed mid-run [patroni]',
  () => {
    let cluster: HaCluster;
    let admin: Database;
    const nodes: ServerProcess[] = [];
    const streams: ConsoleStream[] = [];
    const figures: (Figures | StandbyGoneFigures)[] = [];
    const cookies = new Map<ServerProcess, string>();

    beforeAll(async () => {
      cluster = await startHaCluster({ base: BASE, fast: true });
      const primary = await cluster.waitForPrimary(10_000);
      const setup = new pg.Client({ connectionString: primary.url });
      await setup.connect();
      await setup.query('create database aware');
      await setup.end();
      const databaseUrl = cluster.databaseUrl.replace('/postgres?', '/aware?');
      const env = {
        DATABASE_URL: databaseUrl,
        // consoles on both nodes sign the same demo operator in within one 30 s TOTP step
        AWARE_TOTP_REPLAY_GUARD: 'false',
      };
      const port = (n: number) => ({
        http: BASE + 50 + n * 3,
        dc09: BASE + 51 + n * 3,
        osmand: BASE + 52 + n * 3,
      });
      nodes.push(await startServerProcess(port(0), { ...env, AWARE_DEMO: 'true' }));
      nodes.push(await startServerProcess(port(1), env));
      // the test's own view of the database follows the primary as the nodes do
      admin = await openPostgres(databaseUrl, { max: 2 });
      for (const node of nodes) {
        const session = await signIn({ url: node.url } as Platform, 'operator');
        cookies.set(node, session.cookie);
        streams.push(await openConsoleStream(node.url, session.cookie));
      }
    }, 180_000);

    afterAll(async () => {
      for (const s of streams) s.close();
      await Promise.all(nodes.map((n) => n.kill()));
      await admin?.close();
      await cluster?.destroy();
      for (const f of figures) console.info(JSON.stringify(f));
    }, 60_000);

    /**
     * 500 diallers, half with node A as first receiver and B as second, half the other way round; the
     * primary's PostgreSQL is killed -9 once KILL_AFTER_ACKS are acknowledged (and node A with it, when
     * `alsoKillNode`). Answers what the diallers got and the accounts used.
     */
    async function run(name: string, from: number, alsoKillNode: boolean) {
      await cluster.waitForSyncStandby(90_000);
      for (const node of nodes.filter((n) => n.child.exitCode === null))
        await until(
          () => health(node),
          (h) => h.replication === 'synchronous',
          15_000,
        ).then((h) => expect(h.replication).toBe('synchronous'));
      // the test's pool may still point at the former primary, now a standby: it finds out on the first write
      const accounts = await until(
        () => addDevices(admin, from, PANICS, true),
        () => true,
        10_000,
      );
      const oldPrimary = await cluster.waitForPrimary(5_000);
      let acked = 0;
      let killedAt = 0;
      let firstAckAfterKill = 0;
      const health503: string[] = [];
      const failover: { promoted?: Promise<HaMember>; promotedAt?: number } = {};
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          for (const node of nodes) {
            if (node.child.exitCode !== null || node.child.signalCode !== null) continue;
            const h = await health(node).catch(() => null);
            if (h?.status === 'database unavailable' && h.reason && !health503.includes(h.reason))
              health503.push(h.reason);
          }
          await sleep(100);
        }
      })();

      const dial = async (account: string, index: number): Promise<Dialled> => {
        await sleep((index * SPREAD_MS) / PANICS);
        const [first, second] = index % 2 === 0 ? [nodes[0]!, nodes[1]!] : [nodes[1]!, nodes[0]!];
        const result = await dialUntilAck(
          {
            host: '127.0.0.1',
            port: first.ports.dc09,
            secondary: { host: '127.0.0.1', port: second.ports.dc09 },
            account,
            kind: 'panic',
            timeoutMs: 3_000,
            localAddress: `127.74.${index % 2}.${(index % 100) + 1}`,
          },
          PAUSE_MS,
          DIALLER_DEADLINE_MS,
        );
        if (result.outcome === 'ACK') {
          acked++;
          if (killedAt && !firstAckAfterKill) firstAckAfterKill = performance.now();
          if (acked === KILL_AFTER_ACKS) {
            killedAt = performance.now();
            oldPrimary.killPostgres();
            if (alsoKillNode) void nodes[0]!.kill();
            failover.promoted = cluster.waitForPrimary(60_000, oldPrimary).then((member) => {
              failover.promotedAt = performance.now();
              return member;
            });
          }
        }
        return result;
      };
      const results = await Promise.all(accounts.map(dial));
      expect(failover.promoted).toBeDefined();
      const newPrimary = await failover.promoted!;
      const noPrimaryMs = failover.promotedAt! - killedAt;
      watching = false;
      await watcher;
      expect(newPrimary.name).not.toBe(oldPrimary.name);

      const outcomes = results.map((r) => r.outcome);
      expect(outcomes.filter((o) => o !== 'ACK')).toEqual([]);
      figures.push({
        run: name,
        noPrimaryMs: Math.round(noPrimaryMs),
        firstAckAfterKillMs: Math.round(firstAckAfterKill - killedAt),
        acked,
        naks: results.reduce((n, r) => n + r.naks, 0),
        timeouts: results.reduce((n, r) => n + r.timeouts, 0),
        retries: results.reduce((n, r) => n + r.attempts - 1, 0),
        viaSecondary: results.filter((r) => r.via === 'secondary').length,
        health503,
        consoleStatuses: streams.map((stream) => stream.statuses()),
      });

      // every acknowledged panic is on the new primary, once: none lost, none doubled
      const direct = new pg.Client({ connectionString: newPrimary.url.replace(/\/postgres$/, '/aware') });
      await direct.connect();
      const stored = await direct.query<{ account: string; id: string }>(
        `select d.account, a.id from alarms a join devices d on d.id = a.device_id
         where a.kind = 'panic' and ${OF_TEST_DEVICES.replace('device_id', 'a.device_id')}`,
        [accounts],
      );
      const recovery = await direct.query<{ recovery: boolean }>('select pg_is_in_recovery() as recovery');
      await direct.end();
      expect(recovery.rows[0]!.recovery).toBe(false);
      const perAccount = new Map<string, number>();
      for (const row of stored.rows) perAccount.set(row.account, (perAccount.get(row.account) ?? 0) + 1);
      expect(accounts.filter((a) => !perAccount.has(a))).toEqual([]);
      expect([...perAccount].filter(([, n]) => n > 1)).toEqual([]);
      expect(stored.rows).toHaveLength(PANICS);

      // the leader lock was taken again on the new primary: exactly one surviving node runs the sweeps
      const alive = nodes.filter((n) => n.child.exitCode === null && n.child.signalCode === null);
      const leading = await until(
        async () => (await Promise.all(alive.map(health))).filter((h) => h.leader).length,
        (n) => n === 1,
        15_000,
      );
      expect(leading).toBe(1);

      // the consoles of every node still running show every one of them, live and on a fresh look
      const ids = stored.rows.map((r) => r.id);
      for (const [i, node] of nodes.entries()) {
        if (node.child.exitCode !== null || node.child.signalCode !== null) continue;
        const seen = await until(
          async () => streams[i]!.alarms(),
          (live) => ids.every((id) => live.has(id)),
          30_000,
        );
        expect(ids.filter((id) => !seen.has(id))).toEqual([]);
        const open = await openAlarmIds(node, cookies.get(node)!);
        expect(ids.filter((id) => !open.has(id))).toEqual([]);
        expect(await metric(node, 'aware_database_primary_changes_total')).toBeGreaterThanOrEqual(1);
      }
      return results;
    }

    it('both nodes follow the promoted standby; every acknowledged panic is stored once and shown on both consoles', async () => {
      await run('primary killed', 640_000, false);
    }, 240_000);

    it('with node A killed at the same moment, the diallers go over to their second address, node B', async () => {
      const results = await run('primary and node A killed', 641_000, true);
      // the diallers that had node A first delivered through node B
      const firstOnA = results.filter((_, index) => index % 2 === 0);
      expect(firstOnA.filter((r) => r.via === 'secondary').length).toBeGreaterThan(0);
      expect(nodes[0]!.child.signalCode).toBe('SIGKILL');
    }, 240_000);

    it('a standby that dies right after Patroni named it: the node says commits wait for it until the runbook lets the primary carry on alone', async () => {
      await cluster.waitForSyncStandby(90_000);
      const node = nodes[1]!;
      const [account] = await until(
        () => addDevices(admin, 643_000, 1, true),
        () => true,
        10_000,
      );
      const primary = await cluster.waitForPrimary(5_000);
      const standby = cluster.members.find((m) => m !== primary)!;
      const direct = new pg.Client({ connectionString: primary.url });
      await direct.connect();
      const named = async () =>
        (
          await direct.query<{ names: string }>(
            `select current_setting('synchronous_standby_names') as names`,
          )
        ).rows[0]!.names;
      // the standby crashes; its Patroni restarts it; Patroni on the primary names it again — and it dies
      // for good in the ~2 s before Patroni records it as synchronous (Patroni 3.0 never drops it then)
      try {
        standby.killPostgres();
        await until(named, (names) => names === '', 20_000);
        await until(named, (names) => names !== '', 30_000);
        standby.killHost();
        const diedAt = performance.now();

        const replicationSeen: string[] = [];
        let ackedAt = 0;
        const dialled = dialUntilAck(
          { host: '127.0.0.1', port: node.ports.dc09, account: account!, kind: 'panic', timeoutMs: 3_000 },
          PAUSE_MS,
          90_000,
        ).then((result) => {
          ackedAt = performance.now();
          return result;
        });
        // within the bound Patroni drops the dead standby (Patroni 4.1, or a standby it had recorded); if it
        // does not, nothing is stored, and the node must say so instead of "primary only". The node looks
        // every second: what it said in the first seconds may be from before the standby was named again
        const seen = await until(
          async () => {
            const h = await health(node);
            if (h.replication && replicationSeen.at(-1) !== h.replication)
              replicationSeen.push(h.replication);
            return { replication: h.replication, afterMs: performance.now() - diedAt };
          },
          (x) =>
            (x.replication === 'primary only' && x.afterMs > FRESH_LOOK_MS) ||
            x.afterMs > STANDBY_GONE_BOUND_MS,
          STANDBY_GONE_BOUND_MS + 5_000,
        );
        const stuck = seen.replication !== 'primary only';
        if (stuck) {
          expect(seen.replication).toBe('waiting for standby');
          expect(ackedAt).toBe(0);
          expect(await metric(node, 'aware_database_replication_waiting_for_standby')).toBe(1);
          expect(node.output()).toContain(
            'commits wait for a synchronous standby that does not confirm them',
          );
          // the runbook (docs/operations.md): synchronous mode off, and on again once the primary runs alone
          await cluster.editConfig({ synchronous_mode: false });
          replicationSeen.push('(runbook: synchronous_mode off)');
          await until(
            () => health(node),
            (h) => h.replication === 'primary only',
            15_000,
          );
          await cluster.editConfig({ synchronous_mode: true });
        }
        const result = await dialled;
        expect(result.outcome).toBe('ACK');
        const h = await until(
          () => health(node),
          (x) => x.replication === 'primary only',
          15_000,
        );
        expect(h.replication).toBe('primary only');
        if (h.replication && replicationSeen.at(-1) !== h.replication) replicationSeen.push(h.replication);
        const stored = await admin.query<{ n: number }>(
          `select count(*)::int as n from alarms where kind = 'panic' and ${OF_TEST_DEVICES}`,
          [[account]],
        );
        expect(stored.rows[0]!.n).toBe(1);
        figures.push({
          run: 'standby died right after it was named',
          firstAckMs: Math.round(ackedAt - diedAt),
          slowestAckMs: Math.round(ackedAt - diedAt),
          naks: result.naks,
          timeouts: result.timeouts,
          retries: result.attempts - 1,
          replicationSeen,
        });
      } finally {
        await direct.end().catch(() => {});
        // the host comes back, for the next case
        standby.startHost();
      }
    }, 150_000);

    it('with the standby gone, panics sent after it died are acknowledged within the bound, stored once, and the node says the primary runs alone', async () => {
      // Patroni recorded the standby as synchronous (after the run above it rejoined): Patroni 3.0 keeps a
      // standby that dies before that in synchronous_standby_names for good (docs/operations.md)
      await cluster.waitForSyncStandby(90_000);
      const node = nodes[1]!;
      await until(
        () => health(node),
        (h) => h.replication === 'synchronous',
        15_000,
      ).then((h) => expect(h.replication).toBe('synchronous'));
      const accounts = await until(
        () => addDevices(admin, 642_000, STANDBY_GONE_PANICS, true),
        () => true,
        10_000,
      );
      const primary = await cluster.waitForPrimary(5_000);
      const standby = cluster.members.find((m) => m !== primary)!;

      standby.killHost();
      const diedAt = performance.now();
      const replicationSeen: string[] = [];
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          const h = await health(node).catch(() => null);
          if (h?.replication && replicationSeen.at(-1) !== h.replication) replicationSeen.push(h.replication);
          await sleep(200);
        }
      })();
      const sent = await Promise.all(
        accounts.map(async (account, index) => {
          await sleep((index * STANDBY_GONE_SPREAD_MS) / STANDBY_GONE_PANICS);
          const sentAt = performance.now();
          const result = await dialUntilAck(
            { host: '127.0.0.1', port: node.ports.dc09, account, kind: 'panic', timeoutMs: 3_000 },
            PAUSE_MS,
            30_000,
          );
          return { result, waitedMs: performance.now() - sentAt, ackedAt: performance.now() };
        }),
      );
      const h = await until(
        () => health(node),
        (x) => x.replication === 'primary only',
        15_000,
      );
      watching = false;
      await watcher;
      const figure: StandbyGoneFigures = {
        run: 'standby gone',
        firstAckMs: Math.round(sent[0]!.ackedAt - diedAt),
        slowestAckMs: Math.round(Math.max(...sent.map((s) => s.waitedMs))),
        naks: sent.reduce((n, s) => n + s.result.naks, 0),
        timeouts: sent.reduce((n, s) => n + s.result.timeouts, 0),
        retries: sent.reduce((n, s) => n + s.result.attempts - 1, 0),
        replicationSeen,
      };
      figures.push(figure);

      expect(sent.map((s) => s.result.outcome).filter((o) => o !== 'ACK')).toEqual([]);
      expect(figure.slowestAckMs).toBeLessThanOrEqual(STANDBY_GONE_BOUND_MS);
      // stored once each, on the primary that carried on alone
      const stored = await admin.query<{ account: string }>(
        `select d.account from alarms a join devices d on d.id = a.device_id
         where a.kind = 'panic' and ${OF_TEST_DEVICES.replace('device_id', 'a.device_id')}`,
        [accounts],
      );
      expect(stored.rows.map((r) => r.account).sort()).toEqual([...accounts].sort());
      // and the node says so: health, metrics, the log
      expect(h).toMatchObject({ status: 'ok', replication: 'primary only' });
      expect(await metric(node, 'aware_database_replication_synchronous')).toBe(0);
      expect(await metric(node, 'aware_database_replication_waiting_for_standby')).toBe(0);
      expect(node.output()).toContain('on the primary only');
    }, 150_000);
  },
);
