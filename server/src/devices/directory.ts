import type { Database } from '../db/index.ts';
import type { IngestProtocol } from '../events/device-event.ts';
import { type DeviceRoute, deviceRoutes } from './route-repository.ts';

export type { DeviceRoute } from './route-repository.ts';

// A known device is served from memory and refreshed in the background once its entry is older
// than FRESH_MS (with jitter, so a fleet cached at once does not refresh at once). Unknown accounts are
// asked again after UNKNOWN_MS: a device registered on another node must not wait long.
const FRESH_MS = 15_000;
const UNKNOWN_MS = 3_000;
/** accounts asked in one statement */
const MAX_BATCH = 1_000;
const MAX_ENTRIES = 200_000;

interface Entry {
  route: DeviceRoute | null;
  staleAt: number;
}

interface Waiter {
  resolve(route: DeviceRoute | null): void;
  reject(error: unknown): void;
}

/**
 * Look-ups are batched: every account asked (a miss) or due for refresh within one turn of the event
 * loop goes to the database in one statement. A fleet reconnecting at once, or the whole cache
 * emptied by a device change, costs a few statements rather than one per device.
 */
export function createDeviceDirectory(db: Database) {
  const cache = new Map<IngestProtocol, Map<string, Entry>>();
  const pending = new Map<IngestProtocol, Map<string, Waiter[]>>();
  let size = 0;
  let generation = 0;
  let scheduled = false;

  const cacheOf = (protocol: IngestProtocol) => {
    let map = cache.get(protocol);
    if (!map) {
      map = new Map();
      cache.set(protocol, map);
    }
    return map;
  };

  function store(protocol: IngestProtocol, account: string, route: DeviceRoute | null) {
    if (size > MAX_ENTRIES) {
      cache.clear();
      size = 0;
    }
    const map = cacheOf(protocol);
    if (!map.has(account)) size += 1;
    const ttl = route ? FRESH_MS * (0.75 + Math.random() * 0.5) : UNKNOWN_MS;
    map.set(account, { route, staleAt: Date.now() + ttl });
  }

  async function loadBatch(protocol: IngestProtocol, batch: Map<string, Waiter[]>) {
    const asked = generation;
    const accounts = [...batch.keys()];
    try {
      const rows = await deviceRoutes(db, protocol, accounts);
      const found = new Map<string, DeviceRoute>();
      for (const { account, ...route } of rows) found.set(account, route);
      for (const [account, waiters] of batch) {
        const route = found.get(account) ?? null;
        // a device changed while this was asked: serve the answer, but do not keep it
        if (asked === generation) store(protocol, account, route);
        for (const w of waiters) w.resolve(route);
      }
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    }
  }

  function flush() {
    scheduled = false;
    for (const [protocol, accounts] of pending) {
      pending.delete(protocol);
      let batch = new Map<string, Waiter[]>();
      for (const [account, waiters] of accounts) {
        batch.set(account, waiters);
        if (batch.size >= MAX_BATCH) {
          void loadBatch(protocol, batch);
          batch = new Map();
        }
      }
      if (batch.size > 0) void loadBatch(protocol, batch);
    }
  }

  /** Queues the account for the next batch; `waiter` is told the answer (none: a background refresh). */
  function ask(protocol: IngestProtocol, account: string, waiter?: Waiter) {
    let accounts = pending.get(protocol);
    if (!accounts) {
      accounts = new Map();
      pending.set(protocol, accounts);
    }
    const waiters = accounts.get(account);
    if (waiters) {
      if (waiter) waiters.push(waiter);
    } else accounts.set(account, waiter ? [waiter] : []);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  }

  return {
    find(protocol: IngestProtocol, account: string): Promise<DeviceRoute | null> {
      const hit = cache.get(protocol)?.get(account);
      if (hit) {
        const now = Date.now();
        if (hit.staleAt >= now) return Promise.resolve(hit.route);
        if (hit.route) {
          // serve what we know now; the next frame sees the refreshed entry
          hit.staleAt = now + FRESH_MS;
          ask(protocol, account);
          return Promise.resolve(hit.route);
        }
      }
      return new Promise((resolve, reject) => ask(protocol, account, { resolve, reject }));
    },
    /** Call after any device write so the next frame sees the change. */
    invalidate() {
      generation += 1;
      cache.clear();
      size = 0;
    },
  };
}

export type DeviceDirectory = ReturnType<typeof createDeviceDirectory>;
