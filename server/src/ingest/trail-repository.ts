import type { Queryable } from '../db/index.ts';

/** One position of a device's trail after an alarm, kept with that alarm. */
export async function insertAlarmPosition(
  db: Queryable,
  alarmId: string,
  at: Date,
  positionSealed: string,
): Promise<void> {
  await db.query('insert into alarm_positions (alarm_id, at, position_sealed) values ($1, $2, $3)', [
    alarmId,
    at,
    positionSealed,
  ]);
}
