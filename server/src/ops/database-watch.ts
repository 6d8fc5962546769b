import type { Database } from '../db/index.ts';
import type { Metrics } from '../metrics/registry.ts';

export type DatabaseState = 'up' | 'down';

export interface DatabaseWatch {
  state(): DatabaseState;
  /** called on every change, not on every check */
  subscribe(listener: (state: DatabaseState) => void): () => void;
  stop(): void;
}

const CHECK_MS = 1_000;
const PING_TIMEOUT_MS = 2_000;
/** one slow answer under load is not an outage */
const FAILURES_FOR_DOWN = 2;

/**
 * Pings the database every second so the consoles can show an outage while it lasts: during one,
 * panics are refused (NAK) and not stored, and operators must know to fall back on the phone.
 */
export function watchDatabase(db: Database, metrics: Metrics): DatabaseWatch {
  const listeners = new Set<(state: DatabaseState) => void>();
  let state: DatabaseState = 'up';
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const set = (next: DatabaseState) => {
    metrics.databaseUp.set(next === 'up' ? 1 : 0);
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(next);
  };

  const check = async () => {
    const up = await db.ping(PING_TIMEOUT_MS);
    failures = up ? 0 : failures + 1;
    if (up) set('up');
    else if (failures >= FAILURES_FOR_DOWN) set('down');
    if (!stopped) {
      timer = setTimeout(() => void check(), CHECK_MS);
      timer.unref();
    }
  };
  timer = setTimeout(() => void check(), CHECK_MS);
  timer.unref();

  return {
    state: () => state,
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
