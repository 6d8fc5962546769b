import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO } from '../demo/seed.ts';
import { tokenHash } from '../identity/tokens.ts';
import { totpCode } from '../identity/totp.ts';
import { signWebhookBody } from '../ingest/webhook/signature.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform } from '../testing/platform.ts';
import { type Answer, NOWHERE, raiseAlarm, type SecurityPlatform, startSecurityPlatform } from './harness.ts';
import { expectGap } from './known-gaps.ts';

describeEachEngine('security: forged, replayed and expired credentials are refused', (engine) => {
  let sp: SecurityPlatform;
  let pacId: string;
  beforeAll(async () => {
    sp = await startSecurityPlatform(engine);
    const pac = await sp.p.db.query<{ id: string }>(
      `select id from organisations where type = 'alarm_centre'`,
    );
    pacId = pac.rows[0]!.id;
  });
  afterAll(() => sp?.close());

  /** A request with exactly these headers (no session of the harness). */
  const raw = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    sp.call('anonymous', { method, path, headers, ...(body === undefined ? {} : { body }) });
  const withCookie = (cookie: string, path = '/api/v1/cases') => raw('GET', path, { cookie });
  const hashOf = (cookie: string) => tokenHash(decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1)));
  const status = async (a: Promise<Answer>) => (await a).status;

  it('a made-up, malformed or oversized session cookie is not a session', async () => {
    const forged = [
      `aware_session=${randomBytes(32).toString('base64url')}`,
      'aware_session=',
      `aware_session=${'A'.repeat(8000)}`,
      "aware_session=' or '1'='1",
      `aware_session=${encodeURIComponent(hashOf(sp.cookies.vt))}`, // the stored hash is not the token
      `aware_session=${randomBytes(32).toString('base64url')}; aware_session=${randomBytes(8).toString('hex')}`,
    ];
    for (const cookie of forged) {
      expect(await status(withCookie(cookie)), cookie.slice(0, 40)).toBe(401);
      expect(await status(withCookie(cookie, '/api/v1/auth/me')), cookie.slice(0, 40)).toBe(401);
    }
  });

  it('a logged-out session stays dead', async () => {
    const api = await signIn(sp.p, 'vt');
    expect(await status(withCookie(api.cookie))).toBe(200);
    expect(
      (await raw('POST', '/api/v1/auth/logout', { cookie: api.cookie, 'x-requested-with': 'x' })).status,
    ).toBe(204);
    expect(await status(withCookie(api.cookie))).toBe(401);
    expect(await status(withCookie(api.cookie, '/api/v1/auth/me'))).toBe(401);
  });

  it('a session idle for longer than the limit, or past its absolute lifetime, is refused', async () => {
    const idle = await signIn(sp.p, 'vt');
    const fresh = await signIn(sp.p, 'vt');
    const old = await signIn(sp.p, 'vt');
    const setSeen = (cookie: string, minutes: number) =>
      sp.p.db.query(
        `update sessions set last_seen_at = now() - make_interval(mins => $2) where token_hash = $1`,
        [hashOf(cookie), minutes],
      );
    await setSeen(idle.cookie, sp.p.config.sessionIdleMinutes + 1);
    await setSeen(fresh.cookie, sp.p.config.sessionIdleMinutes - 1);
    await sp.p.db.query(
      `update sessions set expires_at = now() - interval '1 second' where token_hash = $1`,
      [hashOf(old.cookie)],
    );
    expect(await status(withCookie(idle.cookie))).toBe(401);
    expect(await status(withCookie(fresh.cookie))).toBe(200);
    expect(await status(withCookie(old.cookie))).toBe(401);
    // a refused idle session is not revived by trying again
    expect(await status(withCookie(idle.cookie))).toBe(401);
  });

  it('state-changing requests with a session cookie need JSON or X-Requested-With (CSRF)', async () => {
    const alarmId = await raiseAlarm(sp.p, '1001');
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const response = await fetch(`${sp.p.url}/api/v1/alarms/${alarmId}/claim`, {
        method: 'POST',
        headers: { cookie: sp.cookies.operator, 'content-type': contentType },
        body: 'a=1',
      });
      // 403 from the CSRF rule, or 415 where no parser exists: refused before anything happens
      expect([403, 415], contentType).toContain(response.status);
    }
    const state = await sp.p.db.query<{ state: string }>('select state from alarms where id = $1', [alarmId]);
    expect(state.rows[0]!.state).toBe('received');
  });

  it('first sign-in reaches only the setup routes; a reset or a disabled account ends every session', async () => {
    const created = await sp.call('admin', {
      method: 'POST',
      path: '/api/v1/users',
      body: {
        email: 'nieuw@example.invalid',
        displayName: 'Nieuwe Collega',
        memberships: [{ organisationId: pacId, role: 'operator' }],
      },
    });
    expect(created.status, created.text).toBe(201);
    const { id, oneTimePassword } = created.json as { id: string; oneTimePassword: string };
    const login = async (password: string, totp = '') => {
      const r = await raw(
        'POST',
        '/api/v1/auth/login',
        {},
        { email: 'nieuw@example.invalid', password, totp },
      );
      const setCookie = r.headers['set-cookie'];
      const cookie = String((Array.isArray(setCookie) ? setCookie[0] : setCookie) ?? '').split(';')[0]!;
      return { status: r.status, cookie };
    };
    const setup = await login(oneTimePassword);
    expect(setup.status).toBe(200);
    const json = { cookie: setup.cookie };
    expect(await status(withCookie(setup.cookie, '/api/v1/alarms'))).toBe(403);
    expect(await status(withCookie(setup.cookie, '/api/v1/auth/me'))).toBe(200);
    const newPassword = 'kraanvogels-boven-de-dijk-42!';
    expect(
      (await raw('POST', '/api/v1/auth/password', json, { currentPassword: oneTimePassword, newPassword }))
        .status,
    ).toBe(204);
    expect(await status(withCookie(setup.cookie, '/api/v1/alarms'))).toBe(403); // still no second factor
    const totp = await raw('POST', '/api/v1/auth/totp/setup', { ...json, 'x-requested-with': 'x' });
    expect(totp.status).toBe(200);
    const secret = (totp.json as { secret: string }).secret;
    expect((await raw('POST', '/api/v1/auth/totp/confirm', json, { totp: totpCode(secret) })).status).toBe(
      200,
    );
    expect(await status(withCookie(setup.cookie, '/api/v1/alarms'))).toBe(200);

    const reset = await sp.call('admin', { method: 'POST', path: `/api/v1/users/${id}/reset-credentials` });
    expect(reset.status).toBe(200);
    expect(await status(withCookie(setup.cookie, '/api/v1/alarms'))).toBe(401);
    expect((await login(newPassword, totpCode(secret))).status).toBe(401);

    const again = await login((reset.json as { oneTimePassword: string }).oneTimePassword);
    expect(again.status).toBe(200);
    await sp.p.db.query('update users set disabled = true where id = $1', [id]);
    expect(await status(withCookie(again.cookie, '/api/v1/auth/me'))).toBe(401);
  });

  it('a TOTP code works once: the same code cannot open a second session', async () => {
    // the production default; the shared suite platform turns it off to sign users in repeatedly
    const guarded = await startTestPlatform(engine, { env: { AWARE_TOTP_REPLAY_GUARD: 'true' } });
    try {
      const login = () =>
        fetch(`${guarded.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            email: 'procesregisseur@demo.aware.test',
            password: DEMO.password,
            totp: totpCode(DEMO.totpSecret),
          }),
        });
      expect((await login()).status).toBe(200);
      expect((await login()).status).toBe(401);
    } finally {
      await guarded.close();
    }
  });

  it('an administrator ends all sessions of a user at once (lost laptop)', async () => {
    const laptop = await signIn(sp.p, 'commissie');
    expect(await status(withCookie(laptop.cookie))).toBe(200);
    const revoked = await sp.call('admin', {
      method: 'POST',
      path: `/api/v1/users/${await sp.userId('commissie')}/revoke-sessions`,
    });
    expect(revoked.status).toBe(200);
    expect(await status(withCookie(laptop.cookie))).toBe(401);
  });

  it('API tokens: a made-up or revoked token is refused, a bearer never falls back to the cookie', async () => {
    const created = await sp.call('admin', {
      method: 'POST',
      path: '/api/v1/api-tokens',
      body: { name: 'koppeling', organisationId: pacId, role: 'operator' },
    });
    expect(created.status).toBe(201);
    const { id, token } = created.json as { id: string; token: string };
    const bearer = (t: string, path = '/api/v1/alarms', extra: Record<string, string> = {}) =>
      raw('GET', path, { authorization: `Bearer ${t}`, ...extra });
    expect(await status(bearer(token))).toBe(200);
    expect(await status(bearer(token, '/api/v1/cases'))).toBe(403);
    expect(await status(bearer(`aw_${randomBytes(32).toString('base64url')}`))).toBe(401);
    expect(await status(bearer(tokenHash(token)))).toBe(401);
    expect(await status(bearer('garbage', '/api/v1/alarms', { cookie: sp.cookies.operator }))).toBe(401);
    expect(
      (
        await raw('GET', '/api/v1/alarms', {
          authorization: `Basic ${Buffer.from('a:b').toString('base64')}`,
        })
      ).status,
    ).toBe(401);

    expect((await sp.call('admin', { method: 'DELETE', path: `/api/v1/api-tokens/${id}` })).status).toBe(204);
    expect(await status(bearer(token))).toBe(401);
    expect((await sp.call('admin', { method: 'DELETE', path: `/api/v1/api-tokens/${id}` })).status).toBe(404);
  });

  it('API tokens cannot use the session-only account routes, and are never made for unknown roles or organisations', async () => {
    const created = await sp.call('admin', {
      method: 'POST',
      path: '/api/v1/api-tokens',
      body: { name: 'koppeling-2', organisationId: pacId, role: 'operator' },
    });
    const token = (created.json as { token: string }).token;
    const problems: string[] = [];
    for (const [method, path, body] of [
      ['GET', '/api/v1/auth/me', undefined],
      ['POST', '/api/v1/auth/password', { currentPassword: 'x', newPassword: 'y' }],
      ['POST', '/api/v1/auth/totp/setup', undefined],
      ['POST', '/api/v1/auth/totp/confirm', { totp: '000000' }],
    ] as const) {
      const a = await raw(method, path, { authorization: `Bearer ${token}`, 'x-requested-with': 'x' }, body);
      if (a.status >= 500 || a.status < 400) problems.push(`${method} ${path} with a token: ${a.status}`);
    }
    expectGap('token on account routes', problems);

    const invalid: string[] = [];
    const bogusRole = await sp.call('admin', {
      method: 'POST',
      path: '/api/v1/api-tokens',
      body: { name: 'bogus-role', organisationId: pacId, role: 'superuser' },
    });
    if (bogusRole.status !== 400) {
      invalid.push(`role "superuser" accepted: ${bogusRole.status}`);
      if (bogusRole.status === 201) {
        const use = await raw('GET', '/api/v1/alarms', {
          authorization: `Bearer ${(bogusRole.json as { token: string }).token}`,
        });
        if (use.status !== 401 && use.status !== 403)
          invalid.push(`using it: ${use.status} ${use.text.slice(0, 100)}`);
      }
    }
    const unknownOrg = await sp.call('admin', {
      method: 'POST',
      path: '/api/v1/api-tokens',
      body: { name: 'no-org', organisationId: NOWHERE, role: 'operator' },
    });
    if (unknownOrg.status !== 400) invalid.push(`unknown organisation: ${unknownOrg.status}`);
    expectGap('token role and organisation unchecked', invalid);
  });

  {
    const post = (body: string, headers: Record<string, string>) =>
      sp.call('anonymous', {
        method: 'POST',
        path: '/api/v1/ingest/events',
        raw: { payload: body, contentType: 'application/json' },
        headers,
      });
    const signed = (
      secret: string,
      body: string,
      ts = Math.floor(Date.now() / 1000),
      vendor: string = DEMO.vendor.name,
    ) => ({
      'x-aware-vendor': vendor,
      'x-aware-timestamp': String(ts),
      'x-aware-signature': signWebhookBody(secret, ts, body),
    });
    const event = (id: string) =>
      JSON.stringify({
        vendorEventId: id,
        deviceId: 'S2G-0001',
        type: 'panic',
        occurredAt: new Date().toISOString(),
      });
    const stored = async (id: string) =>
      (await sp.p.db.query<{ n: number }>('select count(*)::int as n from alarms where sequence = $1', [id]))
        .rows[0]!.n;

    it('the vendor webhook refuses stale, future, replayed-with-new-time, tampered and unsigned requests', async () => {
      const secret = DEMO.vendor.webhookSecret;
      const window = sp.p.config.webhookWindowSeconds;
      const now = Math.floor(Date.now() / 1000);

      const goodId = `sec-${randomUUID()}`;
      const good = event(goodId);
      const goodHeaders = signed(secret, good, now);
      expect((await post(good, goodHeaders)).status).toBe(200);
      // the same request again inside the window is a retransmission: accepted, stored once
      expect((await post(good, goodHeaders)).status).toBe(200);
      expect(await stored(goodId)).toBe(1);

      const refusedId = `sec-${randomUUID()}`;
      const body = event(refusedId);
      const attempts: [string, Record<string, string>, string][] = [
        ['stale', signed(secret, body, now - window - 5), body],
        ['future', signed(secret, body, now + window + 5), body],
        [
          'old signature, new timestamp',
          { ...signed(secret, body, now - window - 5), 'x-aware-timestamp': String(now) },
          body,
        ],
        ['tampered body', signed(secret, body, now), body.replace('panic', 'test ')],
        ['unsigned', { 'x-aware-vendor': DEMO.vendor.name }, body],
        [
          'no vendor',
          {
            'x-aware-timestamp': String(now),
            'x-aware-signature': signed(secret, body, now)['x-aware-signature'],
          },
          body,
        ],
        ['unknown vendor', signed(secret, body, now, 'NietBestaand'), body],
        ['malformed signature', { ...signed(secret, body, now), 'x-aware-signature': 'sha256=zz' }, body],
        ['session instead of signature', { cookie: sp.cookies.operator }, body],
      ];
      for (const [name, headers, sent] of attempts) {
        const a = await post(sent, headers);
        expect(a.status, name).toBe(401);
      }
      // a replay of the accepted request with a fresh timestamp but its old signature
      const replay = await post(good, { ...goodHeaders, 'x-aware-timestamp': String(now + 2) });
      expect(replay.status).toBe(401);
      expect(await stored(refusedId)).toBe(0);
    });

    it('a vendor cannot sign for another vendor, nor raise alarms on another vendor’s devices', async () => {
      const other = await sp.call('admin', {
        method: 'POST',
        path: '/api/v1/vendors',
        body: { name: 'Andere Leverancier' },
      });
      expect(other.status).toBe(201);
      const otherSecret = (other.json as { webhookSecret: string }).webhookSecret;
      // listed for administrators, its secret never again
      const listed = await sp.call('admin', { method: 'GET', path: '/api/v1/vendors' });
      expect(listed.status).toBe(200);
      expect(listed.json).toContainEqual(expect.objectContaining({ name: 'Andere Leverancier' }));
      expect(listed.text).not.toContain(otherSecret);
      const id = `sec-${randomUUID()}`;
      const body = event(id);
      // its own name, its own secret, someone else's device
      const foreignDevice = await post(body, signed(otherSecret, body, undefined, 'Andere Leverancier'));
      expect(foreignDevice.status).toBe(400);
      expect(foreignDevice.text).toContain('not a device of this vendor');
      // the other vendor's name with its own secret
      expect((await post(body, signed(otherSecret, body))).status).toBe(401);
      expect(await stored(id)).toBe(0);
    });
  }
});
