import type { Database, Transaction } from '../server/src/db/index.ts';
import type { DbCounters } from './protocol.ts';

/**
 * Wraps the platform's database to count what it does: statements, transactions, routine-lane
 * batches and their rows, and the wall time during which at least one call was in flight.
 * Measurement only: every call is passed through unchanged.
 */
export function instrument(db: Database): {
  db: Database;
  counters(): DbCounters;
  /** transaction durations since the previous call */
  takeTransactionTimes(): number[];
} {
  const counts: DbCounters = {
    queries: 0,
    transactions: 0,
    routineBatches: 0,
    routineRows: 0,
    busyMs: 0,
    routineMs: 0,
    routineMaxMs: 0,
    lookups: 0,
    lookupMs: 0,
    transactionMs: 0,
  };
  let transactionTimes: number[] = [];
  let inFlight = 0;
  let busySince = 0;
  const enter = () => {
    if (inFlight++ === 0) busySince = performance.now();
  };
  const leave = () => {
    if (--inFlight === 0) counts.busyMs += performance.now() - busySince;
  };
  const wrapped: Database = {
    engine: db.engine,
    async query<T>(sql: string, params?: unknown[]) {
      counts.queries += 1;
      const routine = sql.startsWith('update devices d set') && Array.isArray(params?.[0]);
      const lookup = sql.includes('from devices d join organisations o');
      if (routine) {
        counts.routineBatches += 1;
        counts.routineRows += (params![0] as unknown[]).length;
      }
      if (lookup) counts.lookups += 1;
      const started = performance.now();
      enter();
      try {
        return await db.query<T>(sql, params);
      } finally {
        leave();
        const ms = performance.now() - started;
        if (routine) {
          counts.routineMs += ms;
          counts.routineMaxMs = Math.max(counts.routineMaxMs, ms);
        }
        if (lookup) counts.lookupMs += ms;
      }
    },
    async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
      counts.transactions += 1;
      const started = performance.now();
      enter();
      try {
        return await db.transaction(fn);
      } finally {
        leave();
        const ms = performance.now() - started;
        counts.transactionMs += ms;
        if (transactionTimes.length < 100_000) transactionTimes.push(ms);
      }
    },
    exec: (sql) => db.exec(sql),
    ping: (timeoutMs) => db.ping(timeoutMs),
    close: () => db.close(),
  };
  return {
    db: wrapped,
    takeTransactionTimes() {
      const taken = transactionTimes;
      transactionTimes = [];
      return taken;
    },
    counters: () => ({
      ...counts,
      busyMs: counts.busyMs + (inFlight > 0 ? performance.now() - busySince : 0),
    }),
  };
}
