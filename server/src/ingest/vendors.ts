import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireAccess } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Database } from '../db/index.ts';
import { uniqueAs } from '../errors.ts';
import { contextOf } from '../http/auth.ts';
import { fromRows, Timestamp, Uuid } from '../http/schema.ts';
import { insertVendor, listVendors } from './vendor-repository.ts';

const Vendor = Type.Object({ id: Uuid, name: Type.String(), createdAt: Timestamp });
const VendorCreated = Type.Object({
  name: Type.String(),
  webhookSecret: Type.String({ description: 'shown once, never again' }),
});

/** Administrators register vendor platforms; the webhook secret is shown once, then only stored sealed. */
export function vendorRoutes(db: Database, secrets: SecretBox): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/vendors',
      { schema: { tags: ['devices'], response: { 200: Type.Array(Vendor) } } },
      async (request) => {
        requireAccess(contextOf(request).actor, 'device.manage');
        return fromRows(await listVendors(db));
      },
    );

    app.post(
      '/vendors',
      {
        schema: {
          tags: ['devices'],
          response: { 201: VendorCreated },
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
