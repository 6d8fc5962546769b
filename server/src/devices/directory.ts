import type { Database } from '../db/index.ts';
import type { IngestProtocol } from '../ingest/device-event.ts';

/** What the ingest path needs to know about a device, cached briefly so heartbeats cost no lookup. */
export interface DeviceRoute {
  id: string;
  caseId: string | null;
  regionId: string;
  testMode: boolean;
  keySealed: string | null;
  vendor: string;
}

const TTL_MS = 5_000;

export function createDeviceDirectory(db: Database) {
  const cache = new Map<string, { route: DeviceRoute | null; at: number }>();
  const keyOf = (protocol: IngestProtocol, account: string) => `${protocol}:${account}`;

  return {
    async find(protocol: IngestProtocol, account: string): Promise<DeviceRoute | null> {
      const key = keyOf(protocol, account);
      const hit = cache.get(key);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.route;
      const r = await db.query<DeviceRoute>(
        `select d.id, d.case_id as "caseId", o.region_id as "regionId", d.test_mode as "testMode", d.key_sealed as "keySealed", d.vendor
         from devices d join organisations o on o.id = d.organisation_id
         where d.protocol = $1 and d.account = $2 and d.state not in ('retired')`,
        [protocol, account],
      );
      const route = r.rows[0] ?? null;
      if (cache.size > 100_000) cache.clear();
      cache.set(key, { route, at: Date.now() });
      return route;
    },
    /** Call after any device write so the next frame sees the change. */
    invalidate() {
      cache.clear();
    },
  };
}

export type DeviceDirectory = ReturnType<typeof createDeviceDirectory>;
