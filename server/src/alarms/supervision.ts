import type { Database } from '../db/index.ts';
import type { Bus, BusMessage } from '../realtime/bus.ts';
import { BATTERY_RECOVERED_PERCENT, isSilent, LOW_BATTERY_PERCENT } from './rules.ts';
import type { AlarmService } from './service.ts';

// Only one node sweeps at a time (the others find the lock taken and skip the round).
const SUPERVISION_LOCK = 7_301_003;

interface SupervisedDevice {
  id: string;
  account: string;
  caseId: string | null;
  regionId: string;
  lastSeenAt: Date | null;
  issuedAt: Date;
  heartbeatIntervalSeconds: number;
  batteryPercent: number | null;
  charging: boolean | null;
}

/**
 * "Button not charged, not carried": issued devices that fall silent or run low raise one technical
 * alarm each, which clears itself when the device recovers. Derived from rows on every sweep, so a
 * restart loses nothing.
 */
export function createSupervision(db: Database, alarms: AlarmService, bus: Bus) {
  async function sweep(now = new Date()): Promise<{ raised: number; cleared: number }> {
    const changes: BusMessage[] = [];
    const counts = await db.transaction(async (tx) => {
      const lock = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [
        SUPERVISION_LOCK,
      ]);
      if (!lock.rows[0]?.ok) return { raised: 0, cleared: 0 };
      let cleared = 0;

      const devices = await tx.query<SupervisedDevice>(
        `select d.id, d.account, d.case_id as "caseId", o.region_id as "regionId", d.last_seen_at as "lastSeenAt",
                coalesce((select max(a.assigned_at) from device_assignments a where a.device_id = d.id), d.created_at) as "issuedAt",
                d.heartbeat_interval_seconds as "heartbeatIntervalSeconds", d.battery_percent as "batteryPercent", d.charging
         from devices d join organisations o on o.id = d.organisation_id where d.state = 'issued'`,
      );
      for (const d of devices.rows) {
        if (isSilent(d.lastSeenAt, d.heartbeatIntervalSeconds, d.issuedAt, now)) {
          const change = await alarms.raiseTechnical(tx, d, 'supervision', now);
          if (change) changes.push(change);
        }
        if (d.batteryPercent !== null && d.batteryPercent <= LOW_BATTERY_PERCENT && !d.charging) {
          const change = await alarms.raiseTechnical(tx, d, 'low_battery', now);
          if (change) changes.push(change);
        }
      }

      const recovered = await tx.query<{ id: string; regionId: string; kind: string }>(
        `select a.id, a.region_id as "regionId", a.kind from alarms a join devices d on d.id = a.device_id
         where a.state <> 'resolved' and (
           (a.kind = 'supervision' and d.last_seen_at > a.received_at) or
           (a.kind = 'low_battery' and (d.battery_percent >= $1 or d.charging) and d.last_seen_at > a.received_at))`,
        [BATTERY_RECOVERED_PERCENT],
      );
      for (const alarm of recovered.rows) {
        const note = alarm.kind === 'supervision' ? 'device heard again' : 'battery recovered';
        const change = await alarms.clearTechnical(tx, alarm, note);
        if (change) {
          cleared++;
          changes.push(change);
        }
      }
      return { raised: changes.length - cleared, cleared };
    });
    for (const change of changes) bus.publish(change);
    return counts;
  }

  let timer: NodeJS.Timeout | null = null;
  return {
    sweep,
    start(intervalMs: number, onError: (error: unknown) => void) {
      const tick = () => {
        sweep()
          .catch(onError)
          .finally(() => {
            if (timer) timer = setTimeout(tick, intervalMs);
          });
      };
      timer = setTimeout(tick, intervalMs);
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
