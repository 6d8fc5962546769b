import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO } from '../demo/seed.ts';
import { totpCode } from '../identity/totp.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { type Fixtures, prepareFixtures } from './fixtures.ts';
import {
  type Answer,
  CALLERS,
  type Caller,
  DEMO_USERS,
  NOWHERE,
  parse,
  type SecurityPlatform,
  startSecurityPlatform,
} from './harness.ts';
import { expectGap, gapKey } from './known-gaps.ts';
import { pathOf, ROOT_ROUTES, type RouteRule, RULES, ruleFor, serverRoutes } from './route-rules.ts';

describeEachEngine('security: every route × every role', (engine) => {
  let sp: SecurityPlatform;
  let fx: Fixtures;
  beforeAll(async () => {
    sp = await startSecurityPlatform(engine);
    fx = await prepareFixtures(sp);
  });
  afterAll(() => sp?.close());

  async function send(rule: RouteRule, caller: Caller, idOverride?: string): Promise<Answer> {
    const [method] = rule.route.split(' ') as [string];
    const request = rule.request?.(fx, caller) ?? {};
    const path = pathOf(rule.route, idOverride ?? request.id);
    if (request.stream) {
      // server-sent events never end: take the status and hang up
      const abort = new AbortController();
      const response = await fetch(`${sp.p.url}${path}`, {
        headers: caller === 'anonymous' ? {} : { cookie: sp.cookies[caller] },
        signal: abort.signal,
      });
      const text = response.status === 200 ? '' : await response.text();
      const answer: Answer = {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        text,
        json: parse(text),
      };
      abort.abort();
      return answer;
    }
    return sp.call(request.sessionless ? 'anonymous' : caller, {
      method,
      path,
      ...(request.body === undefined ? {} : { body: request.body }),
    });
  }

  it('the table has a rule for every route the server answers, and for no route it lacks', async () => {
    const all = serverRoutes(sp.p.app);
    const api = all.filter((r) => r.split(' ')[1]!.startsWith('/api/v1/'));
    const root = all.filter((r) => !r.split(' ')[1]!.startsWith('/api/v1/'));
    // HEAD is Fastify's automatic twin of GET: same hooks, same rule
    const heads = api.filter((r) => r.startsWith('HEAD '));
    for (const head of heads) expect(api, `${head} without GET`).toContain(head.replace(/^HEAD/, 'GET'));
    const served = api.filter((r) => !r.startsWith('HEAD ')).sort();
    const tabled = RULES.map((r) => r.route).sort();
    expect(
      served.filter((r) => !tabled.includes(r)),
      'routes without an access rule: add them to route-rules.ts',
    ).toEqual([]);
    expect(
      tabled.filter((r) => !served.includes(r)),
      'rules for routes the server no longer has',
    ).toEqual([]);
    expect(new Set(tabled).size, 'a route listed twice').toBe(tabled.length);
    expect(
      root.filter((r) => !ROOT_ROUTES.some((p) => p.pattern.test(r))),
      'routes outside /api/v1 skip authentication: each must be meant to be public',
    ).toEqual([]);

    // the OpenAPI document may hide routes, never invent them
    const doc = (await (await fetch(`${sp.p.url}/api/docs/json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.filter((r) => !all.includes(r))).toEqual([]);
    // a route left out of the document is still in the table (checked above); hiding it must be deliberate
    const hidden = served.filter((r) => !documented.includes(r));
    expect(hidden, 'undocumented /api/v1 routes: mark them `hidden: true` in route-rules.ts').toEqual(
      RULES.filter((r) => r.hidden).map((r) => r.route),
    );
  });

  for (const rule of RULES) {
    it(`${rule.route}: ${summary(rule)}`, async () => {
      if (!rule.public) expect(rule.expect.anonymous, 'a private route must answer anonymous 401').toBe(401);
      const answers = await Promise.all(CALLERS.map(async (c) => [c, await send(rule, c)] as const));
      const wrong = answers
        .filter(([c, a]) => a.status !== rule.expect[c])
        .map(([c, a]) => `${c}: expected ${rule.expect[c]}, got ${a.status} ${a.text.slice(0, 160)}`);
      expect(wrong).toEqual([]);
      const anonymous = answers.find(([c]) => c === 'anonymous')![1];
      const askedToSignIn =
        (anonymous.json as { detail?: string } | undefined)?.detail === 'sign-in required';
      expect(askedToSignIn, 'the public flag in the table must match the route').toBe(!rule.public);
      for (const [, a] of answers) {
        // every refusal is problem+json, never a stack trace or an HTML page
        if (a.status >= 400) expect(a.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });
  }

  for (const rule of RULES.filter((r) => r.record)) {
    it(`${rule.route}: a refusal looks exactly like a record that does not exist`, async () => {
      const readable = (c: Caller) =>
        rule.record?.readableVia !== undefined && ruleFor(rule.record.readableVia).expect[c] === 200;
      const refused = DEMO_USERS.filter(
        (c) => (rule.expect[c] === 403 || rule.expect[c] === 404) && !readable(c),
      );
      const differences: string[] = [];
      for (const caller of refused) {
        const real = await send(rule, caller);
        const none = await send(rule, caller, NOWHERE);
        if (real.status !== none.status || real.text !== none.text)
          differences.push(`${caller}: ${real.status} ${real.text} ≠ ${none.status} ${none.text}`);
      }
      expectGap(gapKey('hint', rule.route), differences);
    });
  }

  it('anonymous HEAD on every private GET route is 401', async () => {
    const wrong: string[] = [];
    for (const rule of RULES.filter((r) => r.route.startsWith('GET ') && !r.public)) {
      const a = await sp.call('anonymous', {
        method: 'HEAD',
        path: pathOf(rule.route, rule.request?.(fx, 'anonymous').id),
      });
      if (a.status !== 401) wrong.push(`${rule.route}: ${a.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('anonymous gets 401 on every private route even with a malformed id or body', async () => {
    const wrong: string[] = [];
    for (const rule of RULES.filter((r) => !r.public)) {
      const [method] = rule.route.split(' ') as [string];
      const a = await sp.call('anonymous', {
        method,
        path: pathOf(rule.route, 'not-a-uuid'),
        ...(method === 'GET' ? {} : { body: { unexpected: '<probe>' } }),
      });
      if (a.status !== 401) wrong.push(`${rule.route}: ${a.status} ${a.text.slice(0, 120)}`);
    }
    expectGap('validation-before-authentication', wrong);
  });

  it('every allowed read of a case record and of the linked case details left an audit entry', async () => {
    const reads = await sp.p.db.query<{ actor_label: string; ip: string }>(
      `select actor_label, ip from audit_log where action = 'case.read' and record_id = $1`,
      [fx.caseId],
    );
    const allowed = CALLERS.filter((c) => ruleFor('GET /api/v1/cases/:id').expect[c] === 200);
    expect(reads.rows.map((r) => r.actor_label).sort()).toEqual(
      allowed.map((c) => `${c}@demo.aware.test`).sort(),
    );
    expect(reads.rows.every((r) => r.ip.startsWith('10.77.0.'))).toBe(true);

    const linked = await sp.p.db.query<{ actor_label: string; record_id: string; reason: string }>(
      `select actor_label, record_id, reason from audit_log where action = 'case.linked_info.read' and reason = $1`,
      [`alarm:${fx.forwardedAlarmId}`],
    );
    const labels = linked.rows.map((r) => r.actor_label);
    expect(labels).toContain('operator@demo.aware.test');
    expect(labels).toContain('police@demo.aware.test');
    expect(linked.rows.every((r) => r.record_id === fx.caseId)).toBe(true);
    // and no refused caller left a trace of having read it
    expect(labels.every((l) => l === 'operator@demo.aware.test' || l === 'police@demo.aware.test')).toBe(
      true,
    );
  });

  it('browser-facing headers: strict CSP for scripts, nosniff, no x-powered-by; session cookie HttpOnly + SameSite=Strict', async () => {
    for (const path of ['/', '/api/v1/meta', '/api/v1/cases/does-not-matter']) {
      const response = await fetch(`${sp.p.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1];
      expect(scripts, `${path}: CSP ${csp}`).toBeDefined();
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
    const login = await fetch(`${sp.p.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'funder@demo.aware.test', password: 'demo-password', totp: totp() }),
    });
    expect(login.status).toBe(200);
    const cookies = login.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    }
  });
});

function summary(rule: RouteRule): string {
  const byStatus = new Map<number, Caller[]>();
  for (const c of CALLERS) byStatus.set(rule.expect[c], [...(byStatus.get(rule.expect[c]) ?? []), c]);
  return [...byStatus.entries()]
    .map(([status, who]) => `${status} ${who.length === CALLERS.length ? 'everyone' : who.join(',')}`)
    .join(' | ');
}

const totp = () => totpCode(DEMO.totpSecret);
