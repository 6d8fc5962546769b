import { ALARM_KINDS, type DeviceEvent, type Position } from '../../events/device-event.ts';
import { mapOsmandAlarm } from './alarm.ts';
import {
  type CollectedFields,
  type Field,
  type FieldProblem,
  type FieldsResult,
  fieldsFromParams,
  firstValues,
  mergeFields,
  type OsmandFields,
} from './fields.ts';
import { fieldsFromJson } from './json-body.ts';
import { truncateUtf8 } from './raw-text.ts';
import { parseBoolean, parseNumber, parseTimestamp } from './values.ts';

export interface OsmandRequest {
  method: string;
  /** request target (path and query) as received, for the audit trail; rebuilt from `query` when absent */
  target?: string;
  /** query-string parameters; the first value of a repeated parameter */
  query: Readonly<Record<string, string>>;
  contentType?: string;
  body: string | Buffer;
  receivedAt: Date;
}

export type OsmandDecodeResult =
  | { ok: true; event: DeviceEvent }
  | { ok: false; status: 400; field: string; detail: string };

const MAX_DEVICE_ID_LENGTH = 128;

type BodyKind = 'json' | 'form' | 'ignored';

function bodyKind(contentType: string | undefined, text: string): BodyKind {
  if (text.trim() === '') return 'ignored';
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  // Some clients post without (or with a generic) content type; the body's first character decides.
  if (type === '' || type === 'text/plain') return text.trimStart().startsWith('{') ? 'json' : 'form';
  return 'ignored';
}

function collectFields(request: OsmandRequest, bodyText: string): FieldsResult {
  const fromQuery = fieldsFromParams(request.query);
  const kind = bodyKind(request.contentType, bodyText);
  if (kind === 'ignored') return { ok: true, ...fromQuery };
  let fromBody: CollectedFields;
  if (kind === 'json') {
    const json = fieldsFromJson(bodyText);
    if (!json.ok) return json;
    fromBody = json;
  } else {
    fromBody = fieldsFromParams(firstValues(new URLSearchParams(bodyText)));
  }
  return { ok: true, ...mergeFields(fromQuery, fromBody) };
}

function rawText(request: OsmandRequest, bodyText: string): string {
  const target = request.target ?? `/?${new URLSearchParams(request.query).toString()}`;
  const line = `${request.method} ${target}`;
  return truncateUtf8(bodyText === '' ? line : `${line}\n${bodyText}`);
}

class InvalidField extends Error {
  constructor(
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}

/**
 * What happens to an invalid optional field. Traccar Client retries a rejected report forever, so an alarm
 * must never be held back by a bad position, battery or time: for alarm kinds the field is dropped and
 * named in the event text. Everything else is rejected with 400 naming the field, so the client can be fixed.
 */
class Validation {
  /** parameter names or JSON paths of dropped fields, never their values */
  readonly dropped: string[] = [];

  constructor(readonly lenient: boolean) {}

  /** Strict: throws. Lenient: records the field and returns undefined so the caller drops it. */
  invalid(field: string, detail: string): undefined {
    if (!this.lenient) throw new InvalidField(field, detail);
    if (!this.dropped.includes(field)) this.dropped.push(field);
    return undefined;
  }
}

function number(check: Validation, field: Field | undefined): number | undefined {
  if (!field) return undefined;
  const value = parseNumber(field.value);
  return value === undefined ? check.invalid(field.source, 'must be a number') : value;
}

function inRange(check: Validation, field: Field | undefined, min: number, max: number): number | undefined {
  const value = number(check, field);
  if (value !== undefined && (value < min || value > max)) {
    return check.invalid(field!.source, `must be between ${min} and ${max}`);
  }
  return value;
}

/** Speed, bearing and accuracy use negative values for "unknown" on many clients. */
function unlessNegative(value: number | undefined): number | undefined {
  return value !== undefined && value < 0 ? undefined : value;
}

/** The device id is required for every event, alarm or not. */
function deviceId(field: Field | undefined): string {
  const id = field === undefined ? '' : String(field.value).trim();
  if (id === '') throw new InvalidField('id', 'is required');
  if (id.length > MAX_DEVICE_ID_LENGTH) {
    throw new InvalidField(field!.source, `must be at most ${MAX_DEVICE_ID_LENGTH} characters`);
  }
  if (/[^\x20-\x7e]/.test(id)) throw new InvalidField(field!.source, 'must be printable ASCII');
  return id;
}

/** A position needs a valid lat and lon; a bad speed, bearing, accuracy or altitude drops only that value. */
function position(check: Validation, fields: OsmandFields): Position | undefined {
  const { lat: latField, lon: lonField } = fields;
  if (!latField && !lonField) return undefined;
  if (!latField) return check.invalid('lat', 'is required when lon is sent');
  if (!lonField) return check.invalid('lon', 'is required when lat is sent');
  const lat = inRange(check, latField, -90, 90);
  const lon = inRange(check, lonField, -180, 180);
  if (lat === undefined || lon === undefined) return undefined;
  const result: Position = { lat, lon };
  const speed = unlessNegative(number(check, fields.speed));
  let bearing = unlessNegative(number(check, fields.bearing));
  if (bearing !== undefined && bearing > 360)
    bearing = check.invalid(fields.bearing!.source, 'must be at most 360');
  const accuracy = unlessNegative(number(check, fields.accuracy));
  const altitude = number(check, fields.altitude);
  if (accuracy !== undefined) result.accuracy = accuracy;
  if (altitude !== undefined) result.altitude = altitude;
  if (speed !== undefined) result.speedKnots = speed;
  if (bearing !== undefined) result.bearing = bearing;
  result.raw = truncateUtf8(`${latField.value},${lonField.value}`, 128);
  return result;
}

function timestamp(check: Validation, field: Field | undefined): Date | undefined {
  if (!field) return undefined;
  return (
    parseTimestamp(field.value) ??
    check.invalid(field.source, 'must be epoch seconds, epoch milliseconds or ISO-8601')
  );
}

function charge(check: Validation, field: Field | undefined): boolean | undefined {
  if (!field) return undefined;
  return parseBoolean(field.value) ?? check.invalid(field.source, 'must be true, false, 1 or 0');
}

function eventFromFields(
  fields: OsmandFields,
  invalid: readonly FieldProblem[],
  receivedAt: Date,
  raw: string,
): DeviceEvent {
  const alarm = fields.alarm ? mapOsmandAlarm(String(fields.alarm.value)) : undefined;
  const check = new Validation(alarm !== undefined && ALARM_KINDS.has(alarm.kind));
  for (const problem of invalid) check.invalid(problem.field, problem.detail);
  const deviceAccount = deviceId(fields.id);
  const occurredAt = timestamp(check, fields.timestamp);
  const where = position(check, fields);
  const batteryPercent = inRange(check, fields.batt, 0, 100);
  const charging = charge(check, fields.charge);

  const event: DeviceEvent = {
    protocol: 'osmand',
    deviceAccount,
    kind: alarm?.kind ?? (where ? 'position' : 'heartbeat'),
    receivedAt,
    raw,
  };
  if (occurredAt) event.occurredAt = occurredAt;
  if (where) event.position = where;
  if (batteryPercent !== undefined) event.batteryPercent = batteryPercent;
  if (charging !== undefined) event.charging = charging;
  if (alarm) event.code = alarm.code;
  if (check.dropped.length > 0) event.text = `dropped invalid: ${check.dropped.join(', ')}`;
  return event;
}

/** Decodes one OsmAnd / Traccar Client request (query string, form body or JSON body) into a DeviceEvent. */
export function decodeOsmand(request: OsmandRequest): OsmandDecodeResult {
  const bodyText = typeof request.body === 'string' ? request.body : request.body.toString('utf8');
  const collected = collectFields(request, bodyText);
  if (!collected.ok) return { ok: false, status: 400, field: collected.field, detail: collected.detail };
  try {
    return {
      ok: true,
      event: eventFromFields(
        collected.fields,
        collected.invalid,
        request.receivedAt,
        rawText(request, bodyText),
      ),
    };
  } catch (error) {
    if (error instanceof InvalidField)
      return { ok: false, status: 400, field: error.field, detail: error.detail };
    throw error;
  }
}
