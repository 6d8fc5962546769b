import pg from 'pg';
import type { Queryable } from './database.ts';
import type { PrimaryLocator } from './primary.ts';

/**
 * A small pool for a component of its own (the event bus) that always talks to the current primary:
 * a failure that means the host is gone or read-only sends the locator looking, and the next query
 * goes to the new primary through a new pool.
 */
export function followingPool(
  primary: PrimaryLocator,
  config: Omit<pg.PoolConfig, 'connectionString'>,
): Queryable & { end(): Promise<void> } {
  let active: { url: string; pool: pg.Pool } | null = null;
  const poolFor = async () => {
    const url = await primary.url();
    if (active?.url === url) return active;
    const old = active;
    const pool = new pg.Pool({ ...config, connectionString: url });
    pool.on('error', (error) => primary.lost(url, error));
    active = { url, pool };
    if (old) void old.pool.end().catch(() => {});
    return active;
  };
  return {
    async query(sql, params) {
      const { url, pool } = await poolFor();
      try {
        const r = await pool.query(sql, params);
        return { rows: r.rows, rowCount: r.rowCount ?? 0 };
      } catch (error) {
        primary.lost(url, error);
        throw error;
      }
    },
    async end() {
      const p = active;
      active = null;
      await p?.pool.end().catch(() => {});
    },
  };
}
