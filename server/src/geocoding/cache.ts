import type { FoundAddress } from './geocoder.ts';

/** 4 decimals: about 11 m north-south and 7 m east-west in the Netherlands, well inside a fix's accuracy. */
const DECIMALS = 4;
const FOUND_TTL_MS = 24 * 3600_000;
/** "no address here" is asked again sooner: the register grows */
const NONE_TTL_MS = 3600_000;

export const roundedPoint = (lat: number, lon: number) => ({
  lat: Number(lat.toFixed(DECIMALS)),
  lon: Number(lon.toFixed(DECIMALS)),
});

export const cacheKey = (lat: number, lon: number) => `${lat.toFixed(DECIMALS)},${lon.toFixed(DECIMALS)}`;

/** Answers by rounded point, in memory only (never stored: a list of places she was), oldest dropped first. */
export function createAddressCache(maxEntries: number) {
  const entries = new Map<string, { address: FoundAddress | null; until: number }>();
  return {
    get(key: string): { address: FoundAddress | null } | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.until < Date.now()) {
        entries.delete(key);
        return undefined;
      }
      // most recently used last
      entries.delete(key);
      entries.set(key, entry);
      return { address: entry.address };
    },
    set(key: string, address: FoundAddress | null) {
      entries.delete(key);
      entries.set(key, { address, until: Date.now() + (address ? FOUND_TTL_MS : NONE_TTL_MS) });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}
