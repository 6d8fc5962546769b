import type { Database } from '../db/index.ts';
import type { Bus, BusMessage } from '../realtime/bus.ts';
import { BATTERY_RECOVERED_PERCENT, isSilent, LOW_BATTERY_PERCENT } from './rules.ts';
import type { AlarmService } from './service.ts';
import { recoveredTechnicalAlarms, supervisedDevices, trySupervisionLock } from './supervision-repository.ts';

// Only one node sweeps at a time (the others find the lock taken and skip the round).
const SUPERVISION_LOCK = 7_301_003;

/**
 * "Button not charged, not carried": issued devices that fall silent or run low raise one technical
 * alarm each, which clears itself when the device recovers. Derived from rows on every sweep, so a
 * restart loses nothing.
 */
export function createSupervision(db: Database, alarms: AlarmService, bus: Bus) {
  async function sweep(now = new Date()): Promise<{ raised: number; cleared: number }> {
    const changes: BusMessage[] = [];
    const counts = await db.transaction(async (tx) => {
      if (!(await trySupervisionLock(tx, SUPERVISION_LOCK))) return { raised: 0, cleared: 0 };
      let cleared = 0;

      const devices = await supervisedDevices(tx);
      for (const d of devices) {
        if (isSilent(d.lastSeenAt, d.heartbeatIntervalSeconds, d.issuedAt, now)) {
          const change = await alarms.raiseTechnical(tx, d, 'supervision', now);
          if (change) changes.push(change);
        }
        if (d.batteryPercent !== null && d.batteryPercent <= LOW_BATTERY_PERCENT && !d.charging) {
          const change = await alarms.raiseTechnical(tx, d, 'low_battery', now);
          if (change) changes.push(change);
        }
      }

      const recovered = await recoveredTechnicalAlarms(tx, BATTERY_RECOVERED_PERCENT);
      for (const alarm of recovered) {
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
