import type { DeviceEvent, Position } from '../../events/device-event.ts';
import { truncateUtf8 } from '../osmand/raw-text.ts';
import { parseTimestamp } from '../osmand/values.ts';
import { mapTraccarAlarm, mapTraccarAlarms, type TraccarAlarm } from './alarm.ts';

/** What Traccar forwards: `forward.url` with forward.type=json, or `event.forward.url`. */
export type TraccarForward = 'positions' | 'events';

export type TraccarDecodeResult =
  | { ok: true; uniqueId: string; events: DeviceEvent[] }
  | { ok: false; field: string; detail: string };

type JsonObject = Record<string, unknown>;

const MAX_UNIQUE_ID = 128;
/** a device clock ahead by more than this is implausible (Traccar's own future filter defaults to a day) */
const MAX_FUTURE_MS = 24 * 3600_000;
const EARLIEST = Date.UTC(2000, 0, 1);

class Refused extends Error {
  constructor(
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${field} ${detail}`);
  }
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Strict for routine traffic (a bad value is refused, naming the field, so the integration gets fixed); lenient
 * for an alarm, which must never be lost to a bad optional value: the value is dropped and named in the text.
 */
class Check {
  readonly dropped: string[] = [];
  constructor(
    readonly lenient: boolean,
    readonly receivedAt: Date,
  ) {}

  invalid(field: string, detail: string): undefined {
    if (!this.lenient) throw new Refused(field, detail);
    if (!this.dropped.includes(field)) this.dropped.push(field);
    return undefined;
  }

  number(parent: JsonObject, key: string, path: string, min: number, max: number): number | undefined {
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.invalid(path, 'must be a number');
    if (value < min || value > max) return this.invalid(path, `must be between ${min} and ${max}`);
    return value;
  }

  time(parent: JsonObject, key: string, path: string): Date | undefined {
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    const date = typeof value === 'string' || typeof value === 'number' ? parseTimestamp(value) : undefined;
    if (!date) return this.invalid(path, 'must be an ISO-8601 time');
    if (date.getTime() < EARLIEST || date.getTime() > this.receivedAt.getTime() + MAX_FUTURE_MS)
      return this.invalid(path, 'is not a plausible time');
    return date;
  }
}

function object(parent: JsonObject, key: string, path: string): JsonObject {
  const value = parent[key];
  if (!isObject(value)) throw new Refused(path, 'must be an object');
  return value;
}

function uniqueIdOf(body: JsonObject): string {
  const device = object(body, 'device', 'device');
  const value = device.uniqueId;
  if (typeof value !== 'string' || value.trim() === '') throw new Refused('device/uniqueId', 'is required');
  const id = value.trim();
  if (id.length > MAX_UNIQUE_ID)
    throw new Refused('device/uniqueId', `must be at most ${MAX_UNIQUE_ID} characters`);
  if (/[^\x20-\x7e]/.test(id)) throw new Refused('device/uniqueId', 'must be printable ASCII');
  // Traccar's own id of the device: an event and its position name the same one, or the body is not Traccar's
  if (
    typeof device.id === 'number' &&
    typeof (body.position as JsonObject | undefined)?.deviceId === 'number'
  ) {
    if ((body.position as JsonObject).deviceId !== device.id)
      throw new Refused('position/deviceId', 'does not match device/id');
  }
  return id;
}

interface Fix {
  position?: Position;
  occurredAt?: Date;
  batteryPercent?: number;
  charging?: boolean;
}

/** Reads Traccar's Position model: degrees, knots, metres; 0/0 and accuracy 0 are Traccar's "unknown". */
function readPosition(check: Check, raw: JsonObject, withFix: boolean): Fix {
  const at = (key: string) => `position/${key}`;
  const fix: Fix = {};
  const deviceTime = check.time(raw, 'deviceTime', at('deviceTime'));
  const fixTime = check.time(raw, 'fixTime', at('fixTime'));
  if (deviceTime ?? fixTime) fix.occurredAt = deviceTime ?? fixTime;
  const lat = check.number(raw, 'latitude', at('latitude'), -90, 90);
  const lon = check.number(raw, 'longitude', at('longitude'), -180, 180);
  const speed = check.number(raw, 'speed', at('speed'), 0, 1000);
  const course = check.number(raw, 'course', at('course'), 0, 360);
  const accuracy = check.number(raw, 'accuracy', at('accuracy'), 0, 100_000);
  const altitude = check.number(raw, 'altitude', at('altitude'), -1000, 20_000);
  const attributes = isObject(raw.attributes) ? raw.attributes : {};
  const battery = check.number(attributes, 'batteryLevel', at('attributes/batteryLevel'), 0, 100);
  if (battery !== undefined) fix.batteryPercent = Math.round(battery);
  if (typeof attributes.charge === 'boolean') fix.charging = attributes.charge;
  const located = lat !== undefined && lon !== undefined && !(lat === 0 && lon === 0);
  if (withFix && located) {
    const position: Position = { lat, lon, raw: truncateUtf8(`${lat},${lon}`, 128) };
    if (accuracy) position.accuracy = accuracy;
    if (altitude !== undefined) position.altitude = altitude;
    if (speed !== undefined) position.speedKnots = speed;
    if (course !== undefined) position.bearing = course;
    if (fixTime) position.fixedAt = fixTime;
    fix.position = position;
  }
  return fix;
}

function rawOf(body: JsonObject, uniqueId: string): string {
  const { event, position } = body;
  return truncateUtf8(JSON.stringify({ event, position, device: { uniqueId } }));
}

function eventsOf(
  alarms: TraccarAlarm[],
  base: Omit<DeviceEvent, 'kind'>,
  fix: Fix,
  dropped: string[],
): DeviceEvent[] {
  const shared: Omit<DeviceEvent, 'kind'> = { ...base };
  if (fix.occurredAt) shared.occurredAt = fix.occurredAt;
  if (fix.position) shared.position = fix.position;
  if (fix.batteryPercent !== undefined) shared.batteryPercent = fix.batteryPercent;
  if (fix.charging !== undefined) shared.charging = fix.charging;
  if (alarms.length === 0) return [{ ...shared, kind: fix.position ? 'position' : 'heartbeat' }];
  return alarms.map((alarm) => ({
    ...shared,
    kind: alarm.kind,
    code: alarm.code,
    ...(dropped.length > 0 ? { text: `dropped invalid: ${dropped.join(', ')}` } : {}),
  }));
}

function decodePosition(body: JsonObject, receivedAt: Date): TraccarDecodeResult {
  const uniqueId = uniqueIdOf(body);
  const raw = object(body, 'position', 'position');
  const attributes = isObject(raw.attributes) ? raw.attributes : {};
  const alarms = typeof attributes.alarm === 'string' ? mapTraccarAlarms(attributes.alarm) : [];
  const check = new Check(alarms.length > 0, receivedAt);
  // an invalid fix without an alarm says nothing about where she is; with an alarm it is her last known place
  const fix = readPosition(check, raw, raw.valid !== false || alarms.length > 0);
  const base = {
    protocol: 'traccar' as const,
    deviceAccount: uniqueId,
    receivedAt,
    raw: rawOf(body, uniqueId),
  };
  return { ok: true, uniqueId, events: eventsOf(alarms, base, fix, check.dropped) };
}

function decodeEvent(body: JsonObject, receivedAt: Date): TraccarDecodeResult {
  const uniqueId = uniqueIdOf(body);
  const event = object(body, 'event', 'event');
  if (typeof event.type !== 'string' || event.type === '') throw new Refused('event/type', 'is required');
  // only alarms concern Aware: online/offline, motion and zone events are accepted and not stored
  if (event.type !== 'alarm') return { ok: true, uniqueId, events: [] };
  const attributes = isObject(event.attributes) ? event.attributes : {};
  const name = typeof attributes.alarm === 'string' ? attributes.alarm : 'general';
  const alarm = mapTraccarAlarm(name);
  if (!alarm) return { ok: true, uniqueId, events: [] };
  const check = new Check(true, receivedAt);
  const fix = isObject(body.position) ? readPosition(check, body.position, true) : {};
  // the event's time is its position's device time: the same alarm forwarded as a position is the same alarm
  const eventTime = check.time(event, 'eventTime', 'event/eventTime');
  if (eventTime) fix.occurredAt = eventTime;
  const base = {
    protocol: 'traccar' as const,
    deviceAccount: uniqueId,
    receivedAt,
    raw: rawOf(body, uniqueId),
  };
  return { ok: true, uniqueId, events: eventsOf([alarm], base, fix, check.dropped) };
}

/** Decodes one forwarded body (already parsed JSON) into the common events it carries, most urgent first. */
export function decodeTraccar(forward: TraccarForward, body: unknown, receivedAt: Date): TraccarDecodeResult {
  if (!isObject(body)) return { ok: false, field: 'body', detail: 'must be a JSON object' };
  try {
    return forward === 'positions' ? decodePosition(body, receivedAt) : decodeEvent(body, receivedAt);
  } catch (error) {
    if (error instanceof Refused) return { ok: false, field: error.field, detail: error.detail };
    throw error;
  }
}
