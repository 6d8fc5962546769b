import { cpuPressureUs, machineCpuMs, postgresCpuMs, processCpuMs } from './proc.ts';
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
  /** share of the window the server's event loop was not idle */
  eventLoopUtilisation: number;
  /** mean duration of one routine-lane statement, call → resolved (pool wait and event loop included) */
  routineMeanMs: number;
  lookupsPerSecond: number;
  lookupMeanMs: number;
  transactionP50Ms: number;
  transactionP99Ms: number;
  transactionWaitP50Ms: number;
  transactionWaitP99Ms: number;
  transactionLockP99Ms: number;
  otherTransactions: number;
  otherTransactionMaxMs: number;
  otherTransactionMaxFirst: string;
  otherTransactionMaxStatements: number;
  alarmFailures: number;
  alarmErrors: string[];
  /** statements inside one alarm-lane transaction, mean (begin and commit not counted) */
  statementsPerAlarm: number;
  /** CPU of processes outside the benchmark (server, PostgreSQL, generator, orchestrator), % of one core */
  otherCpuPercent: number;
  stealPercent: number;
  /** share of the window in which some runnable task waited for a CPU (Linux PSI) */
  cpuPressurePercent: number;
}

/** Snapshots server and PostgreSQL counters now; `end()` gives the rates since. */
export async function openWindow(
  server: ServerChild,
  benchPids: number[] = [],
): Promise<{ end(): Promise<WindowFigures> }> {
  const pid = server.ready.pid;
  const ours = () =>
    [pid, process.pid, ...benchPids].reduce((sum, p) => sum + (processCpuMs(p) || 0), 0) +
    (server.ready.engine === 'postgres' ? postgresCpuMs() : 0);
  const before: ServerStats = await server.stats();
  const cpu0 = processCpuMs(pid);
  const pg0 = postgresCpuMs();
  const machine0 = machineCpuMs();
  const ours0 = ours();
  const pressure0 = cpuPressureUs();
  const t0 = performance.now();
  return {
    async end() {
      const machine1 = machineCpuMs();
      const ours1 = ours();
      const pressure1 = cpuPressureUs();
      const after = await server.stats();
      const ms = performance.now() - t0;
      const s = ms / 1000;
      const batches = after.db.routineBatches - before.db.routineBatches;
      const xact =
        after.xactCommit !== null && before.xactCommit !== null
          ? after.xactCommit - before.xactCommit
          : Number.NaN;
      return {
        seconds: s,
        serverCpuPercent: ((processCpuMs(pid) - cpu0) / ms) * 100,
        postgresCpuPercent:
          server.ready.engine === 'postgres' ? ((postgresCpuMs() - pg0) / ms) * 100 : Number.NaN,
        loopP99Ms: after.loopP99Ms,
        loopMaxMs: after.loopMaxMs,
        dbBusyPercent: ((after.db.busyMs - before.db.busyMs) / ms) * 100,
        queriesPerSecond: (after.db.queries - before.db.queries) / s,
        transactionsPerSecond: (after.db.transactions - before.db.transactions) / s,
        routineBatchesPerSecond: batches / s,
        meanRoutineBatch: batches > 0 ? (after.db.routineRows - before.db.routineRows) / batches : Number.NaN,
        xactCommitsPerSecond: xact / s,
        eventLoopUtilisation:
          ((after.eluActiveMs - before.eluActiveMs) /
            (after.eluActiveMs - before.eluActiveMs + after.eluIdleMs - before.eluIdleMs)) *
          100,
        routineMeanMs: batches > 0 ? (after.db.routineMs - before.db.routineMs) / batches : Number.NaN,
        lookupsPerSecond: (after.db.lookups - before.db.lookups) / s,
        lookupMeanMs:
          after.db.lookups > before.db.lookups
            ? (after.db.lookupMs - before.db.lookupMs) / (after.db.lookups - before.db.lookups)
            : Number.NaN,
        transactionP50Ms: after.transactionP50Ms ?? Number.NaN,
        transactionP99Ms: after.transactionP99Ms ?? Number.NaN,
        transactionWaitP50Ms: after.transactionWaitP50Ms ?? Number.NaN,
        transactionWaitP99Ms: after.transactionWaitP99Ms ?? Number.NaN,
        transactionLockP99Ms: after.transactionLockP99Ms ?? Number.NaN,
        otherTransactions: after.otherTransactions ?? Number.NaN,
        otherTransactionMaxMs: after.otherTransactionMaxMs ?? Number.NaN,
        otherTransactionMaxFirst: after.otherTransactionMaxFirst ?? '',
        otherTransactionMaxStatements: after.otherTransactionMaxStatements ?? Number.NaN,
        alarmFailures: after.alarmFailures ?? 0,
        alarmErrors: after.alarmErrors ?? [],
        statementsPerAlarm:
          after.db.alarmTransactions > before.db.alarmTransactions
            ? (after.db.alarmStatements - before.db.alarmStatements) /
              (after.db.alarmTransactions - before.db.alarmTransactions)
            : Number.NaN,
        otherCpuPercent: Math.max(0, ((machine1.busy - machine0.busy - (ours1 - ours0)) / ms) * 100),
        stealPercent: ((machine1.steal - machine0.steal) / ms) * 100,
        cpuPressurePercent: ((pressure1 - pressure0) / 1000 / ms) * 100,
      };
    },
  };
}
