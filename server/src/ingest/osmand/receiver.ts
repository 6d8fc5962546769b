import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DeviceEvent } from '../../events/device-event.ts';
import { decodeOsmand } from './decoder.ts';
import { firstValues } from './fields.ts';
import { sendProblem } from './problem.ts';
import { readBody } from './read-body.ts';

/** The subset of a pino logger the receiver uses. Nothing logged here contains positions or raw requests. */
export interface OsmandReceiverLog {
  debug(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export type OsmandOutcome =
  | 'accepted'
  | 'invalid'
  | 'unknown_device'
  | 'too_large'
  | 'method_not_allowed'
  | 'lookup_failed'
  | 'store_failed'
  | 'aborted'
  | 'internal_error';

export interface OsmandReceiverOptions {
  port: number;
  host?: string;
  /** resolves once the event is committed; rejects when it cannot be stored */
  handle: (event: DeviceEvent) => Promise<void>;
  isKnownDevice: (id: string) => Promise<boolean>;
  log: OsmandReceiverLog;
  metrics?: { request(outcome: OsmandOutcome): void };
  /** default 16 KiB */
  maxBodyBytes?: number;
  /** time allowed to receive a whole request; default 15 s */
  requestTimeoutMs?: number;
  /** sent with 503 so the device retries; default 5 */
  retryAfterSeconds?: number;
  now?: () => Date;
}

export interface OsmandReceiver {
  port: number;
  /** stops accepting; resolves when requests in flight have been answered */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
const DEFAULT_RETRY_AFTER_SECONDS = 5;

/** A stable pseudonym for a device id so logs can be correlated without carrying the identifier itself. */
function deviceRef(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 12);
}

/** Error name and code only: messages of storage errors can quote the data that failed. */
function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const code = (error as { code?: unknown }).code;
  return { errorName: error.name, ...(typeof code === 'string' ? { errorCode: code } : {}) };
}

function sendOk(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Length': 0 });
  res.end();
}

export async function startOsmandReceiver(options: OsmandReceiverOptions): Promise<OsmandReceiver> {
  const { handle, isKnownDevice, log, metrics } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const retryAfter = String(options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
  const now = options.now ?? (() => new Date());

  const unavailable = (res: ServerResponse, detail: string) =>
    sendProblem(res, { status: 503, title: 'Service Unavailable', detail }, { 'Retry-After': retryAfter });

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<OsmandOutcome> {
    const receivedAt = now();
    const method = req.method ?? '';
    if (method !== 'GET' && method !== 'POST') {
      req.resume();
      res.setHeader('Allow', 'GET, POST');
      sendProblem(res, { status: 405, title: 'Method Not Allowed', detail: 'use GET or POST' });
      return 'method_not_allowed';
    }

    const body = await readBody(req, maxBodyBytes);
    if (!body.ok && body.reason === 'aborted') return 'aborted';
    if (!body.ok) {
      sendProblem(
        res,
        { status: 413, title: 'Content Too Large', detail: `body exceeds ${maxBodyBytes} bytes` },
        { Connection: 'close' },
      );
      return 'too_large';
    }

    const target = req.url ?? '/';
    const queryStart = target.indexOf('?');
    const search = new URLSearchParams(queryStart === -1 ? '' : target.slice(queryStart + 1));
    const decoded = decodeOsmand({
      method,
      target,
      query: firstValues(search),
      contentType: req.headers['content-type'],
      body: body.body,
      receivedAt,
    });
    if (!decoded.ok) {
      log.warn({ outcome: 'invalid', field: decoded.field }, 'osmand request rejected');
      sendProblem(res, {
        status: 400,
        title: 'Bad Request',
        detail: `${decoded.field} ${decoded.detail}`,
        field: decoded.field,
      });
      return 'invalid';
    }

    const { event } = decoded;
    const ref = deviceRef(event.deviceAccount);
    let known: boolean;
    try {
      known = await isKnownDevice(event.deviceAccount);
    } catch (error) {
      log.error(
        { outcome: 'lookup_failed', deviceRef: ref, ...describeError(error) },
        'osmand device lookup failed',
      );
      unavailable(res, 'device lookup failed, retry later');
      return 'lookup_failed';
    }
    if (!known) {
      log.warn({ outcome: 'unknown_device', deviceRef: ref }, 'osmand request from unknown device');
      sendProblem(res, { status: 400, title: 'Bad Request', detail: 'unknown device', field: 'id' });
      return 'unknown_device';
    }

    try {
      await handle(event);
    } catch (error) {
      log.error(
        { outcome: 'store_failed', deviceRef: ref, kind: event.kind, ...describeError(error) },
        'osmand event not stored',
      );
      unavailable(res, 'event not stored, retry later');
      return 'store_failed';
    }
    log.debug({ outcome: 'accepted', deviceRef: ref, kind: event.kind }, 'osmand event stored');
    sendOk(res);
    return 'accepted';
  }

  function serve(req: IncomingMessage, res: ServerResponse): void {
    respond(req, res).then(
      (outcome) => metrics?.request(outcome),
      (error: unknown) => {
        log.error({ outcome: 'internal_error', ...describeError(error) }, 'osmand receiver failed');
        if (res.headersSent) res.destroy();
        else unavailable(res, 'internal error, retry later');
        metrics?.request('internal_error');
      },
    );
  }

  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(requestTimeout, 60_000),
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(requestTimeout / 4))),
    },
    serve,
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host: options.host }, () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
