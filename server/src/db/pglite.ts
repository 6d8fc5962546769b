import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import {
  type Database,
  type QueryResult,
  runAfterRollback,
  type Transaction,
  withTimeout,
} from './database.ts';

/** Embedded PostgreSQL (WASM). dataDir undefined = in memory (tests). */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  const asQueryable = (q: Pick<PGlite, 'query' | 'exec'>): Transaction => ({
    async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
      const result = await q.query<T>(sql, params);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const root = asQueryable(pg);
  let closed = false;
  return {
    engine: 'pglite',
    query: root.query,
    transaction: async (fn) => {
      try {
        return await pg.transaction((tx) => fn(asQueryable(tx)));
      } catch (error) {
        await runAfterRollback(error);
        throw error;
      }
    },
    exec: async (sql) => {
      await pg.exec(sql);
    },
    ping: async (timeoutMs = 1000) => {
      if (closed) return false;
      try {
        await withTimeout(pg.query('select 1'), timeoutMs, 'ping');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pg.close();
    },
  };
}
