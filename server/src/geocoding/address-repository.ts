import type { Queryable } from '../db/index.ts';

export interface AddressedAlarm {
  alarmId: string;
  regionId: string;
  /** the alarm's newest step: consoles told of the change read the alarm again */
  eventId: number;
}

const NEWEST_STEP = '(select max(e.id) from alarm_events e where e.alarm_id = a.id)::int';

/** Adds the address to an alarm's own position; null when the alarm is gone (erased meanwhile). */
export async function storeAlarmAddress(
  db: Queryable,
  alarmId: string,
  addressSealed: string,
): Promise<AddressedAlarm | null> {
  const r = await db.query<AddressedAlarm>(
    `update alarms a set address_sealed = $2 where a.id = $1 and a.position_sealed is not null
     returning a.id as "alarmId", a.region_id as "regionId", ${NEWEST_STEP} as "eventId"`,
    [alarmId, addressSealed],
  );
  return r.rows[0] ?? null;
}

/** Adds the address to one point of an alarm's trail. */
export async function storeTrailAddress(
  db: Queryable,
  pointId: string,
  addressSealed: string,
): Promise<AddressedAlarm | null> {
  const r = await db.query<AddressedAlarm>(
    `update alarm_positions p set address_sealed = $2 from alarms a
     where p.id = $1 and a.id = p.alarm_id
     returning a.id as "alarmId", a.region_id as "regionId", ${NEWEST_STEP} as "eventId"`,
    [pointId, addressSealed],
  );
  return r.rows[0] ?? null;
}
