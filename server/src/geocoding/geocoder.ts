/** An address a geocoder found near a point, and the point it describes (when the geocoder says). */
export interface FoundAddress {
  text: string;
  point: { lat: number; lon: number } | null;
  /** metres from the asked point, when the geocoder gives it but no point */
  distanceMetres: number | null;
}

/** One reverse look-up. Resolves null when the geocoder knows no address there; rejects when it failed. */
export type Geocoder = (lat: number, lon: number, signal: AbortSignal) => Promise<FoundAddress | null>;

export type GeocoderKind = 'pdok' | 'nominatim';

export class GeocoderFailed extends Error {
  constructor(readonly reason: 'status' | 'answer') {
    super(`geocoder failed: ${reason}`);
    this.name = 'GeocoderFailed';
  }
}

export async function getJson(url: URL, signal: AbortSignal, headers: Record<string, string> = {}) {
  const response = await fetch(url, { signal, headers: { accept: 'application/json', ...headers } });
  if (!response.ok) {
    await response.body?.cancel();
    throw new GeocoderFailed('status');
  }
  try {
    return (await response.json()) as unknown;
  } catch {
    throw new GeocoderFailed('answer');
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const nonEmptyText = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 300) : null;
