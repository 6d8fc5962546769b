/** Parsing of single OsmAnd parameter values. Every function returns undefined for input it cannot accept. */

export type Scalar = string | number | boolean;

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumber(value: Scalar): number | undefined {
  if (typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = value.trim();
  if (!DECIMAL.test(text)) return undefined;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : undefined;
}

export function parseBoolean(value: Scalar): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return undefined;
}

/**
 * Epoch values at or above this are milliseconds: 1e11 seconds lies in the year 5138,
 * 1e11 milliseconds in 1973, so no real device time is ambiguous.
 */
const EPOCH_MS_THRESHOLD = 1e11;

const EPOCH = /^\d+(?:\.\d+)?$/;
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Epoch seconds, epoch milliseconds or ISO-8601; an ISO time without zone is taken as UTC. */
export function parseTimestamp(value: Scalar): Date | undefined {
  if (typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return fromEpoch(value);
  const text = value.trim();
  if (EPOCH.test(text)) return fromEpoch(Number(text));
  const match = ISO_8601.exec(text);
  return match ? fromIsoParts(match) : undefined;
}

function fromEpoch(epoch: number): Date | undefined {
  if (!Number.isFinite(epoch) || epoch < 0) return undefined;
  return validDate(Math.round(epoch >= EPOCH_MS_THRESHOLD ? epoch : epoch * 1000));
}

function fromIsoParts(match: RegExpExecArray): Date | undefined {
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone = 'Z'] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // Date.UTC rolls 31 February over into March; such a date is invalid, not a different day.
  if (new Date(utc).getUTCDate() !== d) return undefined;
  const offsetMinutes = parseZone(zone);
  return offsetMinutes === undefined ? undefined : validDate(utc - offsetMinutes * 60_000);
}

function parseZone(zone: string): number | undefined {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

function validDate(ms: number): Date | undefined {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
