import type { Queryable } from '../db/index.ts';
import type { AlarmChanged } from './bus.ts';

/** The newest alarm event id and the database's clock: where a node starts counting what it has seen. */
export async function replayStart(db: Queryable): Promise<{ eventId: number; now: Date }> {
  const r = await db.query<{ id: number | string; now: Date }>(
    'select coalesce(max(id), 0) as id, now() as now from alarm_events',
  );
  return { eventId: Number(r.rows[0]!.id), now: r.rows[0]!.now };
}

/**
 * Alarm events after `after`, written since `since` and not dated in the future (so history loaded later,
 * e.g. demo data, is not replayed as live; a live event is never younger than the snapshot that sees it),
 * that are not in `seen` (ids this node already delivered), oldest first: what a node's consoles missed
 * while its LISTEN connection was down.
 */
export async function alarmEventsMissed(
  db: Queryable,
  q: { after: number; since: Date; seen: number[]; limit: number },
): Promise<AlarmChanged[]> {
  const r = await db.query<{ alarmId: string; regionId: string; eventId: number | string }>(
    `select e.alarm_id as "alarmId", a.region_id as "regionId", e.id as "eventId"
     from alarm_events e join alarms a on a.id = e.alarm_id
     where e.id > $1 and e.at between $2 and now() and e.id <> all($3::bigint[])
     order by e.id limit $4`,
    [q.after, q.since, q.seen, q.limit],
  );
  return r.rows.map((row) => ({ type: 'alarm', ...row, eventId: Number(row.eventId) }));
}
