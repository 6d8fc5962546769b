/** The one interface every repository talks to; PGlite and PostgreSQL both implement it. */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
}

export interface Transaction extends Queryable {
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /**
   * Runs fn in one transaction: commit when it resolves, roll back when it throws. The `alarm` lane
   * uses connections of its own, so an alarm never waits for a connection behind routine traffic.
   */
  transaction<T>(fn: (tx: Transaction) => Promise<T>, options?: { lane?: 'alarm' }): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  /** true when the database answers within the timeout */
  ping(timeoutMs?: number): Promise<boolean>;
  /** why there is no database to write to (no writable primary among several hosts), or null */
  outage?(): string | null;
  close(): Promise<void>;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const AFTER_ROLLBACK = Symbol('aware.afterRollback');

/**
 * Attaches work to an error that aborts a transaction, to be done once the transaction has rolled back and
 * let go of its connection: a record of the refusal itself (an audit entry) must survive the rollback, and
 * must not wait for a second connection while the first is held (PGlite has only one).
 */
export function afterRollback<E extends Error>(error: E, work: () => Promise<void>): E {
  (error as E & { [AFTER_ROLLBACK]?: () => Promise<void> })[AFTER_ROLLBACK] = work;
  return error;
}

/** Called by each engine's transaction() after a rollback; never replaces the original error. */
export async function runAfterRollback(error: unknown): Promise<void> {
  const holder = error as { [AFTER_ROLLBACK]?: () => Promise<void> } | null;
  const work = holder?.[AFTER_ROLLBACK];
  if (!work) return;
  delete holder[AFTER_ROLLBACK];
  await work().catch((failure: unknown) =>
    process.emitWarning(`work after rollback failed: ${(failure as Error).message}`),
  );
}
