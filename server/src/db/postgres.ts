import pg from 'pg';
import {
  type Database,
  type QueryResult,
  runAfterRollback,
  type Transaction,
  withTimeout,
} from './database.ts';
import { locatePrimary, type PrimaryLocator } from './primary.ts';

// Return timestamps as Date (as PGlite does) and int8/numeric as JS numbers where safe.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

interface Pools {
  url: string;
  pool: pg.Pool;
  alarmPool: pg.Pool;
}

/**
 * PostgreSQL through pools to the current primary. With several hosts in DATABASE_URL the pools follow
 * the primary: an error that says the host is gone or read-only makes the locator look again, and the
 * next query gets pools to whichever host is writable then (the failed one is refused: an alarm NAKs,
 * the device retries).
 */
export async function openPostgres(
  url: string,
  options: { max?: number; primary?: PrimaryLocator } = {},
): Promise<Database> {
  const primary = options.primary ?? locatePrimary(url);
  const poolOf = (hostUrl: string, max: number) => {
    const p = new pg.Pool({
      connectionString: hostUrl,
      max,
      connectionTimeoutMillis: 2000,
      // an alarm must not wait forever on a stuck database: fail, NAK, let the device retry
      statement_timeout: 5000,
      query_timeout: 6000,
    });
    // A broken idle connection must not crash the process; the next query reconnects.
    p.on('error', (error) => primary.lost(hostUrl, error));
    return p;
  };
  let active: Pools | null = null;
  let closed = false;
  const pools = async (): Promise<Pools> => {
    const current = await primary.url();
    if (active?.url === current) return active;
    const old = active;
    active = { url: current, pool: poolOf(current, options.max ?? 10), alarmPool: poolOf(current, 3) };
    // connections to a former primary must not be handed out again
    if (old) void Promise.all([old.pool.end(), old.alarmPool.end()]).catch(() => {});
    return active;
  };
  /** runs `work` on the current primary's pools and reports a lost primary to the locator */
  const onPrimary = async <T>(work: (p: Pools) => Promise<T>): Promise<T> => {
    if (closed) throw new Error('database closed');
    const p = await pools();
    try {
      return await work(p);
    } catch (error) {
      primary.lost(p.url, error);
      throw error;
    }
  };
  const run = async <T>(q: pg.Pool | pg.PoolClient, sql: string, params: unknown[] = []) => {
    const result = await q.query(sql, params);
    return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 } satisfies QueryResult<T>;
  };
  await onPrimary((p) => run(p.pool, 'select 1'));
  return {
    engine: 'postgres',
    query: (sql, params) => onPrimary((p) => run(p.pool, sql, params)),
    transaction: (fn, transactionOptions) =>
      onPrimary(async (p) => {
        const client = await (transactionOptions?.lane === 'alarm' ? p.alarmPool : p.pool).connect();
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
      }),
    exec: async (sql) => {
      await onPrimary((p) => p.pool.query(sql));
    },
    ping: async (timeoutMs = 1000) => {
      try {
        await withTimeout(
          onPrimary(async (p) => {
            if (!primary.replicated) return p.pool.query('select 1');
            // a former primary that came back as a standby answers `select 1` too: only writable will do
            const r = await p.pool.query<{ recovery: boolean }>('select pg_is_in_recovery() as recovery');
            if (r.rows[0]?.recovery)
              throw Object.assign(new Error('the host is a standby'), { code: '25006' });
            return r;
          }),
          timeoutMs,
          'ping',
        );
        return true;
      } catch {
        return false;
      }
    },
    outage: () => primary.problem(),
    close: async () => {
      closed = true;
      const p = active;
      active = null;
      if (p && !p.pool.ended) await p.pool.end();
      if (p && !p.alarmPool.ended) await p.alarmPool.end();
    },
  };
}
