import type { Database } from '../db/index.ts';
import type { IngestProtocol } from '../events/device-event.ts';

/** What the ingest path needs to know about a device, cached briefly so heartbeats cost no lookup. */
export interface DeviceRoute {
  id: string;
  caseId: string | null;
  regionId: string;
  testMode: boolean;
  keySealed: string | null;
  vendor: string;
}

// A known device is served from memory and refreshed in the background once its entry is older
// than FRESH_MS (with jitter, so a fleet cached at once does not refresh at once). Unknown accounts are
// asked again after UNKNOWN_MS: a device registered on another node must not wait long.
const FRESH_MS = 15_000;
const UNKNOWN_MS = 3_000;

export function createDeviceDirectory(db: Database) {
  const cache = new Map<string, { route: DeviceRoute | null; staleAt: number }>();
  const inFlight = new Map<string, Promise<DeviceRoute | null>>();
  const keyOf = (protocol: IngestProtocol, account: string) => `${protocol}:${account}`;

  function load(key: string, protocol: IngestProtocol, account: string): Promise<DeviceRoute | null> {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const query = db
      .query<DeviceRoute>(
        `select d.id, d.case_id as "caseId", o.region_id as "regionId", d.test_mode as "testMode",
                d.key_sealed as "keySealed", d.vendor
         from devices d join organisations o on o.id = d.organisation_id
         where d.protocol = $1 and d.account = $2 and d.state not in ('retired')`,
        [protocol, account],
      )
      .then((r) => {
        const route = r.rows[0] ?? null;
        if (cache.size > 200_000) cache.clear();
        const ttl = route ? FRESH_MS * (0.75 + Math.random() * 0.5) : UNKNOWN_MS;
        cache.set(key, { route, staleAt: Date.now() + ttl });
        return route;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, query);
    return query;
  }

  return {
    async find(protocol: IngestProtocol, account: string): Promise<DeviceRoute | null> {
      const key = keyOf(protocol, account);
      const hit = cache.get(key);
      if (hit?.route && hit.staleAt < Date.now()) {
        // serve what we know now; the next frame sees the refreshed entry
        load(key, protocol, account).catch(() => {});
        return hit.route;
      }
      if (hit && hit.staleAt >= Date.now()) return hit.route;
      return load(key, protocol, account);
    },
    /** Call after any device write so the next frame sees the change. */
    invalidate() {
      cache.clear();
    },
  };
}

export type DeviceDirectory = ReturnType<typeof createDeviceDirectory>;
