import {
  freePorts,
  type ServerProcess,
  sleep,
  startServerProcess,
} from '../server/src/faults/server-process.ts';
import { freshDatabase } from '../server/src/testing/databases.ts';
import type { ScenarioResult } from './results.ts';

const health = async (node: ServerProcess) =>
  (await (await fetch(`${node.url}/health?details=true`)).json()) as { leader?: boolean };

/** Polls every 20 ms; the time from `since` until the node says it leads. */
async function ledAfter(node: ServerProcess, since: number, timeoutMs: number): Promise<number> {
  for (;;) {
    try {
      if ((await health(node)).leader) return performance.now() - since;
    } catch {
      // not answering yet
    }
    if (performance.now() - since > timeoutMs)
      throw new Error(`no node took the lead within ${timeoutMs} ms`);
    await sleep(20);
  }
}

/**
 * l. Two production server processes on one PostgreSQL database; the leader is killed (SIGKILL) and the
 * time until the survivor leads is measured. Each run starts a new follower and kills the current leader.
 */
export async function leaderTakeover(runs: number): Promise<ScenarioResult> {
  const database = await freshDatabase('postgres');
  const env = { DATABASE_URL: database.url!, AWARE_LOG_LEVEL: 'silent' };
  const nodes: ServerProcess[] = [];
  const takeovers: number[] = [];
  try {
    let leader = await startServerProcess(await freePorts(), { ...env, AWARE_DEMO: 'true' });
    nodes.push(leader);
    await ledAfter(leader, performance.now(), 30_000);
    for (let run = 0; run < runs; run++) {
      const follower = await startServerProcess(await freePorts(), env);
      nodes.push(follower);
      if ((await health(follower)).leader) throw new Error('two nodes lead at once');
      await leader.kill();
      takeovers.push(await ledAfter(follower, performance.now(), 30_000));
      leader = follower;
    }
  } finally {
    await Promise.all(nodes.map((n) => n.kill()));
    await database.drop();
  }
  return {
    id: 'l',
    title: `Leader takeover: two server processes (server/src/main.ts) on one PostgreSQL database, the leader killed with SIGKILL, /health?details=true of the survivor polled every 20 ms; ${runs} kills, one per run`,
    figures: [
      {
        label: 'leader killed → survivor leads',
        unit: 'ms',
        runs: takeovers,
        target: { op: '<=', value: 6_000 },
        proposed: true,
        decimals: 0,
      },
    ],
    diagnostics: [],
    notes: [
      'A follower retries the leader lock every 2 s (LEADER_RETRY_MS), so a takeover takes up to about 2 s after PostgreSQL notices the dead session. The sweeps that only the leader runs (escalation, supervision, retention) pause for that long; alarms keep flowing through every node meanwhile.',
    ],
  };
}
