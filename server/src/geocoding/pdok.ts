import {
  type FoundAddress,
  type Geocoder,
  GeocoderFailed,
  getJson,
  isObject,
  nonEmptyText,
} from './geocoder.ts';

export const PDOK_REVERSE_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1/reverse';

/** "POINT(5.17 52.22)" (lon lat, WGS84) as PDOK gives centroide_ll. */
function pointOf(value: unknown): FoundAddress['point'] {
  const match = typeof value === 'string' ? /^POINT\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)$/.exec(value) : null;
  if (!match) return null;
  const lon = Number(match[1]);
  const lat = Number(match[2]);
  return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
}

/**
 * PDOK Locatieserver's reverse endpoint (the Dutch government's geocoder over the BAG address register):
 * GET …/reverse?lat=&lon=&rows=1&type=adres&fl=… answers
 * `{ response: { numFound, docs: [{ weergavenaam: "Stationsplein 1, 1211EX Hilversum", afstand, centroide_ll }] } }`.
 */
export function pdokGeocoder(baseUrl: string): Geocoder {
  return async (lat, lon, signal) => {
    const url = new URL(baseUrl);
    url.searchParams.set('lat', String(lat));
    url.searchParams.set('lon', String(lon));
    url.searchParams.set('rows', '1');
    url.searchParams.set('type', 'adres');
    url.searchParams.set('fl', 'weergavenaam,afstand,centroide_ll');
    const body = await getJson(url, signal);
    const response = isObject(body) ? body.response : undefined;
    if (!isObject(response) || !Array.isArray(response.docs)) throw new GeocoderFailed('answer');
    const doc = response.docs[0];
    if (!isObject(doc)) return null;
    const text = nonEmptyText(doc.weergavenaam);
    if (!text) return null;
    const afstand = typeof doc.afstand === 'number' && Number.isFinite(doc.afstand) ? doc.afstand : null;
    return { text, point: pointOf(doc.centroide_ll), distanceMetres: afstand };
  };
}
