import type { Database, Transaction } from '../server/src/db/index.ts';
import type { DbCounters } from './protocol.ts';

export interface TransactionTimes {
  /** call → committed, ms */
  total: number[];
  /** call → body started (connection taken and `begin` done), ms */
  wait: number[];
  /** time inside `pg_advisory_xact_lock` statements (device and audit-chain locks), per transaction, ms */
  lock: number[];
  /** transactions outside the alarm lane (supervision sweep, handling steps): how many, and the longest, ms */
  otherCount: number;
  otherMaxMs: number;
  /** the longest one: its first statement (shortened, with its first parameter) and how many statements it ran */
  otherMaxFirst: string;
  otherMaxStatements: number;
  /** alarm transactions that threw, and the distinct error messages */
  failed: number;
  errors: string[];
}

/**
 * Wraps the platform's database to count what it does: statements, transactions, routine-lane
 * batches and their rows, and the wall time during which at least one call was in flight.
 * Measurement only: every call is passed through unchanged.
 */
export function instrument(db: Database): {
  db: Database;
  counters(): DbCounters;
  /** alarm-lane transaction timings since the previous call */
  takeTransactionTimes(): TransactionTimes;
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
    alarmTransactions: 0,
    alarmStatements: 0,
  };
  const empty = (): TransactionTimes => ({
    total: [],
    wait: [],
    lock: [],
    otherCount: 0,
    otherMaxMs: 0,
    otherMaxFirst: '',
    otherMaxStatements: 0,
    failed: 0,
    errors: [],
  });
  let times = empty();
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
    // the options (the alarm lane, with connections of its own) are passed on unchanged
    async transaction<T>(fn: (tx: Transaction) => Promise<T>, options?: { lane?: 'alarm' }): Promise<T> {
      counts.transactions += 1;
      const alarm = options?.lane === 'alarm';
      if (alarm) counts.alarmTransactions += 1;
      const started = performance.now();
      let bodyAt = Number.NaN;
      let lockMs = 0;
      let first = '';
      let statements = 0;
      enter();
      try {
        return await db.transaction((tx) => {
          bodyAt = performance.now();
          const counted: Transaction = {
            query: async (sql, params) => {
              if (!alarm) {
                if (statements++ === 0)
                  first = `${sql.replace(/\s+/g, ' ').slice(0, 60)}${params?.length ? ` [${String(params[0])}]` : ''}`;
                return tx.query(sql, params);
              }
              counts.alarmStatements += 1;
              if (!sql.includes('pg_advisory_xact_lock')) return tx.query(sql, params);
              const t0 = performance.now();
              try {
                return await tx.query(sql, params);
              } finally {
                lockMs += performance.now() - t0;
              }
            },
            exec: (sql) => tx.exec(sql),
          };
          return fn(counted);
        }, options);
      } catch (error) {
        if (alarm) {
          times.failed += 1;
          const text = error instanceof Error ? error.message : String(error);
          if (!times.errors.includes(text) && times.errors.length < 5) times.errors.push(text);
        }
        throw error;
      } finally {
        leave();
        const ms = performance.now() - started;
        counts.transactionMs += ms;
        if (alarm && times.total.length < 100_000) {
          times.total.push(ms);
          // a transaction that never got a connection waited all its time
          times.wait.push(Number.isNaN(bodyAt) ? ms : bodyAt - started);
          times.lock.push(lockMs);
        } else if (!alarm) {
          times.otherCount += 1;
          if (ms > times.otherMaxMs) {
            times.otherMaxMs = ms;
            times.otherMaxFirst = first;
            times.otherMaxStatements = statements;
          }
        }
      }
    },
    exec: (sql) => db.exec(sql),
    ping: (timeoutMs) => db.ping(timeoutMs),
    close: () => db.close(),
  };
  return {
    db: wrapped,
    takeTransactionTimes() {
      const taken = times;
      times = empty();
      return taken;
    },
    counters: () => ({
      ...counts,
      busyMs: counts.busyMs + (inFlight > 0 ? performance.now() - busySince : 0),
    }),
  };
}
