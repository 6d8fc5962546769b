import type { DeviceEventKind } from '../../events/device-event.ts';

/**
 * Traccar's alarm names (Position.ALARM_*, case as Traccar writes them) onto Aware's event kinds.
 * A fall is a call for help the victim may not be able to make herself: it is a panic (the code keeps "fallDown").
 * Driving and zone alarms of vehicle trackers mean nothing for a personal alarm: they are routine positions.
 * An alarm not in either list is still an alarm: a fault with its name kept, never dropped.
 */
const ALARMS: ReadonlyMap<string, DeviceEventKind> = new Map([
  ['sos', 'panic'],
  ['fallDown', 'panic'],
  ['lowBattery', 'low_battery'],
  ['lowPower', 'low_battery'],
  ['tampering', 'tamper'],
  ['removing', 'tamper'],
  ['jamming', 'tamper'],
  ['gpsAntennaCut', 'tamper'],
  ['powerCut', 'fault'],
  ['powerOff', 'fault'],
  ['fault', 'fault'],
  ['general', 'fault'],
]);

const ROUTINE: ReadonlySet<string> = new Set([
  'powerOn',
  'powerRestored',
  'geofence',
  'geofenceEnter',
  'geofenceExit',
  'movement',
  'overspeed',
  'lowspeed',
  'idle',
  'parking',
  'hardAcceleration',
  'hardBraking',
  'hardCornering',
  'laneChange',
  'fatigueDriving',
  'highRpm',
  'door',
  'lock',
  'unlock',
]);

/** Most urgent first: the order alarms of one position are stored in. */
const URGENCY: readonly DeviceEventKind[] = ['panic', 'tamper', 'fault', 'low_battery'];

export interface TraccarAlarm {
  kind: DeviceEventKind;
  /** for operators, e.g. "alarm=fallDown" */
  code: string;
}

const MAX_NAME = 64;

/** One Traccar alarm name; null when it is routine traffic. */
export function mapTraccarAlarm(name: string): TraccarAlarm | null {
  const trimmed = name.trim();
  if (trimmed === '' || ROUTINE.has(trimmed)) return null;
  const kind = ALARMS.get(trimmed) ?? 'fault';
  return { kind, code: `alarm=${trimmed.replace(/[^\x21-\x7e]/g, '?').slice(0, MAX_NAME)}` };
}

/**
 * Traccar joins the alarms of one position with commas ("sos,lowBattery"). One per kind, most urgent first:
 * two names of one kind (sos and fallDown) are one alarm, raised under the first name.
 */
export function mapTraccarAlarms(value: string): TraccarAlarm[] {
  const byKind = new Map<DeviceEventKind, TraccarAlarm>();
  for (const name of value.split(',')) {
    const alarm = mapTraccarAlarm(name);
    if (alarm && !byKind.has(alarm.kind)) byKind.set(alarm.kind, alarm);
  }
  return URGENCY.flatMap((kind) => {
    const alarm = byKind.get(kind);
    return alarm ? [alarm] : [];
  });
}
