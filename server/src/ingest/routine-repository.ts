import type { Queryable } from '../db/index.ts';

/** A routine update for one device: heartbeat, battery and the last known position. */
export interface RoutineUpdate {
  deviceId: string;
  seenAt: Date;
  batteryPercent: number | null;
  charging: boolean | null;
  /** the last known position and when it was taken; sealed only when this update is the one written */
  position: { seal(): string; at: Date } | null;
}

/** Writes one update per device (at most one row per device id) in one statement; nothing moves backwards. */
export async function writeRoutineUpdates(db: Queryable, rows: RoutineUpdate[]): Promise<void> {
  await db.query(
    `update devices d set
         last_seen_at = greatest(d.last_seen_at, u.seen_at),
         battery_percent = coalesce(u.battery, d.battery_percent),
         charging = coalesce(u.charging, d.charging),
         last_position_sealed = coalesce(u.position_sealed, d.last_position_sealed),
         last_position_at = coalesce(u.position_at, d.last_position_at)
       from (select * from unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::boolean[], $5::text[], $6::timestamptz[])
             as t(id, seen_at, battery, charging, position_sealed, position_at)) u
       where d.id = u.id`,
    [
      rows.map((r) => r.deviceId),
      // ISO text: the driver's own Date formatting costs several times more per element
      rows.map((r) => r.seenAt.toISOString()),
      rows.map((r) => r.batteryPercent),
      rows.map((r) => r.charging),
      rows.map((r) => r.position?.seal() ?? null),
      rows.map((r) => r.position?.at.toISOString() ?? null),
    ],
  );
}
