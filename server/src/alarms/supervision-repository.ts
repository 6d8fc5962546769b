import type { Queryable } from '../db/index.ts';

export interface SupervisedDevice {
  id: string;
  account: string;
  caseId: string | null;
  regionId: string;
  lastSeenAt: Date | null;
  issuedAt: Date;
  heartbeatIntervalSeconds: number;
  batteryPercent: number | null;
  charging: boolean | null;
}

/** Takes the transaction-scoped advisory lock `key` if it is free; false when another node holds it. */
export async function trySupervisionLock(tx: Queryable, key: number): Promise<boolean> {
  const lock = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [key]);
  return Boolean(lock.rows[0]?.ok);
}

/**
 * Every issued device, with when it was issued (its latest assignment, else its creation). In the order the
 * alarm lane locks devices (their id as text), so a sweep and a batch of alarms never wait for each other in a
 * circle.
 */
export async function supervisedDevices(tx: Queryable): Promise<SupervisedDevice[]> {
  const r = await tx.query<SupervisedDevice>(
    `select d.id, d.account, d.case_id as "caseId", o.region_id as "regionId", d.last_seen_at as "lastSeenAt",
                coalesce((select max(a.assigned_at) from device_assignments a where a.device_id = d.id), d.created_at) as "issuedAt",
                d.heartbeat_interval_seconds as "heartbeatIntervalSeconds", d.battery_percent as "batteryPercent", d.charging
         from devices d join organisations o on o.id = d.organisation_id where d.state = 'issued'
         order by d.id::text`,
  );
  return r.rows;
}

/**
 * Open technical alarms whose cause is gone: the device was heard after a supervision alarm, or after a
 * low-battery alarm its battery is back to `recoveredPercent` or charging.
 */
export async function recoveredTechnicalAlarms(
  tx: Queryable,
  recoveredPercent: number,
): Promise<{ id: string; regionId: string; kind: string }[]> {
  const r = await tx.query<{ id: string; regionId: string; kind: string }>(
    `select a.id, a.region_id as "regionId", a.kind from alarms a join devices d on d.id = a.device_id
         where a.state <> 'resolved' and (
           (a.kind = 'supervision' and d.last_seen_at > a.received_at) or
           (a.kind = 'low_battery' and (d.battery_percent >= $1 or d.charging) and d.last_seen_at > a.received_at))`,
    [recoveredPercent],
  );
  return r.rows;
}
