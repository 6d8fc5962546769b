import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Database } from '../db/index.ts';
import type { DeviceDirectory } from '../devices/directory.ts';
import { nulPath } from '../http/nul-guard.ts';
import { sendProblem } from '../http/problem.ts';
import type { Metrics } from '../metrics/registry.ts';
import type { IngestHandler } from './pipeline.ts';
import { vendorSecret } from './vendor-repository.ts';
import { decodeWebhookBody } from './webhook/decoder.ts';
import { validateWebhookBody } from './webhook/schema.ts';
import { verifyWebhookSignature } from './webhook/signature.ts';

const fieldOf = (pointer: string) => pointer.replace(/^\//, '') || 'body';

/**
 * POST /api/v1/ingest/events — vendor platforms push events, signed per vendor (see docs/webhook.md).
 * 200 only after every event in the body is committed; 503 when storage fails, so the vendor retries.
 */
export function webhookRoute(deps: {
  db: Database;
  secrets: SecretBox;
  directory: DeviceDirectory;
  handle: IngestHandler;
  metrics: Metrics;
  windowSeconds: number;
}): FastifyPluginAsyncTypebox {
  return async (app) => {
    // the signature covers the body exactly as sent, so keep the raw bytes
    app.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: 256 * 1024 },
      (_req, body, done) => done(null, body),
    );
    const count = (outcome: string) => deps.metrics.ingestFrames.inc({ protocol: 'webhook', outcome });

    app.post(
      '/ingest/events',
      {
        config: { public: true, rateLimit: { max: 6000, timeWindow: 60_000 } },
        schema: {
          tags: ['ingest'],
          summary: 'Vendor webhook (HMAC-signed); see docs/webhook.md',
          hide: false,
          response: {
            200: Type.Object({ stored: Type.Integer({ description: 'events committed from this body' }) }),
          },
        },
      },
      async (request, reply) => {
        const raw = request.body as Buffer;
        const vendor = request.headers['x-aware-vendor'];
        const secret = typeof vendor === 'string' ? await vendorSecret(deps.db, deps.secrets, vendor) : null;
        const signature = verifyWebhookSignature({
          secret: secret ?? '\0no-vendor',
          timestampHeader: request.headers['x-aware-timestamp'],
          signatureHeader: request.headers['x-aware-signature'],
          rawBody: raw,
          now: new Date(),
          windowSeconds: deps.windowSeconds,
        });
        if (!secret || !signature.ok) {
          count('unauthorized');
          return sendProblem(reply, {
            status: 401,
            title: 'Unauthorized',
            // one answer for an unknown vendor and a bad signature: vendor names are not confirmed
            detail: 'not signed by a known vendor (X-Aware-Vendor, X-Aware-Timestamp, X-Aware-Signature)',
          });
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw.toString('utf8'));
        } catch {
          count('invalid');
          return sendProblem(reply, {
            status: 400,
            title: 'Invalid request',
            detail: 'body is not valid JSON',
            errors: [{ field: 'body', message: 'is not valid JSON', code: 'invalid' }],
          });
        }
        const nul = nulPath(parsed);
        if (nul) {
          count('invalid');
          return sendProblem(reply, {
            status: 400,
            title: 'Invalid request',
            detail: `${nul} must not contain a NUL character`,
            errors: [{ field: nul, message: 'must not contain a NUL character', code: 'text.nul' }],
          });
        }
        const validation = validateWebhookBody(parsed);
        if (!validation.ok) {
          count('invalid');
          return sendProblem(reply, {
            status: 400,
            title: 'Invalid request',
            detail: validation.errors.map((e) => `${fieldOf(e.path)} ${e.message}`).join('; '),
            errors: validation.errors.map((e) => ({
              field: fieldOf(e.path),
              message: e.message,
              code: 'invalid',
            })),
          });
        }
        const events = decodeWebhookBody(validation.events, new Date());
        // every device must be this vendor's before anything is stored: nothing half-stored
        for (const [i, event] of events.entries()) {
          const device = await deps.directory.find('webhook', event.deviceAccount);
          if (!device || device.vendor !== vendor) {
            count('unknown_device');
            const field = Array.isArray(parsed) ? `${i}/deviceId` : 'deviceId';
            return sendProblem(reply, {
              status: 400,
              title: 'Invalid request',
              detail: `${field} is not a device of this vendor`,
              errors: [{ field, message: 'is not a device of this vendor', code: 'invalid' }],
            });
          }
        }
        try {
          for (const event of events) await deps.handle(event);
        } catch (error) {
          count('store_failed');
          request.log.error({ errorName: (error as Error).name }, 'webhook event could not be stored');
          reply.header('retry-after', '5');
          return sendProblem(reply, {
            status: 503,
            title: 'Service Unavailable',
            detail: 'events could not be stored; retry',
          });
        }
        count('accepted');
        return { stored: events.length };
      },
    );
  };
}
