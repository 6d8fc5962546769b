import { type Geocoder, GeocoderFailed, getJson, isObject, nonEmptyText } from './geocoder.ts';

export const NOMINATIM_REVERSE_URL = 'https://nominatim.openstreetmap.org/reverse';

const coordinate = (value: unknown) => {
  const n = typeof value === 'string' || typeof value === 'number' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : null;
};

/**
 * A Nominatim-compatible reverse endpoint: GET …/reverse?format=jsonv2&lat=&lon= answers
 * `{ display_name, lat, lon, ... }`, or `{ error: "Unable to geocode" }` where it knows nothing.
 */
export function nominatimGeocoder(baseUrl: string, userAgent: string): Geocoder {
  return async (lat, lon, signal) => {
    const url = new URL(baseUrl);
    url.searchParams.set('format', 'jsonv2');
    url.searchParams.set('lat', String(lat));
    url.searchParams.set('lon', String(lon));
    url.searchParams.set('zoom', '18');
    url.searchParams.set('addressdetails', '0');
    const body = await getJson(url, signal, { 'user-agent': userAgent });
    if (!isObject(body)) throw new GeocoderFailed('answer');
    if (body.error !== undefined) return null;
    const text = nonEmptyText(body.display_name);
    if (!text) return null;
    const pointLat = coordinate(body.lat);
    const pointLon = coordinate(body.lon);
    return {
      text,
      point: pointLat !== null && pointLon !== null ? { lat: pointLat, lon: pointLon } : null,
      distanceMetres: null,
    };
  };
}
