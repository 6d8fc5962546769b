import { audit } from '../audit/index.ts';
import type { Database } from '../db/index.ts';

export const RETENTION_SWEEP_MS = 6 * 3_600_000;
const RETENTION_LOCK = 7_301_004;
const SYSTEM = { actor: { kind: 'system' as const, id: null, label: 'retention', grants: [] }, ip: null };

/**
 * Carrying a button means giving up some privacy (seed 001); positions are kept only as long as
 * configured. Erases the position trail after alarms and the position on resolved alarms older than
 * the retention period; the alarm itself, its kind, times and outcome remain for the figures.
 */
export function createPositionRetention(db: Database, retentionDays: number) {
  async function sweep(): Promise<number> {
    return db.transaction(async (tx) => {
      const lock = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [
        RETENTION_LOCK,
      ]);
      if (!lock.rows[0]?.ok) return 0;
      const trail = await tx.query(
        'delete from alarm_positions where at < now() - make_interval(days => $1)',
        [retentionDays],
      );
      const alarms = await tx.query(
        `update alarms set position_sealed = null, raw_sealed = null
         where state = 'resolved' and received_at < now() - make_interval(days => $1) and (position_sealed is not null or raw_sealed is not null)`,
        [retentionDays],
      );
      const erased = trail.rowCount + alarms.rowCount;
      if (erased > 0) {
        await audit(tx, SYSTEM, {
          action: 'retention.positions_erased',
          access: 'write',
          recordType: 'alarm',
          details: { trailPositions: trail.rowCount, alarmPositions: alarms.rowCount, retentionDays },
        });
      }
      return erased;
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
