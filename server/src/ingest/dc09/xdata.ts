import type { Position } from '../../events/device-event.ts';
import { parseDc09Time } from './timestamp.ts';

export interface ExtendedData {
  position?: Position;
  /** I: alarm text */
  text?: string;
  /** H: time of occurrence */
  occurredAt?: Date;
}

type Axis = 'lat' | 'lon';

const HEMISPHERES: Record<Axis, { positive: string; negative: string }> = {
  lat: { positive: 'N', negative: 'S' },
  lon: { positive: 'E', negative: 'W' },
};

const DEGREES_MINUTES = /^(\d{1,3})([NSEW])(\d{1,2}(?:\.\d+)?)$/;
const DECIMAL_DEGREES = /^([NSEW])?([+-]?\d{1,3}(?:\.\d+)?)([NSEW])?$/;

function signFor(hemisphere: string | undefined, axis: Axis): number | undefined {
  if (hemisphere === undefined) return 1;
  if (hemisphere === HEMISPHERES[axis].positive) return 1;
  if (hemisphere === HEMISPHERES[axis].negative) return -1;
  return undefined;
}

/**
 * A coordinate in decimal degrees, from either `006E07.7777777` (degrees, hemisphere, decimal
 * minutes) or `4.895168` / `-4.895168` / `E4.895168`; undefined when unreadable or out of range.
 */
export function parseCoordinate(value: string, axis: Axis): number | undefined {
  let degrees: number | undefined;
  const dm = DEGREES_MINUTES.exec(value);
  if (dm) {
    const sign = signFor(dm[2], axis);
    const minutes = Number(dm[3]);
    if (sign !== undefined && minutes < 60) degrees = sign * (Number(dm[1]) + minutes / 60);
  } else {
    const dd = DECIMAL_DEGREES.exec(value);
    if (dd && !(dd[1] && dd[3])) {
      const hemisphere = dd[1] ?? dd[3];
      const sign = signFor(hemisphere, axis);
      const number = Number(dd[2]);
      if (sign !== undefined && !(hemisphere && number < 0)) degrees = sign * number;
    }
  }
  if (degrees === undefined || !Number.isFinite(degrees)) return undefined;
  return Math.abs(degrees) <= (axis === 'lat' ? 90 : 180) ? degrees : undefined;
}

const ALTITUDE = /^([+-]?\d{1,5}(?:\.\d+)?)[mM]?$/;

/** Alarm text as stored: no control characters, bounded length. */
export function cleanText(text: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip
  const cleaned = text.replace(/[\x00-\x1F\x7F]/g, ' ').trim();
  return cleaned === '' ? undefined : cleaned.slice(0, 500);
}

/** Reads the extended data blocks this receiver uses; everything else stays only in the raw frame. */
export function parseExtendedData(blocks: readonly string[]): ExtendedData {
  const result: ExtendedData = {};
  let lon: number | undefined;
  let lat: number | undefined;
  let altitude: number | undefined;
  const locationBlocks: string[] = [];
  for (const block of blocks) {
    const letter = block[0];
    const value = block.slice(1);
    if (letter === 'X' || letter === 'Y' || letter === 'Z') locationBlocks.push(`[${block}]`);
    if (letter === 'X') lon = parseCoordinate(value, 'lon');
    else if (letter === 'Y') lat = parseCoordinate(value, 'lat');
    else if (letter === 'Z') {
      const match = ALTITUDE.exec(value);
      altitude = match ? Number(match[1]) : undefined;
    } else if (letter === 'I') {
      const text = cleanText(value);
      if (text) result.text = text;
    } else if (letter === 'H') {
      const time = parseDc09Time(value.replace(/^_/, ''));
      if (time) result.occurredAt = time;
    }
  }
  if (lat !== undefined && lon !== undefined) {
    result.position = { lat, lon, raw: locationBlocks.join('') };
    if (altitude !== undefined) result.position.altitude = altitude;
  }
  return result;
}
