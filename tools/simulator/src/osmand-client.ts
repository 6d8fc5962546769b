import { request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface OsmandSendOptions {
  host: string;
  port: number;
  id: string;
  kind: 'panic' | 'test' | 'heartbeat' | 'battery';
  lat?: number;
  lon?: number;
  battery?: number;
}

export interface OsmandSendResult {
  status: number;
  body: string;
  latencyMs: number;
}

const LOW_BATTERY_PERCENT = 5;
const TIMEOUT_MS = 10_000;

/** The query string Traccar Client would send for this kind of report. */
export function osmandQuery(opts: OsmandSendOptions, now: Date = new Date()): URLSearchParams {
  const params = new URLSearchParams({ id: opts.id, timestamp: String(Math.floor(now.getTime() / 1000)) });
  if (opts.lat !== undefined && opts.lon !== undefined) {
    params.set('lat', String(opts.lat));
    params.set('lon', String(opts.lon));
  }
  const battery = opts.kind === 'battery' ? (opts.battery ?? LOW_BATTERY_PERCENT) : opts.battery;
  if (battery !== undefined) params.set('batt', String(battery));
  if (opts.kind === 'panic') params.set('alarm', 'sos');
  if (opts.kind === 'test') params.set('alarm', 'test');
  if (opts.kind === 'battery') params.set('alarm', 'lowBattery');
  return params;
}

/** Sends one report like Traccar Client does: a POST with the parameters in the query string and no body. */
export function sendOsmand(opts: OsmandSendOptions): Promise<OsmandSendResult> {
  const path = `/?${osmandQuery(opts).toString()}`;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: opts.host,
        port: opts.port,
        method: 'POST',
        path,
        headers: { 'Content-Length': 0 },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            latencyMs: performance.now() - started,
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`OsmAnd request timed out after ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end();
  });
}
