import type { Device } from '../api/contract.ts';
import { secondsSince } from '../ui/time.ts';

/** A heartbeat is late when more than two intervals have passed without one. */
export function heartbeatLate(
  device: Pick<Device, 'lastHeartbeatAt' | 'heartbeatIntervalSeconds'>,
  now: number,
) {
  if (!device.lastHeartbeatAt || device.heartbeatIntervalSeconds <= 0) return false;
  return secondsSince(device.lastHeartbeatAt, now) > 2 * device.heartbeatIntervalSeconds;
}

/** "12,50" / "12.50" / "12" → 1250; null when not a valid non-negative amount. */
export function parseEurosToCents(input: string): number | null {
  const s = input.trim().replace(/\s+/g, '').replace('€', '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  return Math.round(Number.parseFloat(s) * 100);
}

export function centsToEuroInput(cents: number): string {
  return (cents / 100).toFixed(2).replace('.', ',');
}

export function parsePositiveInt(input: string): number | null {
  const s = input.trim();
  if (!/^\d+$/.test(s)) return null;
  const n = Number.parseInt(s, 10);
  return n > 0 ? n : null;
}
