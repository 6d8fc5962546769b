import type { Scalar } from './values.ts';

export type FieldName =
  | 'id'
  | 'timestamp'
  | 'lat'
  | 'lon'
  | 'speed'
  | 'bearing'
  | 'altitude'
  | 'accuracy'
  | 'batt'
  | 'charge'
  | 'alarm';

export interface Field {
  value: Scalar;
  /** the parameter or JSON path as the client sent it, so a 400 names what the client can fix */
  source: string;
}

/** One OsmAnd report in query-string units (speed in knots, battery in percent), not yet validated. */
export type OsmandFields = Partial<Record<FieldName, Field>>;

/** An optional field that could not be read; the decoder decides whether it rejects the request or drops the field. */
export interface FieldProblem {
  /** the parameter or JSON path as the client sent it; never the value */
  field: string;
  detail: string;
}

export interface CollectedFields {
  fields: OsmandFields;
  invalid: FieldProblem[];
}

/** `ok: false` only for what no event can do without (the device id); everything else lands in `invalid`. */
export type FieldsResult = ({ ok: true } & CollectedFields) | { ok: false; field: string; detail: string };

const SIMPLE: ReadonlyArray<readonly [FieldName, readonly string[]]> = [
  ['id', ['id', 'deviceid']],
  ['timestamp', ['timestamp']],
  ['lat', ['lat']],
  ['lon', ['lon']],
  ['speed', ['speed']],
  ['bearing', ['bearing', 'heading']],
  ['altitude', ['altitude']],
  ['accuracy', ['accuracy']],
  ['batt', ['batt']],
  ['charge', ['charge']],
  ['alarm', ['alarm']],
];

/** Reads the Traccar/OsmAnd parameters from a query string or form body; other parameters are ignored. */
export function fieldsFromParams(params: Readonly<Record<string, string>>): CollectedFields {
  const fields: OsmandFields = {};
  const invalid: FieldProblem[] = [];
  for (const [name, aliases] of SIMPLE) {
    for (const alias of aliases) {
      const value = params[alias];
      if (value !== undefined && value.trim() !== '') {
        fields[name] = { value, source: alias };
        break;
      }
    }
  }
  const location = params.location;
  if (location !== undefined && location.trim() !== '' && !fields.lat && !fields.lon) {
    const parts = location.split(',');
    if (parts.length === 2) {
      fields.lat = { value: parts[0]!, source: 'location' };
      fields.lon = { value: parts[1]!, source: 'location' };
    } else {
      invalid.push({ field: 'location', detail: 'must be "lat,lon"' });
    }
  }
  return { fields, invalid };
}

/** The first value of each parameter, as Traccar reads a repeated parameter. */
export function firstValues(params: URLSearchParams): Record<string, string> {
  const result: Record<string, string> = Object.create(null);
  for (const [key, value] of params) if (!(key in result)) result[key] = value;
  return result;
}

/** Later sources win: a form or JSON body overrides the query string. Problems of both are kept, query first. */
export function mergeFields(base: CollectedFields, override: CollectedFields): CollectedFields {
  return { fields: { ...base.fields, ...override.fields }, invalid: [...base.invalid, ...override.invalid] };
}
