import { withTimeout } from '../db/database.ts';
import type { Database } from '../db/index.ts';
import type { Metrics } from '../metrics/registry.ts';
import { type Replication, readReplicationFacts, replicationOf } from './replication.ts';

export type DatabaseState = 'up' | 'down';

/**
 * The one view of the database that `/health` and the consoles' `status` event both tell, so a load
 * balancer and an operator never hear two stories.
 */
export interface DatabaseWatch {
  state(): DatabaseState;
  /**
   * The state as of now, from a check that starts after the call (callers at the same moment share one):
   * for those that just saw a failure, or must not answer from a second-old state (`/health`).
   */
  current(): Promise<DatabaseState>;
  /** why the database is down (no writable primary, or no answer); null while it is up */
  reason(): string | null;
  /** where an acknowledged alarm is, as of the last look (every second); null before the first */
  replication(): Replication | null;
  /** called on every change, not on every check */
  subscribe(listener: (state: DatabaseState) => void): () => void;
  stop(): void;
}

const CHECK_MS = 1_000;
const PING_TIMEOUT_MS = 2_000;
/** one slow answer under load is not an outage: a failed ping is tried again at once before saying `down` */
const PINGS_FOR_DOWN = 2;
/**
 * how often the primary is asked about its synchronous standby: every check, so `/health` says within
 * a second or two that commits wait for a standby that is gone
 */
const REPLICATION_CHECK_MS = CHECK_MS;
const DOWN_REASON = 'the database does not answer: alarms are refused and not stored';

export interface WatchOptions {
  /** DATABASE_URL names several hosts: a synchronous standby is expected */
  replicated?: boolean;
  /** told once each time replication changes, e.g. to log loudly that alarms are on one host only */
  onReplication?: (replication: Replication) => void;
}

/**
 * Pings the database every second so the consoles can show an outage while it lasts: during one,
 * panics are refused (NAK) and not stored, and operators must know to fall back on the phone.
 */
export function watchDatabase(db: Database, metrics: Metrics, options: WatchOptions = {}): DatabaseWatch {
  const listeners = new Set<(state: DatabaseState) => void>();
  let state: DatabaseState = 'up';
  let replication: Replication | null = db.engine === 'pglite' ? 'single host' : null;
  let replicationCheckedAt = 0;
  const lookAtReplication = async () => {
    if (db.engine !== 'postgres' || Date.now() - replicationCheckedAt < REPLICATION_CHECK_MS) return;
    replicationCheckedAt = Date.now();
    try {
      const facts = await withTimeout(
        readReplicationFacts(db, options.replicated ?? false),
        PING_TIMEOUT_MS,
        'replication check',
      );
      const next = replicationOf(facts);
      metrics.databaseSynchronous.set(next === 'synchronous' ? 1 : 0);
      metrics.databaseWaitingForStandby.set(next === 'waiting for standby' ? 1 : 0);
      if (next !== replication) options.onReplication?.(next);
      replication = next;
    } catch {
      // the ping says whether the database is down; this look is tried again next time
    }
  };
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<DatabaseState> | null = null;
  /** the check that follows the one under way, shared by everyone who asked meanwhile */
  let following: Promise<DatabaseState> | null = null;

  const set = (next: DatabaseState) => {
    metrics.databaseUp.set(next === 'up' ? 1 : 0);
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(next);
  };

  const ping = async () => {
    for (let attempt = 1; attempt <= PINGS_FOR_DOWN; attempt++) {
      if (await db.ping(PING_TIMEOUT_MS)) return true;
    }
    return false;
  };

  const check = () => {
    running ??= ping().then(async (up) => {
      if (up && !stopped) await lookAtReplication();
      running = null;
      if (!stopped) set(up ? 'up' : 'down');
      return state;
    });
    return running;
  };

  const tick = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void check().then(tick);
    }, CHECK_MS);
    timer.unref();
  };
  void check().then(tick);

  return {
    state: () => state,
    reason: () => (state === 'up' ? null : (db.outage?.() ?? DOWN_REASON)),
    replication: () => replication,
    current() {
      // a ping already under way may have been answered before the caller saw the failure: wait for the next
      if (!running) return check();
      following ??= running.then(() => {
        following = null;
        return check();
      });
      return following;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      listeners.clear();
    },
  };
}
