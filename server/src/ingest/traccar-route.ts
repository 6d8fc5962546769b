import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Database } from '../db/index.ts';
import type { DeviceDirectory } from '../devices/directory.ts';
import { nulPath } from '../http/nul-guard.ts';
import { sendProblem } from '../http/problem.ts';
import type { Metrics } from '../metrics/registry.ts';
import type { IngestHandler } from './pipeline.ts';
import { decodeTraccar, type TraccarForward } from './traccar/decoder.ts';
import { vendorSecret } from './vendor-repository.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** "Bearer <token>" against the integration's secret, in constant time. */
function bearerMatches(header: string | undefined, secret: string): boolean {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  return token !== undefined && timingSafeEqual(digest(token), digest(secret));
}

const invalid = (reply: FastifyReply, field: string, message: string) =>
  sendProblem(reply, {
    status: 400,
    title: 'Invalid request',
    detail: `${field} ${message}`,
    errors: [{ field, message, code: 'invalid' }],
  });

/**
 * POST /api/v1/ingest/traccar/positions (Traccar `forward.url`, forward.type=json) and …/events
 * (`event.forward.url`): a Traccar server forwards what its devices send (see docs/traccar.md). Authenticated per
 * integration (a registered vendor: X-Aware-Vendor and Authorization: Bearer <its secret>); the device must be
 * one of that integration's, by Traccar's uniqueId. 200 only after every alarm in the body is committed; 503 when
 * storage fails, so Traccar retries; a retry or the same alarm arriving on both forwards is stored once.
 */
export function traccarRoutes(deps: {
  db: Database;
  secrets: SecretBox;
  directory: DeviceDirectory;
  handle: IngestHandler;
  metrics: Metrics;
}): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addContentTypeParser(
      ['application/json', 'text/plain'],
      { parseAs: 'buffer', bodyLimit: 64 * 1024 },
      (_req, body, done) => done(null, body),
    );
    const count = (outcome: string) => deps.metrics.ingestFrames.inc({ protocol: 'traccar', outcome });

    const receive = (forward: TraccarForward) => async (request: FastifyRequest, reply: FastifyReply) => {
      const receivedAt = new Date();
      const vendor = request.headers['x-aware-vendor'];
      const secret = typeof vendor === 'string' ? await vendorSecret(deps.db, deps.secrets, vendor) : null;
      if (!secret || !bearerMatches(request.headers.authorization, secret)) {
        count('unauthorized');
        return sendProblem(reply, {
          status: 401,
          title: 'Unauthorized',
          // one answer for an unknown integration and a wrong token: integration names are not confirmed
          detail: 'not sent by a known Traccar integration (X-Aware-Vendor, Authorization: Bearer)',
        });
      }
      let body: unknown;
      try {
        body = JSON.parse((request.body as Buffer | undefined)?.toString('utf8') ?? '');
      } catch {
        count('invalid');
        return invalid(reply, 'body', 'is not valid JSON');
      }
      const nul = nulPath(body);
      if (nul) {
        count('invalid');
        return invalid(reply, nul, 'must not contain a NUL character');
      }
      const decoded = decodeTraccar(forward, body, receivedAt);
      if (!decoded.ok) {
        count('invalid');
        return invalid(reply, decoded.field, decoded.detail);
      }
      // the device must be this integration's before anything is stored: nothing half-stored
      const device = await deps.directory.find('traccar', decoded.uniqueId);
      if (!device || device.vendor !== vendor) {
        count('unknown_device');
        return invalid(reply, 'device/uniqueId', 'is not a device of this integration');
      }
      try {
        for (const event of decoded.events) await deps.handle(event);
      } catch (error) {
        count('store_failed');
        request.log.error({ errorName: (error as Error).name }, 'traccar forward could not be stored');
        reply.header('retry-after', '5');
        return sendProblem(reply, { status: 503, title: 'Service Unavailable', detail: 'not stored; retry' });
      }
      count('accepted');
      return { stored: decoded.events.length };
    };

    const schema = (summary: string) => ({
      config: { public: true, rateLimit: { max: 6000, timeWindow: 60_000 } },
      schema: {
        tags: ['ingest'],
        summary,
        hide: false,
        response: {
          200: Type.Object({
            stored: Type.Integer({ description: 'events committed (0 for events that are not alarms)' }),
          }),
        },
      },
    });
    app.post(
      '/ingest/traccar/positions',
      schema('Traccar position forwarding (forward.type=json); see docs/traccar.md'),
      receive('positions'),
    );
    app.post(
      '/ingest/traccar/events',
      schema('Traccar event forwarding (event.forward.url); see docs/traccar.md'),
      receive('events'),
    );
  };
}
