import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { resealAll, SEALED_COLUMNS } from './rotation.ts';
import { createSecretBox } from './sealed.ts';

describeEachEngine('master key rotation', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine, { env: { AWARE_MASTER_KEY: 'ef'.repeat(32) } });
  });
  afterAll(() => p.close());

  it('lists every sealed column the schema has', async () => {
    const columns = await p.db.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where table_schema = 'public' and column_name like '%\\_sealed' escape '\\'`,
    );
    const listed = SEALED_COLUMNS.flatMap((t) => t.columns.map((c) => `${t.table}.${c}`)).sort();
    expect(columns.rows.map((r) => `${r.table_name}.${r.column_name}`).sort()).toEqual(listed);
  });

  it('re-seals every value under the new key; the old key no longer opens them; the platform still reads them', async () => {
    const oldKey = Buffer.from('ef'.repeat(32), 'hex');
    const newKey = randomBytes(32);
    const resealed = await resealAll(p.db, createSecretBox(newKey, oldKey));
    expect(resealed).toBeGreaterThan(10);

    const onlyOld = createSecretBox(oldKey);
    const onlyNew = createSecretBox(newKey);
    const phone = (await p.db.query<{ s: string }>(`select phone_sealed as s from clients limit 1`)).rows[0]!
      .s;
    expect(() => onlyOld.open(phone)).toThrow();
    expect(onlyNew.open(phone)).toMatch(/^\+31/);
    const totp = (await p.db.query<{ s: string }>(`select totp_secret_sealed as s from users limit 1`))
      .rows[0]!.s;
    expect(onlyNew.open(totp)).toBe('JBSWY3DPEHPK3PXP');
    // a platform started with only the old key can no longer sign anyone in: the key really changed
    await expect(signIn(p, 'operator')).rejects.toThrow();
  });
});
