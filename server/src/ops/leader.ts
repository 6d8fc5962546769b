import pg from 'pg';
import { Counter, Gauge, type Registry } from 'prom-client';
import { withTimeout } from '../db/database.ts';
import { locatePrimary, type PrimaryLocator } from '../db/primary.ts';

/** Session-level advisory lock: held by the leading node for as long as its connection lives. */
const LEADER_LOCK = 7_301_010;
/** how often a follower tries to take the lead, and the leader checks that its connection still lives */
export const LEADER_RETRY_MS = 2_000;

export interface Leadership {
  isLeader(): boolean;
  /**
   * Runs `sweep` every `intervalMs` on this node while it leads (one run at a time; a follower skips
   * its turns). Deadlines are derived from rows, so a new leader simply continues.
   */
  every(name: string, intervalMs: number, sweep: () => Promise<unknown>, onError: (e: unknown) => void): void;
  close(): Promise<void>;
}

interface LeaderMetrics {
  leader: Gauge;
  sweeps: Counter<'sweep' | 'outcome'>;
}

function leaderMetrics(registry: Registry): LeaderMetrics {
  return {
    leader: new Gauge({
      name: 'aware_leader',
      help: '1 while this node holds the leader lock and runs the sweeps',
      registers: [registry],
    }),
    sweeps: new Counter({
      name: 'aware_sweep_runs_total',
      help: 'Sweep runs on this node, by sweep and outcome (ok, failed)',
      labelNames: ['sweep', 'outcome'] as const,
      registers: [registry],
    }),
  };
}

function scheduler(isLeader: () => boolean, metrics: LeaderMetrics) {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  return {
    every(name: string, intervalMs: number, sweep: () => Promise<unknown>, onError: (e: unknown) => void) {
      const schedule = () => {
        if (closed) return;
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!isLeader()) return schedule();
          sweep()
            .then(
              () => metrics.sweeps.inc({ sweep: name, outcome: 'ok' }),
              (error) => {
                metrics.sweeps.inc({ sweep: name, outcome: 'failed' });
                onError(error);
              },
            )
            .finally(schedule);
        }, intervalMs);
        timer.unref();
        timers.add(timer);
      };
      schedule();
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** Embedded database: one process, so it always leads. */
export function soleLeader(registry: Registry): Leadership {
  const metrics = leaderMetrics(registry);
  metrics.leader.set(1);
  const sweeps = scheduler(() => true, metrics);
  return { isLeader: () => true, every: sweeps.every, close: async () => sweeps.close() };
}

/**
 * Several nodes on one PostgreSQL: the node whose dedicated connection holds the leader lock runs the
 * sweeps. When that node dies its session ends, PostgreSQL releases the lock, and a follower takes it
 * on its next try. A leader that loses its connection (or cannot use it) steps down at once.
 */
export async function electLeader(
  database: string | PrimaryLocator,
  registry: Registry,
  log: { info(o: object, m: string): void; warn(o: object, m: string): void },
  retryMs = LEADER_RETRY_MS,
): Promise<Leadership> {
  const metrics = leaderMetrics(registry);
  // the lock lives on the primary: after a failover it is taken again there (the old one's sessions are gone)
  const primary = typeof database === 'string' ? locatePrimary(database) : database;
  let client: pg.Client | null = null;
  let leading = false;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  const setLeading = (value: boolean) => {
    if (value !== leading)
      log.info({ leader: value }, value ? 'took the lead: sweeps run here' : 'stepped down');
    leading = value;
    metrics.leader.set(value ? 1 : 0);
  };
  const drop = (c: pg.Client) => {
    if (client === c) client = null;
    setLeading(false);
    c.end().catch(() => {});
  };

  const hostOf = new WeakMap<pg.Client, string>();
  async function connect(): Promise<pg.Client> {
    const url = await primary.url();
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000, keepAlive: true });
    hostOf.set(c, url);
    c.on('error', (error) => {
      primary.lost(url, error);
      drop(c);
    });
    c.on('end', () => drop(c));
    try {
      await c.connect();
      // A leader host that vanishes without closing its socket must lose the lock within ~30 s.
      await c.query(
        'set tcp_keepalives_idle = 10; set tcp_keepalives_interval = 5; set tcp_keepalives_count = 3',
      );
      return c;
    } catch (error) {
      primary.lost(url, error);
      c.end().catch(() => {});
      throw error;
    }
  }

  async function attempt() {
    if (!client) client = await connect();
    const c = client;
    try {
      if (leading) {
        await withTimeout(c.query('select 1'), retryMs, 'leader check');
        return;
      }
      const got = await withTimeout(
        c.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [LEADER_LOCK]),
        retryMs,
        'leader lock',
      );
      setLeading(got.rows[0]?.ok === true);
    } catch (error) {
      // an unusable connection: whatever it held is released when PostgreSQL ends its session
      primary.lost(hostOf.get(c) ?? '', error);
      drop(c);
      throw error;
    }
  }

  let failing = false;
  async function tick() {
    try {
      await attempt();
      failing = false;
    } catch (error) {
      if (!failing && !closed) log.warn({ errorName: (error as Error).name }, 'leader election: no database');
      failing = true;
    }
    if (!closed) {
      timer = setTimeout(() => void tick(), retryMs);
      timer.unref();
    }
  }

  metrics.leader.set(0);
  await tick();
  const sweeps = scheduler(() => leading, metrics);
  return {
    isLeader: () => leading,
    every: sweeps.every,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      sweeps.close();
      const c = client;
      client = null;
      setLeading(false);
      await c?.end().catch(() => {});
    },
  };
}
