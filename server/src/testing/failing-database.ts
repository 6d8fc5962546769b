import type { Database } from '../db/index.ts';

/**
 * A database whose next query matching a pattern fails once, on purpose: how a test makes one read
 * fail as it would when a connection breaks, without taking the whole database away.
 */
export function withDeliberateFailures(db: Database) {
  const armed: RegExp[] = [];
  let failed = 0;
  const failing: Database = {
    engine: db.engine,
    query(sql, params) {
      const index = armed.findIndex((pattern) => pattern.test(sql));
      if (index < 0) return db.query(sql, params);
      armed.splice(index, 1);
      failed++;
      return Promise.reject(new Error('connection terminated (deliberate test failure)'));
    },
    transaction: (fn, options) => db.transaction(fn, options),
    exec: (sql) => db.exec(sql),
    ping: (timeoutMs) => db.ping(timeoutMs),
    close: () => db.close(),
  };
  return {
    db: failing,
    /** the next query (outside transactions) whose SQL matches fails once */
    failNext(pattern: RegExp) {
      armed.push(pattern);
    },
    disarm() {
      armed.length = 0;
    },
    /** how many queries failed on purpose so far */
    failed: () => failed,
  };
}
