import type { DeviceEvent, DeviceEventKind } from '../events/device-event.ts';

export const ALARM_KINDS = ['panic', 'test', 'low_battery', 'tamper', 'fault', 'supervision'] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];
export const ALARM_STATES = ['received', 'claimed', 'forwarded', 'on_scene', 'resolved'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

/** The alarm an event raises, or null when it is routine traffic for the batched lane. */
export function alarmKindOf(kind: DeviceEventKind): AlarmKind | null {
  switch (kind) {
    case 'panic':
    case 'test':
    case 'low_battery':
    case 'tamper':
    case 'fault':
      return kind;
    default:
      return null;
  }
}

/**
 * Exact retransmission identity, enforced by a unique index: kind, sequence and device time. Without a device
 * time there is none (null): an unknown time stays unknown, and only the SEQ window below can match.
 */
export function dedupeKey(event: DeviceEvent): string | null {
  if (!event.occurredAt) return null;
  return [event.kind, event.sequence ?? '-', event.occurredAt.toISOString()].join('|');
}

/**
 * A dialler that got no ACK repeats the same SEQ, and re-stamps encrypted messages with a fresh time.
 * So a repeat of kind + SEQ within this window is the same alarm, whatever its time says.
 */
export const RETRANSMISSION_WINDOW_MINUTES = 5;

/** Technical alarms (battery, supervision) are raised once and cleared by the device itself. */
export const SELF_CLEARING: ReadonlySet<AlarmKind> = new Set(['low_battery', 'supervision']);

export const LOW_BATTERY_PERCENT = 15;
export const BATTERY_RECOVERED_PERCENT = 30;

/** A device is silent when its last sign of life is older than its interval plus grace. */
export function isSilent(lastSeenAt: Date | null, intervalSeconds: number, since: Date, now: Date): boolean {
  const reference = lastSeenAt ?? since;
  const graceSeconds = Math.max(60, intervalSeconds * 0.5);
  return now.getTime() - reference.getTime() > (intervalSeconds + graceSeconds) * 1000;
}
