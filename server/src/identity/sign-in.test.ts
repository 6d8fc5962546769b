import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO } from '../demo/seed.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { demoEmail, signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { totpCode } from './totp.ts';

const login = (p: TestPlatform, body: Record<string, string>) =>
  fetch(`${p.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describeEachEngine('sign-in', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
  });
  afterAll(() => p.close());

  it('password + TOTP gives an httpOnly, SameSite=strict session; logout ends it', async () => {
    const response = await login(p, {
      email: demoEmail('caseworker'),
      password: DEMO.password,
      totp: totpCode(DEMO.totpSecret),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.user).toMatchObject({ email: demoEmail('caseworker'), mustEnrolTotp: false });
    expect(body.user.roles[0]).toMatchObject({ role: 'caseworker', organisationType: 'shelter' });
    const setCookie = response.headers.getSetCookie()[0]!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(';')[0]!;

    const me = await fetch(`${p.url}/api/v1/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    const out = await fetch(`${p.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-requested-with': 'aware' },
    });
    expect(out.status).toBe(204);
    expect((await fetch(`${p.url}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  // that they also take the same time is measured over many samples by `npm run bench` (scenario j)
  it('wrong TOTP, wrong password and unknown e-mail get the same answer', async () => {
    const attempts = [
      { email: demoEmail('vt'), password: DEMO.password, totp: '000000' },
      { email: demoEmail('vt'), password: 'wrong-password', totp: totpCode(DEMO.totpSecret) },
      { email: 'nobody@demo.aware.test', password: DEMO.password, totp: totpCode(DEMO.totpSecret) },
    ];
    const answers = [];
    for (const attempt of attempts) {
      const response = await login(p, attempt);
      answers.push({ status: response.status, body: await response.json() });
    }
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body.detail).toBe(answers[0]!.body.detail);
    }
  });

  it('locks an address after 5 failures, whether or not it exists', async () => {
    for (const email of [demoEmail('funder'), 'ghost@demo.aware.test']) {
      const statuses = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await login(p, { email, password: 'nope', totp: '123456' })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    }
    // even the right credentials are refused while locked
    const locked = await login(p, {
      email: demoEmail('funder'),
      password: DEMO.password,
      totp: totpCode(DEMO.totpSecret),
    });
    expect(locked.status).toBe(429);
  });

  it('invalid input is problem+json naming the field', async () => {
    const response = await login(p, { email: demoEmail('vt') } as Record<string, string>);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = await response.json();
    expect(body.errors).toContainEqual({ field: 'password', message: 'is required', code: 'required' });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts/);
  });

  it('an idle session expires', async () => {
    const api = await signIn(p, 'coordinator');
    expect((await api('/api/v1/auth/me')).status).toBe(200);
    await p.db.query(`update sessions set last_seen_at = now() - interval '16 minutes'`);
    expect((await api('/api/v1/auth/me')).status).toBe(401);
  });

  it('refuses a state-changing request that a foreign page could forge', async () => {
    const cookie = (await loginCookie(p, 'admin'))!;
    // a cross-site form can send text/plain without custom headers, and nothing else
    const forged = await fetch(`${p.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(forged.status).toBe(403);
    expect((await fetch(`${p.url}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(200);
  });

  it('API tokens work as bearer and stop working when revoked; only their hash is stored', async () => {
    const admin = await signIn(p, 'admin');
    const orgs = await (await admin('/api/v1/organisations')).json();
    const vt = orgs.find((o: { type: string }) => o.type === 'veilig_thuis');
    const created = await admin('/api/v1/api-tokens', {
      method: 'POST',
      body: JSON.stringify({ name: 'registratiesysteem', organisationId: vt.id, role: 'vt' }),
    });
    expect(created.status).toBe(201);
    const { id, token } = await created.json();
    const stored = await p.db.query<{ token_hash: string }>(
      'select token_hash from api_tokens where id = $1',
      [id],
    );
    expect(stored.rows[0]!.token_hash).not.toContain(token);
    const asToken = () => fetch(`${p.url}/api/v1/cases`, { headers: { authorization: `Bearer ${token}` } });
    expect((await asToken()).status).toBe(200);
    expect((await admin(`/api/v1/api-tokens/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await asToken()).status).toBe(401);
  });

  it('an administrator can end every session of a lost laptop at once', async () => {
    const victim = await signIn(p, 'caseworker2');
    expect((await victim('/api/v1/cases')).status).toBe(200);
    const admin = await signIn(p, 'admin');
    const users = await (await admin('/api/v1/users')).json();
    const target = users.find((u: { email: string }) => u.email === demoEmail('caseworker2'));
    const revoke = await admin(`/api/v1/users/${target.id}/revoke-sessions`, { method: 'POST' });
    expect(revoke.status).toBe(200);
    expect((await victim('/api/v1/cases')).status).toBe(401);
  });
});

async function loginCookie(p: TestPlatform, local: string) {
  const response = await login(p, {
    email: demoEmail(local),
    password: DEMO.password,
    totp: totpCode(DEMO.totpSecret),
  });
  return response.headers.getSetCookie()[0]?.split(';')[0];
}

describeEachEngine('first start', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine, { demo: false });
  });
  afterAll(() => p.close());

  it('creates one administrator who must set a password and enrol TOTP before anything else', async () => {
    const admin = await p.identity.bootstrapAdministrator('admin@aware.local');
    expect(admin?.oneTimePassword).toMatch(/^\S{20}$/);
    expect(await p.identity.bootstrapAdministrator('again@aware.local')).toBeNull();

    const response = await login(p, {
      email: 'admin@aware.local',
      password: admin!.oneTimePassword,
      totp: '',
    });
    expect(response.status).toBe(200);
    expect((await response.json()).user).toMatchObject({ mustChangePassword: true, mustEnrolTotp: true });
    const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
    const call = (path: string, body?: object) =>
      fetch(`${p.url}/api/v1${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });

    expect((await call('/organisations')).status).toBe(403);
    const weak = await call('/auth/password', {
      currentPassword: admin!.oneTimePassword,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect((await weak.json()).errors[0].field).toBe('newPassword');
    const newPassword = 'correct horse battery staple';
    expect(
      (await call('/auth/password', { currentPassword: admin!.oneTimePassword, newPassword })).status,
    ).toBe(204);
    expect((await call('/organisations')).status).toBe(403);

    const setup = await (await call('/auth/totp/setup', {})).json();
    expect(setup.otpauthUrl).toContain('otpauth://totp/');
    expect((await call('/auth/totp/confirm', { totp: '000000' })).status).toBe(400);
    const confirmed = await call('/auth/totp/confirm', { totp: totpCode(setup.secret) });
    expect(confirmed.status).toBe(200);
    expect((await call('/organisations')).status).toBe(200);

    // the secret is stored sealed, not in the clear
    const row = await p.db.query<{ totp_secret_sealed: string }>('select totp_secret_sealed from users');
    expect(row.rows[0]!.totp_secret_sealed).not.toContain(setup.secret);

    // and from now on the second factor is required
    const noTotp = await login(p, { email: 'admin@aware.local', password: newPassword, totp: '' });
    expect(noTotp.status).toBe(401);
  });
});
