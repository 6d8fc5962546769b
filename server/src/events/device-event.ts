/**
 * The one normalised event every receiver produces. Nothing after the decoders
 * knows which protocol an event arrived on; `protocol` and `raw` are kept only
 * for the audit trail and for operators investigating a device.
 */
export type DeviceEventKind =
  | 'panic'
  | 'test'
  | 'low_battery'
  | 'battery_restored'
  | 'tamper'
  | 'fault'
  | 'heartbeat'
  | 'position'
  | 'restoral';

/** Kinds that become an alarm and must be committed before the device is acknowledged. */
export const ALARM_KINDS: ReadonlySet<DeviceEventKind> = new Set([
  'panic',
  'test',
  'low_battery',
  'tamper',
  'fault',
]);

export type IngestProtocol = 'dc09' | 'osmand' | 'webhook' | 'traccar';

export interface Position {
  lat: number;
  lon: number;
  /** metres, when the device reports it */
  accuracy?: number;
  altitude?: number;
  speedKnots?: number;
  bearing?: number;
  /** when the fix was taken, if the protocol says so apart from the event time (Traccar's fixTime) */
  fixedAt?: Date;
  /** the position exactly as received, e.g. "[X006E07.7777777][Y49N06.6666666]" */
  raw?: string;
}

export interface DeviceEvent {
  protocol: IngestProtocol;
  /** how the device identifies itself on that protocol: DC-09 account, OsmAnd id, vendor device id */
  deviceAccount: string;
  kind: DeviceEventKind;
  /** the protocol's own retransmission key part (DC-09 SEQ, vendor event id); undefined when absent */
  sequence?: string;
  /** when it happened according to the device; undefined when the device sent no time */
  occurredAt?: Date;
  receivedAt: Date;
  position?: Position;
  /** 0..100 */
  batteryPercent?: number;
  charging?: boolean;
  /** protocol event code, e.g. "CID 1120" or "SIA PA", for operators */
  code?: string;
  /** free alarm text from the device, if any */
  text?: string;
  zone?: string;
  /** the frame or body as received (text), for investigation; never shown to non-operators */
  raw: string;
}
