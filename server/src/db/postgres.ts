import pg from 'pg';
import {
  type Database,
  type QueryResult,
  runAfterRollback,
  type Transaction,
  withTimeout,
} from './database.ts';

// Return timestamps as Date (as PGlite does) and int8/numeric as JS numbers where safe.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const poolOf = (max: number) => {
    const p = new pg.Pool({
      connectionString: url,
      max,
      connectionTimeoutMillis: 2000,
      // an alarm must not wait forever on a stuck database: fail, NAK, let the device retry
      statement_timeout: 5000,
      query_timeout: 6000,
    });
    // A broken idle connection must not crash the process; the next query reconnects.
    p.on('error', () => {});
    return p;
  };
  const pool = poolOf(options.max ?? 10);
  const alarmPool = poolOf(3);
  const run = async <T>(q: pg.Pool | pg.PoolClient, sql: string, params: unknown[] = []) => {
    const result = await q.query(sql, params);
    return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 } satisfies QueryResult<T>;
  };
  await run(pool, 'select 1');
  return {
    engine: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn, transactionOptions) {
      const client = await (transactionOptions?.lane === 'alarm' ? alarmPool : pool).connect();
      // A connection that dies while checked out emits 'error' on its client, and the pool listens only
      // to idle ones: unheard, that event ends the process (found by the database-outage fault test).
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      client.on('error', onError);
      const tx: Transaction = {
        query: (sql, params) => run(client, sql, params),
        exec: async (sql) => {
          await client.query(sql);
        },
      };
      const release = () => {
        client.off('error', onError);
        // released with its error, the pool discards the connection instead of handing it out again
        client.release(broken);
      };
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        await client.query('begin');
        result = await fn(tx);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => {});
        release();
        await runAfterRollback(error);
        throw error;
      }
      release();
      return result;
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    ping: async (timeoutMs = 1000) => {
      try {
        await withTimeout(pool.query('select 1'), timeoutMs, 'ping');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (!pool.ended) await pool.end();
      if (!alarmPool.ended) await alarmPool.end();
    },
  };
}
