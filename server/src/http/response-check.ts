import { isDeepStrictEqual } from 'node:util';
import type { FastifyInstance } from 'fastify';

const payloads = new WeakMap<object, unknown>();

/**
 * Tests only: Fastify serializes a reply with the route's response schema and silently drops what the
 * schema does not name. This compares what a handler returned with what went over the wire and turns a
 * difference into a 500 naming the route, so a schema that does not describe its reply fails a test.
 */
export function registerResponseCheck(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, _reply, payload) => {
    if (payload !== null && typeof payload === 'object' && !Buffer.isBuffer(payload))
      payloads.set(request, JSON.parse(JSON.stringify(payload)));
    return payload;
  });
  app.addHook('onSend', async (request, reply, serialized) => {
    if (!payloads.has(request) || typeof serialized !== 'string') return serialized;
    const expected = payloads.get(request);
    const sent: unknown = JSON.parse(serialized);
    if (isDeepStrictEqual(sent, expected)) return serialized;
    const route = `${request.method} ${request.routeOptions.url}`;
    request.log.error({ route, sent, expected }, 'response schema does not describe the reply');
    reply.code(500);
    return JSON.stringify({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: `the response schema of ${route} does not describe its reply: ${describeDifference(expected, sent)}`,
    });
  });
}

/** The first path where the two differ, e.g. "items/0/caseworkerName: missing". */
function describeDifference(expected: unknown, sent: unknown, path = ''): string {
  if (isDeepStrictEqual(expected, sent)) return '';
  if (expected && sent && typeof expected === 'object' && typeof sent === 'object') {
    const e = expected as Record<string, unknown>;
    const s = sent as Record<string, unknown>;
    for (const key of new Set([...Object.keys(e), ...Object.keys(s)])) {
      if (!(key in s)) return `${path}${key}: dropped`;
      if (!(key in e)) return `${path}${key}: added`;
      const inner = describeDifference(e[key], s[key], `${path}${key}/`);
      if (inner) return inner;
    }
  }
  return `${path || '(body)'}: ${JSON.stringify(expected)} became ${JSON.stringify(sent)}`;
}
