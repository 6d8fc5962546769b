import type { Queryable } from '../db/index.ts';
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

/** The routes of the given accounts of one protocol; retired devices and unknown accounts are left out. */
export async function deviceRoutes(
  db: Queryable,
  protocol: IngestProtocol,
  accounts: string[],
): Promise<(DeviceRoute & { account: string })[]> {
  const r = await db.query<DeviceRoute & { account: string }>(
    `select d.account, d.id, d.case_id as "caseId", o.region_id as "regionId", d.test_mode as "testMode",
                d.key_sealed as "keySealed", d.vendor
         from devices d join organisations o on o.id = d.organisation_id
         where d.protocol = $1 and d.account = any($2::text[]) and d.state not in ('retired')`,
    [protocol, accounts],
  );
  return r.rows;
}
