/** What the server child (server.ts) and the orchestrator (run.ts) say to each other, one JSON line each. */

export type Engine = 'pglite' | 'postgres';

/** A DC-09 account in the bench database; `key` set for encrypted (keyed) accounts. */
export interface BenchDevice {
  account: string;
  key?: string;
}

export interface ServerReady {
  type: 'ready';
  pid: number;
  url: string;
  dc09Port: number;
  osmandPort: number;
  engine: Engine;
  /** heartbeat pool (plaintext and keyed), one persistent connection each */
  heartbeatDevices: BenchDevice[];
  /** devices that send panics, distinct from the heartbeat pool */
  panicDevices: BenchDevice[];
  /** devices for the mass event (BENCH_MASS_DEVICES, default none), distinct from both */
  massDevices: BenchDevice[];
  operatorEmail: string;
  password: string;
  totpSecret: string;
  databaseVersion: string;
}

/** Counters kept by the instrumented database wrapper in the child. */
export interface DbCounters {
  queries: number;
  transactions: number;
  /** routine-lane `update devices … from unnest(…)` statements, and the rows they carried */
  routineBatches: number;
  routineRows: number;
  /** wall time with at least one db.query / db.transaction in flight */
  busyMs: number;
  /** summed durations (call → resolve, pool wait included) of routine-lane statements */
  routineMs: number;
  routineMaxMs: number;
  /** device-directory lookups (cache misses) and their summed durations */
  lookups: number;
  lookupMs: number;
  /** summed durations of transactions (alarms), call → commit resolved */
  transactionMs: number;
  /** transactions on the alarm lane, and the statements run inside them (begin/commit not counted) */
  alarmTransactions: number;
  alarmStatements: number;
}

export interface ServerStats {
  type: 'stats';
  id: number;
  rssKb: number;
  heapUsedKb: number;
  /** process.cpuUsage() in microseconds since start */
  cpuUserUs: number;
  cpuSystemUs: number;
  /** event-loop delay since the previous stats request, ms */
  loopP50Ms: number;
  loopP99Ms: number;
  loopMaxMs: number;
  /** cumulative event-loop utilisation counters (performance.eventLoopUtilization) */
  eluActiveMs: number;
  eluIdleMs: number;
  /** alarm-lane transaction durations (call → committed) since the previous stats request, ms */
  transactionP50Ms: number;
  transactionP99Ms: number;
  /** of which: call → body started (waiting for a connection, `begin`), ms */
  transactionWaitP50Ms: number;
  transactionWaitP99Ms: number;
  /** of which: inside advisory-lock statements (device lock, audit-chain lock), ms */
  transactionLockP99Ms: number;
  /** transactions outside the alarm lane since the previous stats request: count and longest, ms */
  otherTransactions: number;
  otherTransactionMaxMs: number;
  /** the longest one's first statement and statement count */
  otherTransactionMaxFirst: string;
  otherTransactionMaxStatements: number;
  /** alarm-lane transactions that failed since the previous stats request, and their distinct messages */
  alarmFailures: number;
  alarmErrors: string[];
  dc09Connections: number;
  openAlarms: number;
  db: DbCounters;
  /** pg_stat_database.xact_commit for the bench database (null when the engine has no statistics) */
  xactCommit: number | null;
}

export type ChildCommand = { cmd: 'stats'; id: number; gc?: boolean } | { cmd: 'stop' };
