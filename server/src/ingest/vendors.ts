import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireAccess } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Database, Queryable } from '../db/index.ts';
import { uniqueAs } from '../errors.ts';
import { contextOf } from '../http/auth.ts';

/** The vendor's webhook secret, opened from its sealed form, or null for an unknown vendor. */
export async function vendorSecret(db: Queryable, secrets: SecretBox, name: string): Promise<string | null> {
  const r = await db.query<{ sealed: string }>(
    'select webhook_secret_sealed as sealed from vendors where name = $1',
    [name],
  );
  return r.rows[0] ? secrets.open(r.rows[0].sealed) : null;
}

export async function insertVendor(db: Queryable, secrets: SecretBox, name: string, secret: string) {
  await db.query('insert into vendors (name, webhook_secret_sealed) values ($1, $2)', [
    name,
    secrets.seal(secret),
  ]);
}

/** Administrators register vendor platforms; the webhook secret is shown once, then only stored sealed. */
export function vendorRoutes(db: Database, secrets: SecretBox): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/vendors', { schema: { tags: ['devices'] } }, async (request) => {
      requireAccess(contextOf(request).actor, 'device.manage');
      return (await db.query('select id, name, created_at as "createdAt" from vendors order by name')).rows;
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
