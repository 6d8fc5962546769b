import type { Queryable } from '../db/index.ts';
import type { Position } from '../ingest/device-event.ts';
import { type AlarmKind, type AlarmState, RETRANSMISSION_WINDOW_MINUTES } from './rules.ts';

export interface NewAlarm {
  deviceId: string;
  caseId: string | null;
  regionId: string;
  kind: AlarmKind;
  isTest: boolean;
  sequence: string | null;
  dedupeKey: string;
  code: string | null;
  text: string | null;
  occurredAt: Date | null;
  receivedAt: Date;
  position: Position | null;
  batteryPercent: number | null;
  raw: string;
}

export async function lockDevice(tx: Queryable, deviceId: string) {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [deviceId]);
}

/** An alarm already stored for this event: same kind and sequence recently or at the same device time. */
export async function findRetransmission(
  tx: Queryable,
  deviceId: string,
  kind: AlarmKind,
  sequence: string | null,
  occurredAt: Date | null,
): Promise<string | null> {
  const r = await tx.query<{ id: string }>(
    `select id from alarms
     where device_id = $1 and kind = $2
       and (($3::text is not null and sequence = $3
              and (occurred_at = $4 or received_at > now() - make_interval(mins => $5)))
         or ($3::text is null and $4::timestamptz is not null and occurred_at = $4))
     order by received_at desc limit 1`,
    [deviceId, kind, sequence, occurredAt, RETRANSMISSION_WINDOW_MINUTES],
  );
  return r.rows[0]?.id ?? null;
}

export async function insertAlarm(tx: Queryable, a: NewAlarm): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into alarms (device_id, case_id, region_id, kind, is_test, dedupe_key, code, text, occurred_at, received_at,
       lat, lon, accuracy, altitude, position_raw, battery_percent, raw, sequence)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) returning id`,
    [
      a.deviceId,
      a.caseId,
      a.regionId,
      a.kind,
      a.isTest,
      a.dedupeKey,
      a.code,
      a.text,
      a.occurredAt,
      a.receivedAt,
      a.position?.lat ?? null,
      a.position?.lon ?? null,
      a.position?.accuracy ?? null,
      a.position?.altitude ?? null,
      a.position?.raw ?? null,
      a.batteryPercent,
      a.raw,
      a.sequence,
    ],
  );
  return r.rows[0]!.id;
}

export async function insertAlarmEvent(
  tx: Queryable,
  e: {
    alarmId: string;
    actorId: string | null;
    actorLabel: string;
    from: AlarmState | null;
    to: AlarmState;
    note?: string;
  },
) {
  await tx.query(
    'insert into alarm_events (alarm_id, actor_id, actor_label, from_state, to_state, note) values ($1, $2, $3, $4, $5, $6)',
    [e.alarmId, e.actorId, e.actorLabel, e.from, e.to, e.note ?? null],
  );
}

export async function findOpenAlarmOfKind(tx: Queryable, deviceId: string, kind: AlarmKind) {
  const r = await tx.query<{ id: string; regionId: string }>(
    `select id, region_id as "regionId" from alarms where device_id = $1 and kind = $2 and state <> 'resolved'
     order by received_at desc limit 1`,
    [deviceId, kind],
  );
  return r.rows[0] ?? null;
}

export async function resolveAlarm(tx: Queryable, alarmId: string, outcome: string) {
  const r = await tx.query<{ state: AlarmState }>(
    `update alarms a set state = 'resolved', outcome = $2, resolved_at = now()
     from (select id, state from alarms where id = $1 for update) prev
     where a.id = prev.id and prev.state <> 'resolved' returning prev.state`,
    [alarmId, outcome],
  );
  return r.rows[0]?.state ?? null;
}

export interface AlarmView {
  id: string;
  kind: AlarmKind;
  state: AlarmState;
  isTest: boolean;
  deviceId: string;
  deviceAccount: string;
  caseId: string | null;
  caseReference: string | null;
  regionId: string;
  code: string | null;
  receivedAt: Date;
  occurredAt: Date | null;
  position: { lat: number; lon: number; accuracy: number | null } | null;
  batteryPercent: number | null;
  outcome: string | null;
}

const ALARM_VIEW = `
  select a.id, a.kind, a.state, a.is_test as "isTest", a.device_id as "deviceId", d.account as "deviceAccount",
         a.case_id as "caseId", c.reference as "caseReference", a.region_id as "regionId", a.code,
         a.received_at as "receivedAt", a.occurred_at as "occurredAt",
         case when a.lat is null then null else json_build_object('lat', a.lat, 'lon', a.lon, 'accuracy', a.accuracy) end as position,
         a.battery_percent as "batteryPercent", a.outcome
  from alarms a join devices d on d.id = a.device_id left join cases c on c.id = a.case_id`;

const parsePosition = (row: AlarmView): AlarmView =>
  typeof row.position === 'string' ? { ...row, position: JSON.parse(row.position) } : row;

/** Open alarms, panics first, oldest first within a kind: never paged, an operator sees them all. */
export async function listAlarms(
  db: Queryable,
  filter: { regionIds: string[] | null; open: boolean; limit: number | null },
): Promise<AlarmView[]> {
  const r = await db.query<AlarmView>(
    `${ALARM_VIEW}
     where ($1::uuid[] is null or a.region_id = any($1::uuid[]))
       and (not $2 or a.state <> 'resolved')
     order by (a.kind = 'panic' and not a.is_test) desc, a.received_at asc
     limit $3`,
    [filter.regionIds, filter.open, filter.limit],
  );
  return r.rows.map(parsePosition);
}

export async function findAlarm(db: Queryable, id: string): Promise<AlarmView | null> {
  const r = await db.query<AlarmView>(`${ALARM_VIEW} where a.id = $1`, [id]);
  const row = r.rows[0];
  return row ? parsePosition(row) : null;
}
