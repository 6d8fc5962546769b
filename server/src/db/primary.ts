import pg from 'pg';
import { type DatabaseHosts, splitDatabaseUrl } from './hosts.ts';

/**
 * Which of the configured hosts is the writable primary. Patroni decides who is primary; a node only
 * follows: it asks each host `pg_is_in_recovery()` and uses the one that is not, and asks again when
 * a connection to it breaks or finds it read-only (after a failover the old primary comes back as a
 * standby). Pools, the LISTEN bus and the leader lock all take their address from here.
 */
export interface PrimaryLocator {
  readonly hosts: DatabaseHosts;
  /** true when DATABASE_URL names more than one host (a standby is expected) */
  readonly replicated: boolean;
  /** the writable primary's single-host URL; throws NoPrimaryError while there is none */
  url(): Promise<string>;
  /** a connection to `url` broke or found it read-only: look for the primary again before the next use */
  lost(url: string, error: unknown): void;
  /** why there is no primary, or null while one is known */
  problem(): string | null;
  /** host:port of the current primary, or null */
  current(): string | null;
  /** called with the new primary's host:port each time a different host became the primary */
  onChange(listener: (label: string) => void): () => void;
}

export class NoPrimaryError extends Error {
  override name = 'NoPrimaryError';
}

/** after a probe found no primary, callers in the next moment get the same answer instead of a new probe */
const FAILED_PROBE_REUSE_MS = 250;
const PROBE_TIMEOUT_MS = 2_000;

/** SQLSTATEs and socket errors that mean "this host is not (or no longer) the primary" */
const LOSS_CODES = new Set([
  '25006', // read_only_sql_transaction: a standby, e.g. the old primary after a failover
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting, recovering)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

export function isPrimaryLoss(error: unknown): boolean {
  if (error instanceof NoPrimaryError) return true;
  const e = error as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code && LOSS_CODES.has(e.code)) return true;
  return /Connection terminated|Connection ended|timeout exceeded when trying to connect|not queryable|connection is closed/i.test(
    e.message ?? '',
  );
}

async function probe(url: string): Promise<'primary' | 'standby' | 'unreachable'> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    const r = await client.query<{ recovery: boolean; readOnly: string }>(
      `select pg_is_in_recovery() as recovery, current_setting('transaction_read_only') as "readOnly"`,
    );
    const row = r.rows[0];
    return row && !row.recovery && row.readOnly === 'off' ? 'primary' : 'standby';
  } catch {
    return 'unreachable';
  } finally {
    await client.end().catch(() => {});
  }
}

export function locatePrimary(databaseUrl: string): PrimaryLocator {
  const hosts = splitDatabaseUrl(databaseUrl);
  const listeners = new Set<(label: string) => void>();
  if (hosts.urls.length === 1) {
    const only = hosts.urls[0]!;
    return {
      hosts,
      replicated: false,
      url: async () => only,
      lost: () => {},
      problem: () => null,
      current: () => hosts.labels[0]!,
      onChange: () => () => {},
    };
  }
  let known: number | null = null;
  let previous: number | null = null;
  let probing: Promise<string> | null = null;
  let failure: { at: number; error: NoPrimaryError } | null = null;
  let problem: string | null = null;

  const find = async () => {
    const states = await Promise.all(hosts.urls.map(probe));
    const index = states.indexOf('primary');
    if (index < 0) {
      const seen = hosts.labels.map((label, i) => `${label} ${states[i]}`).join(', ');
      problem = `no writable primary among the database hosts (${seen}): alarms are refused and not stored until one is promoted`;
      const error = new NoPrimaryError(problem);
      failure = { at: Date.now(), error };
      throw error;
    }
    known = index;
    problem = null;
    failure = null;
    if (previous !== null && previous !== index)
      for (const listener of listeners) listener(hosts.labels[index]!);
    previous = index;
    return hosts.urls[index]!;
  };

  return {
    hosts,
    replicated: true,
    async url() {
      if (known !== null) return hosts.urls[known]!;
      if (failure && Date.now() - failure.at < FAILED_PROBE_REUSE_MS) throw failure.error;
      probing ??= find().finally(() => {
        probing = null;
      });
      return probing;
    },
    lost(url, error) {
      if (known !== null && hosts.urls[known] === url && isPrimaryLoss(error)) known = null;
    },
    problem: () => problem,
    current: () => (known === null ? null : hosts.labels[known]!),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
