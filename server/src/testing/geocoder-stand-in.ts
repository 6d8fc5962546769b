import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A STAND-IN for PDOK Locatieserver's reverse endpoint (GET /bzk/locatieserver/search/v3_1/reverse), local and
 * scripted, so tests never ask the real service. It answers the same JSON shape: `{ response: { numFound, start,
 * maxScore, numFoundExact, docs: [{ type, weergavenaam, id, score, afstand, centroide_ll }] } }`.
 * `mode` decides the next answers: an address, none, an error, or an answer only after `delayMs`.
 */
export interface GeocoderStandIn {
  /** base URL for AWARE_GEOCODER_URL */
  url: string;
  mode: 'address' | 'none' | 'error' | 'slow';
  delayMs: number;
  /** the queries received, as lat/lon strings (what left Aware: already rounded) */
  asked: { lat: string; lon: string }[];
  close(): Promise<void>;
}

export const STAND_IN_ADDRESS = 'Stationsplein 1, 1211EX Hilversum';
/** the stand-in's address point, about 25 m north of 52.2226, 5.1746 */
export const STAND_IN_POINT = { lat: 52.222825, lon: 5.1746 };

export async function startGeocoderStandIn(): Promise<GeocoderStandIn> {
  const open = new Set<ServerResponse>();
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (url.pathname !== '/bzk/locatieserver/search/v3_1/reverse') {
      res.writeHead(404).end();
      return;
    }
    standIn.asked.push({ lat: url.searchParams.get('lat') ?? '', lon: url.searchParams.get('lon') ?? '' });
    if (standIn.mode === 'error') {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable');
      return;
    }
    const docs =
      standIn.mode === 'none'
        ? []
        : [
            {
              type: 'adres',
              weergavenaam: STAND_IN_ADDRESS,
              id: 'adr-0000000000000000000000000000001',
              score: 1,
              afstand: 24.9,
              centroide_ll: `POINT(${STAND_IN_POINT.lon} ${STAND_IN_POINT.lat})`,
            },
          ];
    const body = JSON.stringify({
      response: { numFound: docs.length, start: 0, maxScore: 1, numFoundExact: true, docs },
    });
    const send = () => {
      open.delete(res);
      if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    };
    open.add(res);
    if (standIn.mode === 'slow') setTimeout(send, standIn.delayMs);
    else send();
  };
  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const standIn: GeocoderStandIn = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bzk/locatieserver/search/v3_1/reverse`,
    mode: 'address',
    delayMs: 5000,
    asked: [],
    close: () =>
      new Promise((resolve) => {
        for (const res of open) res.destroy();
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return standIn;
}
