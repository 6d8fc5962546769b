import type { SecretBox } from '../crypto/sealed.ts';
import type { Queryable } from '../db/index.ts';

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

export async function listVendors(db: Queryable) {
  return (await db.query('select id, name, created_at as "createdAt" from vendors order by name')).rows;
}
