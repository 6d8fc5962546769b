import type { Queryable } from '../db/index.ts';
import type { Norm } from './rules.ts';

export interface GradedAlarmRow {
  id: string;
  kind: string;
  receivedAt: Date;
  shownAt: Date | null;
  claimedAt: Date | null;
  voiceAt: Date | null;
  forwardedAt: Date | null;
  dispatchedAt: Date | null;
  onSceneAt: Date | null;
  operatorName: string | null;
}

/**
 * The real first alarms of a region received in [from, to) (Dutch calendar days): no tests, no repeated
 * presses (they are part of their first alarm), each with the first moment of every link of the chain.
 */
export async function gradedAlarms(db: Queryable, regionId: string, from: string, to: string) {
  const r = await db.query<GradedAlarmRow>(
    `select a.id, a.kind, a.received_at as "receivedAt", a.shown_at as "shownAt", a.claimed_at as "claimedAt",
            a.voice_at as "voiceAt", a.forwarded_at as "forwardedAt", a.dispatched_at as "dispatchedAt",
            a.on_scene_at as "onSceneAt", u.display_name as "operatorName"
     from alarms a left join users u on u.id = a.claimed_by
     where a.region_id = $1 and not a.is_test and a.first_alarm_id is null
       and a.received_at >= ($2::date::timestamp at time zone 'Europe/Amsterdam')
       and a.received_at < ($3::date::timestamp at time zone 'Europe/Amsterdam')
     order by a.received_at`,
    [regionId, from, to],
  );
  return r.rows;
}

export async function regionName(db: Queryable, regionId: string): Promise<string | null> {
  const r = await db.query<{ name: string }>('select name from regions where id = $1', [regionId]);
  return r.rows[0]?.name ?? null;
}

export async function displayName(db: Queryable, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const r = await db.query<{ name: string }>('select display_name as name from users where id = $1', [
    userId,
  ]);
  return r.rows[0]?.name ?? null;
}

export async function storedNorms(db: Queryable, regionId: string): Promise<Norm[]> {
  const r = await db.query<{ stage: Norm['stage']; within30: string | null; within60: string | null }>(
    `select stage, within_30 as within30, within_60 as within60 from grading_norms where region_id = $1 order by stage`,
    [regionId],
  );
  const n = (v: string | null) => (v === null ? null : Number(v));
  return r.rows.map((row) => ({ stage: row.stage, within30: n(row.within30), within60: n(row.within60) }));
}

/** Replaces the region's norms as a whole. */
export async function replaceNorms(tx: Queryable, regionId: string, norms: readonly Norm[]): Promise<void> {
  await tx.query('delete from grading_norms where region_id = $1', [regionId]);
  if (norms.length === 0) return;
  await tx.query(
    `insert into grading_norms (region_id, stage, within_30, within_60)
     select $1, s, w30, w60 from unnest($2::text[], $3::numeric[], $4::numeric[]) as n(s, w30, w60)`,
    [regionId, norms.map((n) => n.stage), norms.map((n) => n.within30), norms.map((n) => n.within60)],
  );
}
