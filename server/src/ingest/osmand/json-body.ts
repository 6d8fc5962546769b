import type { FieldProblem, FieldsResult, OsmandFields } from './fields.ts';
import { parseNumber, type Scalar } from './values.ts';

const KNOTS_PER_METRE_PER_SECOND = 3600 / 1852;

type JsonObject = Record<string, unknown>;

/** The device id is the one field no event can do without: its error rejects the whole body. */
class JsonFieldError extends Error {
  constructor(
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads one body. A value of the wrong shape is recorded in `invalid` and left out of the fields,
 * so the decoder can still store an alarm without it; only the device id throws.
 */
class Reader {
  readonly fields: OsmandFields = {};
  readonly invalid: FieldProblem[] = [];

  problem(field: string, detail: string): undefined {
    this.invalid.push({ field, detail });
    return undefined;
  }

  objectAt(parent: JsonObject, key: string, path: string): JsonObject | undefined {
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    return isObject(value) ? value : this.problem(path, 'must be an object');
  }

  scalarAt(parent: JsonObject, key: string, path: string): Scalar | undefined {
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    return this.problem(path, 'must be a string, number or boolean');
  }

  /** Reads a number where the Traccar Client JSON uses -1 (any negative) for "unknown". */
  knownNumberAt(parent: JsonObject, key: string, path: string): number | undefined {
    const value = this.scalarAt(parent, key, path);
    if (value === undefined) return undefined;
    const parsed = parseNumber(value);
    if (parsed === undefined) return this.problem(path, 'must be a number');
    return parsed < 0 ? undefined : parsed;
  }
}

/**
 * Reads the Traccar Client JSON body (the transistorsoft background-geolocation format):
 * `{ device_id, location: { timestamp, coords: {...}, battery: { level, is_charging }, event?, is_moving? } }`.
 * Speed arrives in m/s and is converted to knots; battery level 0..1 becomes percent.
 * A body that is not a JSON object is itself an invalid optional part: the query string may still carry an alarm.
 */
export function fieldsFromJson(text: string): FieldsResult {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return { ok: true, fields: {}, invalid: [{ field: 'body', detail: 'is not valid JSON' }] };
  }
  if (!isObject(root))
    return { ok: true, fields: {}, invalid: [{ field: 'body', detail: 'must be a JSON object' }] };
  try {
    const reader = new Reader();
    readRoot(reader, root);
    return { ok: true, fields: reader.fields, invalid: reader.invalid };
  } catch (error) {
    if (error instanceof JsonFieldError) return { ok: false, field: error.field, detail: error.detail };
    throw error;
  }
}

function readRoot(reader: Reader, root: JsonObject): void {
  const { fields } = reader;
  const idKey = root.device_id !== undefined && root.device_id !== null ? 'device_id' : 'id';
  const id = root[idKey];
  if (id !== undefined && id !== null) {
    if (typeof id !== 'string' && typeof id !== 'number' && typeof id !== 'boolean') {
      throw new JsonFieldError(idKey, 'must be a string, number or boolean');
    }
    if (typeof id !== 'boolean') fields.id = { value: String(id), source: idKey };
  }

  const location = reader.objectAt(root, 'location', 'location') ?? {};
  const timestampKey = location.timestamp !== undefined ? 'location.timestamp' : 'timestamp';
  const timestamp = reader.scalarAt(
    location.timestamp !== undefined ? location : root,
    'timestamp',
    timestampKey,
  );
  if (timestamp !== undefined) fields.timestamp = { value: timestamp, source: timestampKey };

  readCoords(reader, location);
  readBattery(reader, location);
  readAlarm(root, location, fields);
}

function readCoords(reader: Reader, location: JsonObject): void {
  const coords = reader.objectAt(location, 'coords', 'location.coords');
  if (!coords) return;
  const { fields } = reader;
  const path = (key: string) => `location.coords.${key}`;
  const lat = reader.scalarAt(coords, 'latitude', path('latitude'));
  const lon = reader.scalarAt(coords, 'longitude', path('longitude'));
  if (lat !== undefined) fields.lat = { value: lat, source: path('latitude') };
  if (lon !== undefined) fields.lon = { value: lon, source: path('longitude') };
  const speed = reader.knownNumberAt(coords, 'speed', path('speed'));
  if (speed !== undefined)
    fields.speed = { value: speed * KNOTS_PER_METRE_PER_SECOND, source: path('speed') };
  const heading = reader.knownNumberAt(coords, 'heading', path('heading'));
  if (heading !== undefined) fields.bearing = { value: heading, source: path('heading') };
  const accuracy = reader.knownNumberAt(coords, 'accuracy', path('accuracy'));
  if (accuracy !== undefined) fields.accuracy = { value: accuracy, source: path('accuracy') };
  const altitude = reader.scalarAt(coords, 'altitude', path('altitude'));
  if (altitude !== undefined) fields.altitude = { value: altitude, source: path('altitude') };
}

function readBattery(reader: Reader, location: JsonObject): void {
  const battery = reader.objectAt(location, 'battery', 'location.battery');
  if (!battery) return;
  const { fields } = reader;
  const level = reader.knownNumberAt(battery, 'level', 'location.battery.level');
  if (level !== undefined) {
    if (level > 1) reader.problem('location.battery.level', 'must be between 0 and 1');
    else fields.batt = { value: Math.round(level * 100), source: 'location.battery.level' };
  }
  const charging = reader.scalarAt(battery, 'is_charging', 'location.battery.is_charging');
  if (charging !== undefined) fields.charge = { value: charging, source: 'location.battery.is_charging' };
}

/** The alarm may sit on the location (Traccar) or in its extras (set by the app when SOS is pressed). */
function readAlarm(root: JsonObject, location: JsonObject, fields: OsmandFields): void {
  const extras = isObject(location.extras) ? location.extras : {};
  const candidates: ReadonlyArray<readonly [JsonObject, string]> = [
    [location, 'location.alarm'],
    [extras, 'location.extras.alarm'],
    [root, 'alarm'],
  ];
  for (const [parent, path] of candidates) {
    const value = parent.alarm;
    if (typeof value === 'string' && value.trim() !== '') {
      fields.alarm = { value, source: path };
      return;
    }
  }
}
