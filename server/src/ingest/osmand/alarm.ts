import type { DeviceEventKind } from '../../events/device-event.ts';

export interface OsmandAlarm {
  kind: DeviceEventKind;
  /** kept for operators, e.g. "alarm=sos" */
  code: string;
}

const KINDS: ReadonlyMap<string, DeviceEventKind> = new Map([
  ['sos', 'panic'],
  ['panic', 'panic'],
  ['test', 'test'],
  ['lowbattery', 'low_battery'],
  ['tampering', 'tamper'],
  ['tamper', 'tamper'],
]);

const MAX_CODE_VALUE = 64;

/**
 * Maps the `alarm` parameter (Traccar alarm names, case-insensitive) to an event kind.
 * An alarm we do not know is still an alarm: it becomes a fault with its name kept, never a position.
 */
export function mapOsmandAlarm(value: string): OsmandAlarm {
  const name = value.trim();
  const kind = KINDS.get(name.toLowerCase()) ?? 'fault';
  const printable = name.replace(/[^\x21-\x7e]/g, '?').slice(0, MAX_CODE_VALUE);
  return { kind, code: `alarm=${printable}` };
}
