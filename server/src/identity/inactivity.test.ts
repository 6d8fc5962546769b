import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { demoEmail, signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { disableInactiveAccounts } from './inactivity.ts';

describeEachEngine('accounts unused for 90 days', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
  });
  afterAll(() => p.close());

  it('are disabled with their sessions, audited; recent ones and the last administrator stay', async () => {
    const funder = await signIn(p, 'funder');
    expect((await funder('/api/v1/auth/me')).status).toBe(200);
    await p.db.query(
      `update users set last_login_at = now() - interval '91 days', created_at = now() - interval '200 days'
                      where email in ($1, $2)`,
      [demoEmail('funder'), demoEmail('admin')],
    );
    expect(await disableInactiveAccounts(p.db, 90)).toBe(1);
    const rows = await p.db.query<{ email: string; disabled: boolean }>(
      `select email, disabled from users where email in ($1, $2, $3) order by email`,
      [demoEmail('funder'), demoEmail('admin'), demoEmail('vt')],
    );
    expect(rows.rows).toEqual([
      { email: demoEmail('admin'), disabled: false },
      { email: demoEmail('funder'), disabled: true },
      { email: demoEmail('vt'), disabled: false },
    ]);
    expect((await funder('/api/v1/auth/me')).status).toBe(401);
    await expect(signIn(p, 'funder')).rejects.toThrow();
    const logged = await p.db.query(`select 1 from audit_log where action = 'user.disabled_inactive'`);
    expect(logged.rows).toHaveLength(1);
  });
});
