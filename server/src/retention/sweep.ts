import { audit } from '../audit/index.ts';
import type { Database, Queryable } from '../db/index.ts';

export const RETENTION_SWEEP_MS = 6 * 3_600_000;
const RETENTION_LOCK = 7_301_004;
const SYSTEM = { actor: { kind: 'system' as const, id: null, label: 'retention', grants: [] }, ip: null };

/** How long each kind of record is kept, in days (configuration: AWARE_RETENTION_*_DAYS). */
export interface RetentionPeriods {
  /** positions of resolved alarms, their trails, and the raw device frames (which may hold positions) */
  alarmPositions: number;
  /** notifications that were read */
  readNotifications: number;
  /** sessions that ended (expired or revoked) */
  endedSessions: number;
}

interface Rule {
  record: string;
  /** erases or deletes what expired; answers how many rows it touched */
  apply(tx: Queryable, days: number): Promise<number>;
  days(periods: RetentionPeriods): number;
}

/**
 * Positions first: where the victim was is the most sensitive thing the platform holds (seed 001).
 * Alarms themselves, their kinds, times and outcomes remain for the figures.
 */
const RULES: Rule[] = [
  {
    record: 'alarm_positions',
    days: (p) => p.alarmPositions,
    apply: async (tx, days) =>
      (await tx.query('delete from alarm_positions where at < now() - make_interval(days => $1)', [days]))
        .rowCount,
  },
  {
    record: 'alarm_position_and_raw_frame',
    days: (p) => p.alarmPositions,
    apply: async (tx, days) =>
      (
        await tx.query(
          `update alarms set position_sealed = null, raw_sealed = null, address_sealed = null
           where state = 'resolved' and received_at < now() - make_interval(days => $1)
             and (position_sealed is not null or raw_sealed is not null or address_sealed is not null)`,
          [days],
        )
      ).rowCount,
  },
  {
    record: 'read_notifications',
    days: (p) => p.readNotifications,
    apply: async (tx, days) =>
      (await tx.query('delete from notifications where read_at < now() - make_interval(days => $1)', [days]))
        .rowCount,
  },
  {
    record: 'ended_sessions',
    days: (p) => p.endedSessions,
    apply: async (tx, days) =>
      (
        await tx.query(
          `delete from sessions where coalesce(revoked_at, expires_at) < now() - make_interval(days => $1)`,
          [days],
        )
      ).rowCount,
  },
  {
    record: 'login_throttle',
    days: () => 1,
    apply: async (tx) =>
      (
        await tx.query(
          `delete from login_throttle where updated_at < now() - interval '1 day'
           and (locked_until is null or locked_until < now())`,
        )
      ).rowCount,
  },
];

/** One sweep over every rule, in one transaction, one node at a time; each rule that touched rows is audited. */
export function createRetention(db: Database, periods: RetentionPeriods) {
  async function sweep(): Promise<Record<string, number>> {
    return db.transaction(async (tx) => {
      const lock = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [
        RETENTION_LOCK,
      ]);
      if (!lock.rows[0]?.ok) return {};
      const touched: Record<string, number> = {};
      for (const rule of RULES) {
        const days = rule.days(periods);
        const count = await rule.apply(tx, days);
        if (count === 0) continue;
        touched[rule.record] = count;
        await audit(tx, SYSTEM, {
          action: 'retention.erase',
          access: 'write',
          recordType: rule.record,
          details: { rows: count, retentionDays: days },
        });
      }
      return touched;
    });
  }

  let timer: NodeJS.Timeout | null = null;
  return {
    sweep,
    start(intervalMs: number, onError: (error: unknown) => void) {
      timer = setInterval(() => void sweep().catch(onError), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
