import type { Queryable } from '../db/index.ts';
import type { AlarmChanged } from './bus.ts';

/** The newest alarm event id: where a node starts counting what it has seen. */
export async function newestAlarmEventId(db: Queryable): Promise<number> {
  const r = await db.query<{ id: number | string }>('select coalesce(max(id), 0) as id from alarm_events');
  return Number(r.rows[0]!.id);
}

/**
 * Alarm events after `after` that are not in `seen` (ids above `after` this node already delivered),
 * oldest first: what a node's consoles missed while its LISTEN connection was down.
 */
export async function alarmEventsMissed(
  db: Queryable,
  after: number,
  seen: number[],
  limit: number,
): Promise<AlarmChanged[]> {
  const r = await db.query<{ alarmId: string; regionId: string; eventId: number | string }>(
    `select e.alarm_id as "alarmId", a.region_id as "regionId", e.id as "eventId"
     from alarm_events e join alarms a on a.id = e.alarm_id
     where e.id > $1 and e.id <> all($2::bigint[])
     order by e.id limit $3`,
    [after, seen, limit],
  );
  return r.rows.map((row) => ({ type: 'alarm', ...row, eventId: Number(row.eventId) }));
}
