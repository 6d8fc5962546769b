import type { Queryable } from '../../db/index.ts';
import type { AlarmKind } from '../rules.ts';
import type { RegionStep, Tick } from './rules.ts';

export interface StoredPlanRow {
  kind: AlarmKind;
  priority: number;
  steps: RegionStep[];
  version: number;
  updatedAt: Date;
}

const PLAN = `select alarm_kind as kind, priority, steps, version, updated_at as "updatedAt" from action_plans`;

export async function storedPlans(db: Queryable, regionId: string): Promise<StoredPlanRow[]> {
  const r = await db.query<StoredPlanRow>(`${PLAN} where region_id = $1`, [regionId]);
  return r.rows;
}

export async function storedPlan(
  db: Queryable,
  regionId: string,
  kind: AlarmKind,
): Promise<StoredPlanRow | null> {
  const r = await db.query<StoredPlanRow>(`${PLAN} where region_id = $1 and alarm_kind = $2`, [
    regionId,
    kind,
  ]);
  return r.rows[0] ?? null;
}

/**
 * Writes a region's plan for a kind when `baseVersion` is the version stored (0: none stored yet); the new
 * version, or null when someone saved another version first.
 */
export async function savePlan(
  tx: Queryable,
  p: {
    regionId: string;
    kind: AlarmKind;
    priority: number;
    steps: RegionStep[];
    baseVersion: number;
    by: string | null;
  },
): Promise<number | null> {
  const values = [p.regionId, p.kind, p.priority, JSON.stringify(p.steps), p.by];
  const r =
    p.baseVersion === 0
      ? await tx.query<{ version: number }>(
          `insert into action_plans (region_id, alarm_kind, priority, steps, updated_by) values ($1, $2, $3, $4, $5)
           on conflict do nothing returning version`,
          values,
        )
      : await tx.query<{ version: number }>(
          `update action_plans set priority = $3, steps = $4, updated_by = $5, updated_at = now(), version = version + 1
           where region_id = $1 and alarm_kind = $2 and version = $6 returning version`,
          [...values, p.baseVersion],
        );
  return r.rows[0]?.version ?? null;
}

export async function regionExists(db: Queryable, regionId: string): Promise<boolean> {
  const r = await db.query('select 1 from regions where id = $1', [regionId]);
  return r.rows.length === 1;
}

/** Every tick of an alarm's plan, oldest first, with the operator by display name. */
export async function ticksOf(db: Queryable, alarmId: string): Promise<Tick[]> {
  const r = await db.query<Tick>(
    `select t.step_key as "stepKey", t.done, t.reason, t.at, u.display_name as "byName"
     from alarm_plan_ticks t left join users u on u.id = t.actor_id where t.alarm_id = $1 order by t.id`,
    [alarmId],
  );
  return r.rows;
}

export async function insertTick(
  tx: Queryable,
  t: {
    alarmId: string;
    eventId: number;
    stepKey: string;
    source: 'region' | 'case';
    action: string;
    instruction: string | null;
    done: boolean;
    reason: string | null;
    actorId: string;
  },
): Promise<void> {
  await tx.query(
    `insert into alarm_plan_ticks (alarm_id, event_id, step_key, source, action, instruction, done, reason, actor_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [t.alarmId, t.eventId, t.stepKey, t.source, t.action, t.instruction, t.done, t.reason, t.actorId],
  );
}
