import { postgresCpuMs, processCpuMs } from './proc.ts';
import type { ServerStats } from './protocol.ts';
import type { ServerChild } from './server-child.ts';

/** What the server side did during one measured window. */
export interface WindowFigures {
  seconds: number;
  serverCpuPercent: number;
  postgresCpuPercent: number;
  loopP99Ms: number;
  loopMaxMs: number;
  /** share of the window with at least one database call in flight */
  dbBusyPercent: number;
  queriesPerSecond: number;
  transactionsPerSecond: number;
  routineBatchesPerSecond: number;
  meanRoutineBatch: number;
  xactCommitsPerSecond: number;
}

/** Snapshots server and PostgreSQL counters now; `end()` gives the rates since. */
export async function openWindow(server: ServerChild): Promise<{ end(): Promise<WindowFigures> }> {
  const pid = server.ready.pid;
  const before: ServerStats = await server.stats();
  const cpu0 = processCpuMs(pid);
  const pg0 = postgresCpuMs();
  const t0 = performance.now();
  return {
    async end() {
      const after = await server.stats();
      const ms = performance.now() - t0;
      const s = ms / 1000;
      const batches = after.db.routineBatches - before.db.routineBatches;
      const xact =
        after.xactCommit !== null && before.xactCommit !== null ? after.xactCommit - before.xactCommit : Number.NaN;
      return {
        seconds: s,
        serverCpuPercent: ((processCpuMs(pid) - cpu0) / ms) * 100,
        postgresCpuPercent: server.ready.engine === 'postgres' ? ((postgresCpuMs() - pg0) / ms) * 100 : Number.NaN,
        loopP99Ms: after.loopP99Ms,
        loopMaxMs: after.loopMaxMs,
        dbBusyPercent: ((after.db.busyMs - before.db.busyMs) / ms) * 100,
        queriesPerSecond: (after.db.queries - before.db.queries) / s,
        transactionsPerSecond: (after.db.transactions - before.db.transactions) / s,
        routineBatchesPerSecond: batches / s,
        meanRoutineBatch: batches > 0 ? (after.db.routineRows - before.db.routineRows) / batches : Number.NaN,
        xactCommitsPerSecond: xact / s,
      };
    },
  };
}
