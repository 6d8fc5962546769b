import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../events/device-event.ts';
import {
  type OsmandOutcome,
  type OsmandReceiver,
  type OsmandReceiverOptions,
  startOsmandReceiver,
} from './receiver.ts';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string | number>;
    body?: string | Buffer;
  },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path,
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Harness {
  receiver: OsmandReceiver;
  handled: DeviceEvent[];
  logs: Array<{ level: string; fields: Record<string, unknown>; message: string }>;
  outcomes: OsmandOutcome[];
}

let open: OsmandReceiver | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function start(overrides: Partial<OsmandReceiverOptions> = {}): Promise<Harness> {
  const handled: DeviceEvent[] = [];
  const logs: Harness['logs'] = [];
  const outcomes: OsmandOutcome[] = [];
  const logAt = (level: string) => (fields: Record<string, unknown>, message: string) =>
    logs.push({ level, fields, message });
  const receiver = await startOsmandReceiver({
    port: 0,
    host: '127.0.0.1',
    handle: async (event) => {
      handled.push(event);
    },
    isKnownDevice: async (id) => id.startsWith('known'),
    log: { debug: logAt('debug'), warn: logAt('warn'), error: logAt('error') },
    metrics: { request: (outcome) => outcomes.push(outcome) },
    ...overrides,
  });
  open = receiver;
  return { receiver, handled, logs, outcomes };
}

describe('OsmAnd receiver', () => {
  it('stores a query-string panic and answers 200', async () => {
    const { receiver, handled, outcomes } = await start();
    const reply = await send(receiver.port, {
      path: '/?id=known-1&lat=52.1&lon=4.3&alarm=sos&timestamp=1700000000',
    });
    expect(reply.status).toBe(200);
    expect(handled).toHaveLength(1);
    expect(handled[0]).toMatchObject({
      protocol: 'osmand',
      deviceAccount: 'known-1',
      kind: 'panic',
      position: { lat: 52.1, lon: 4.3 },
    });
    expect(handled[0]!.raw).toBe('POST /?id=known-1&lat=52.1&lon=4.3&alarm=sos&timestamp=1700000000');
    expect(outcomes).toEqual(['accepted']);
  });

  it('answers 200 only after handle has resolved', async () => {
    const commit = deferred();
    const order: string[] = [];
    let handleCalled = false;
    const { receiver } = await start({
      handle: async () => {
        handleCalled = true;
        await commit.promise;
        order.push('committed');
      },
    });
    const pending = send(receiver.port, { method: 'GET', path: '/?id=known-2&alarm=sos' }).then((reply) => {
      order.push(`answered ${reply.status}`);
      return reply;
    });
    while (!handleCalled) await tick(5);
    await tick(100);
    expect(order).toEqual([]);
    commit.resolve();
    const reply = await pending;
    expect(reply.status).toBe(200);
    expect(order).toEqual(['committed', 'answered 200']);
  });

  it('answers 503 with Retry-After when the event cannot be stored', async () => {
    const { receiver, logs, outcomes } = await start({
      handle: async () => {
        throw new Error('insert failed for 52.1234,4.5678');
      },
      retryAfterSeconds: 7,
    });
    const reply = await send(receiver.port, { path: '/?id=known-3&lat=52.1234&lon=4.5678&alarm=sos' });
    expect(reply.status).toBe(503);
    expect(reply.headers['retry-after']).toBe('7');
    expect(reply.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(reply.body)).toMatchObject({ status: 503 });
    expect(outcomes).toEqual(['store_failed']);
    expect(logs.some((entry) => entry.level === 'error')).toBe(true);
    expect(JSON.stringify(logs)).not.toContain('52.1234');
    expect(JSON.stringify(logs)).not.toContain('known-3');
  });

  it('answers 503 when the device lookup fails, without storing', async () => {
    const { receiver, handled } = await start({
      isKnownDevice: async () => {
        throw new Error('database down');
      },
    });
    const reply = await send(receiver.port, { path: '/?id=known-4&alarm=sos' });
    expect(reply.status).toBe(503);
    expect(reply.headers['retry-after']).toBe('5');
    expect(handled).toEqual([]);
  });

  it('rejects an unknown device with 400 naming id and does not store', async () => {
    const { receiver, handled, outcomes } = await start();
    const reply = await send(receiver.port, { path: '/?id=stranger&alarm=sos' });
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(reply.body)).toMatchObject({ status: 400, field: 'id', detail: 'unknown device' });
    expect(handled).toEqual([]);
    expect(outcomes).toEqual(['unknown_device']);
  });

  it('rejects a declared oversized body with 413 before reading it', async () => {
    const { receiver, handled } = await start({ maxBodyBytes: 1024 });
    const reply = await send(receiver.port, {
      path: '/?id=known-5',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `alarm=sos&pad=${'x'.repeat(4096)}`,
    });
    expect(reply.status).toBe(413);
    expect(reply.headers['content-type']).toBe('application/problem+json');
    expect(handled).toEqual([]);
  });

  it('rejects an oversized chunked body with 413', async () => {
    const { receiver, handled, outcomes } = await start({ maxBodyBytes: 1024 });
    const reply = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: receiver.port, method: 'POST', path: '/?id=known-6', agent: false },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 4; i++) req.write('x'.repeat(512));
      req.end();
    });
    expect(reply).toBe(413);
    expect(handled).toEqual([]);
    expect(outcomes).toEqual(['too_large']);
  });

  it('rejects malformed JSON with 400 problem+json', async () => {
    const { receiver, handled } = await start();
    const reply = await send(receiver.port, {
      path: '/',
      headers: { 'content-type': 'application/json' },
      body: '{"device_id":"known-7","location":',
    });
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(reply.body)).toMatchObject({ type: 'about:blank', status: 400, field: 'body' });
    expect(handled).toEqual([]);
  });

  it('rejects a bad latitude naming lat, without logging it', async () => {
    const { receiver, logs } = await start();
    const reply = await send(receiver.port, { path: '/?id=known-8&lat=91.4242&lon=4.3' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ field: 'lat' });
    expect(logs).toHaveLength(1);
    expect(JSON.stringify(logs)).not.toContain('91.4242');
  });

  it('stores a panic with a bad latitude without its position, naming lat, without logging it', async () => {
    const { receiver, handled, logs, outcomes } = await start();
    const reply = await send(receiver.port, { path: '/?id=known-8&lat=91.4242&lon=4.3&alarm=sos&batt=30' });
    expect(reply.status).toBe(200);
    expect(handled).toHaveLength(1);
    expect(handled[0]).toMatchObject({
      kind: 'panic',
      batteryPercent: 30,
      text: 'dropped invalid: lat',
    });
    expect(handled[0]!.position).toBeUndefined();
    expect(outcomes).toEqual(['accepted']);
    expect(JSON.stringify(logs)).not.toContain('91.4242');
  });

  it('stores a Traccar Client JSON body', async () => {
    const { receiver, handled } = await start();
    const json = {
      device_id: 'known-9',
      location: {
        timestamp: '2025-06-15T13:45:12.862Z',
        coords: { latitude: 52.09, longitude: 5.12, accuracy: 5, speed: 0, heading: -1, altitude: 5 },
        battery: { level: 0.42, is_charging: false },
      },
    };
    const reply = await send(receiver.port, {
      path: '/',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(json),
    });
    expect(reply.status).toBe(200);
    expect(handled[0]).toMatchObject({
      deviceAccount: 'known-9',
      kind: 'position',
      batteryPercent: 42,
      charging: false,
    });
  });

  it('answers 405 to other methods', async () => {
    const { receiver, handled } = await start();
    const reply = await send(receiver.port, { method: 'PUT', path: '/?id=known-10&alarm=sos' });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, POST');
    expect(handled).toEqual([]);
  });

  it('survives garbage on the socket and keeps serving', async () => {
    const { receiver, handled } = await start();
    await new Promise<void>((resolve) => {
      const socket = connect(receiver.port, '127.0.0.1', () => {
        socket.end(Buffer.from([0x16, 0x03, 0x01, 0xff, 0x00, 0x0d, 0x0a, 0x0d, 0x0a, 0x47, 0x45]));
      });
      socket.on('error', () => resolve());
      socket.on('close', () => resolve());
      socket.resume();
    });
    const hostile = await send(receiver.port, { path: '/?id=known-11&lat=%ZZ&lon=%00' });
    expect(hostile.status).toBe(400);
    const reply = await send(receiver.port, { path: '/?id=known-11&alarm=test' });
    expect(reply.status).toBe(200);
    expect(handled.map((event) => event.kind)).toEqual(['test']);
  });

  it('times out a request whose body never arrives', async () => {
    const { receiver, handled } = await start({ requestTimeoutMs: 300 });
    const response = await new Promise<string>((resolve) => {
      let received = '';
      const socket = connect(receiver.port, '127.0.0.1', () => {
        socket.write('POST /?id=known-12&alarm=sos HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nid=');
      });
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString();
      });
      socket.on('close', () => resolve(received));
      socket.on('error', () => resolve(received));
    });
    expect(response).toMatch(/^HTTP\/1\.1 408/);
    expect(handled).toEqual([]);
  });

  it('waits for a request in flight when closing', async () => {
    const commit = deferred();
    let handleCalled = false;
    const { receiver } = await start({
      handle: async () => {
        handleCalled = true;
        await commit.promise;
      },
    });
    const pending = send(receiver.port, { path: '/?id=known-13&alarm=sos' });
    while (!handleCalled) await tick(5);
    let closed = false;
    const closing = receiver.close().then(() => {
      closed = true;
    });
    open = undefined;
    await tick(50);
    expect(closed).toBe(false);
    commit.resolve();
    expect((await pending).status).toBe(200);
    await closing;
    expect(closed).toBe(true);
  });
});
