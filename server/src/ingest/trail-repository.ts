import type { Queryable } from '../db/index.ts';

/** One position of a device's trail after an alarm, kept with that alarm; answers its id. */
export async function insertAlarmPosition(
  db: Queryable,
  alarmId: string,
  at: Date,
  positionSealed: string,
): Promise<string> {
  const r = await db.query<{ id: string }>(
    'insert into alarm_positions (alarm_id, at, position_sealed) values ($1, $2, $3) returning id::text',
    [alarmId, at, positionSealed],
  );
  return r.rows[0]!.id;
}
