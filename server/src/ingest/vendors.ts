import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireAccess } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Database } from '../db/index.ts';
import { uniqueAs } from '../errors.ts';
import { contextOf } from '../http/auth.ts';
import { insertVendor, listVendors } from './vendor-repository.ts';

/** Administrators register vendor platforms; the webhook secret is shown once, then only stored sealed. */
export function vendorRoutes(db: Database, secrets: SecretBox): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/vendors', { schema: { tags: ['devices'] } }, async (request) => {
      requireAccess(contextOf(request).actor, 'device.manage');
      return listVendors(db);
    });

    app.post(
      '/vendors',
      {
        schema: {
          tags: ['devices'],
          body: Type.Object(
            { name: Type.String({ minLength: 1, maxLength: 100 }) },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        requireAccess(ctx.actor, 'apitoken.manage');
        const secret = randomBytes(32).toString('base64url');
        await db.transaction(async (tx) => {
          await uniqueAs(
            insertVendor(tx, secrets, request.body.name, secret),
            'name',
            'vendor exists',
            'vendor.exists',
          );
          await audit(tx, ctx, {
            action: 'vendor.create',
            access: 'write',
            recordType: 'vendor',
            recordId: request.body.name,
          });
        });
        return reply.code(201).send({ name: request.body.name, webhookSecret: secret });
      },
    );
  };
}
