import type { Queryable } from '../db/index.ts';

export const DEVICE_STATES = [
  'in_stock',
  'issued',
  'in_repair',
  'lost',
  'stolen',
  'returned',
  'retired',
] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];
export const DEVICE_PROTOCOLS = ['dc09', 'osmand', 'webhook', 'traccar'] as const;

export interface DeviceRow {
  id: string;
  organisationId: string;
  organisationName: string;
  regionId: string;
  vendor: string;
  model: string;
  serial: string;
  imei: string | null;
  simNumber: string | null;
  protocol: (typeof DEVICE_PROTOCOLS)[number];
  account: string;
  hasKey: boolean;
  rentPerQuarterCents: number;
  state: DeviceState;
  testMode: boolean;
  caseId: string | null;
  caseReference: string | null;
  heartbeatIntervalSeconds: number;
  lastHeartbeatAt: Date | null;
  batteryPercent: number | null;
  charging: boolean | null;
  lastPositionSealed: string | null;
}

const DEVICE_VIEW = `
  select d.id, d.organisation_id as "organisationId", o.name as "organisationName", o.region_id as "regionId",
         d.vendor, d.model, d.serial, d.imei, d.sim_number as "simNumber", d.protocol, d.account,
         d.key_sealed is not null as "hasKey", d.rent_per_quarter_cents as "rentPerQuarterCents", d.state,
         d.test_mode as "testMode", d.case_id as "caseId", c.reference as "caseReference",
         d.heartbeat_interval_seconds as "heartbeatIntervalSeconds", d.last_seen_at as "lastHeartbeatAt",
         d.battery_percent as "batteryPercent", d.charging,
         d.last_position_sealed as "lastPositionSealed"
  from devices d join organisations o on o.id = d.organisation_id left join cases c on c.id = d.case_id`;

export async function listDevices(
  db: Queryable,
  f: { organisationIds: string[] | null; regionIds: string[] | null; state?: string; q?: string },
): Promise<DeviceRow[]> {
  const r = await db.query<DeviceRow>(
    `${DEVICE_VIEW}
     where ($1::uuid[] is null or d.organisation_id = any($1::uuid[]))
       and ($2::uuid[] is null or o.region_id = any($2::uuid[]))
       and ($3::text is null or d.state = $3)
       and ($4::text is null or d.serial ilike $4 or d.account ilike $4 or d.imei ilike $4 or d.model ilike $4
            or d.vendor ilike $4 or c.reference ilike $4)
     order by d.vendor, d.serial`,
    [f.organisationIds, f.regionIds, f.state ?? null, f.q ? `%${f.q.replace(/[\\%_]/g, '\\$&')}%` : null],
  );
  return r.rows;
}

export async function findDevice(db: Queryable, id: string): Promise<DeviceRow | null> {
  const r = await db.query<DeviceRow>(`${DEVICE_VIEW} where d.id = $1`, [id]);
  return r.rows[0] ?? null;
}

export interface DeviceFields {
  organisationId: string;
  vendor: string;
  model: string;
  serial: string;
  imei: string | null;
  simNumber: string | null;
  protocol: string;
  account: string;
  keySealed: string | null;
  rentPerQuarterCents: number;
  heartbeatIntervalSeconds: number;
}

export async function insertDevice(db: Queryable, d: DeviceFields): Promise<string> {
  const r = await db.query<{ id: string }>(
    `insert into devices (organisation_id, vendor, model, serial, imei, sim_number, protocol, account, key_sealed,
       rent_per_quarter_cents, heartbeat_interval_seconds)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [
      d.organisationId,
      d.vendor,
      d.model,
      d.serial,
      d.imei,
      d.simNumber,
      d.protocol,
      d.account,
      d.keySealed,
      d.rentPerQuarterCents,
      d.heartbeatIntervalSeconds,
    ],
  );
  return r.rows[0]!.id;
}

const COLUMN: Record<string, string> = {
  vendor: 'vendor',
  model: 'model',
  serial: 'serial',
  imei: 'imei',
  simNumber: 'sim_number',
  protocol: 'protocol',
  account: 'account',
  keySealed: 'key_sealed',
  rentPerQuarterCents: 'rent_per_quarter_cents',
  heartbeatIntervalSeconds: 'heartbeat_interval_seconds',
  state: 'state',
  testMode: 'test_mode',
  caseId: 'case_id',
};

export async function updateDevice(db: Queryable, id: string, patch: Record<string, unknown>) {
  const entries = Object.entries(patch).filter(([k, v]) => v !== undefined && COLUMN[k]);
  if (entries.length === 0) return;
  const sets = entries.map(([k], i) => `${COLUMN[k]} = $${i + 2}`).join(', ');
  await db.query(`update devices set ${sets} where id = $1`, [id, ...entries.map(([, v]) => v)]);
}

export async function openAssignment(db: Queryable, deviceId: string, caseId: string, by: string | null) {
  await db.query('insert into device_assignments (device_id, case_id, assigned_by) values ($1, $2, $3)', [
    deviceId,
    caseId,
    by,
  ]);
}

export async function closeAssignment(db: Queryable, deviceId: string, by: string | null) {
  await db.query(
    'update device_assignments set unassigned_at = now(), unassigned_by = $2 where device_id = $1 and unassigned_at is null',
    [deviceId, by],
  );
}

export interface AssignmentRow {
  caseId: string;
  caseReference: string;
  assignedAt: Date;
  unassignedAt: Date | null;
}

export async function listAssignments(db: Queryable, deviceId: string): Promise<AssignmentRow[]> {
  const r = await db.query<AssignmentRow>(
    `select a.case_id as "caseId", c.reference as "caseReference", a.assigned_at as "assignedAt",
            a.unassigned_at as "unassignedAt"
     from device_assignments a join cases c on c.id = a.case_id where a.device_id = $1 order by a.assigned_at desc`,
    [deviceId],
  );
  return r.rows;
}

export async function regionOfOrganisation(db: Queryable, organisationId: string): Promise<string | null> {
  const r = await db.query<{ regionId: string }>(
    'select region_id as "regionId" from organisations where id = $1',
    [organisationId],
  );
  return r.rows[0]?.regionId ?? null;
}

export async function regionOfCase(db: Queryable, caseId: string): Promise<string | null> {
  const r = await db.query<{ regionId: string }>('select region_id as "regionId" from cases where id = $1', [
    caseId,
  ]);
  return r.rows[0]?.regionId ?? null;
}
