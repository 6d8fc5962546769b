import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditKeyFiles, readPublicKeyRing } from '../audit/signing-key.ts';
import { verifyAuditLog } from '../audit/verify.ts';
import { DEMO } from '../demo/seed.ts';
import { signWebhookBody } from '../ingest/webhook/signature.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { type Fixtures, prepareFixtures } from './fixtures.ts';
import {
  type Answer,
  type Caller,
  raiseAlarm,
  type SecurityPlatform,
  startSecurityPlatform,
} from './harness.ts';
import { expectGap } from './known-gaps.ts';

/** Hostile text. Each must come back byte-identical (and as JSON), or be refused with a 400 naming the field. */
const PAYLOADS: Readonly<Record<string, string>> = {
  sql: "'; drop table cases; --",
  sqlParen: "x'); delete from audit_log; select ('",
  html: '<script>alert(1)</script><img src=x onerror=alert(2)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the attack
  template: '{{7*7}} ${7*7} <%= 7*7 %>',
  nul: 'before\u0000after',
  control: 'bell\u0007 esc\u001b[31m crlf\r\nSet-Cookie: x=1',
  bidi: 'invoice\u202Egpj.exe',
  emoji: 'Zoë 👩‍💻 ﷽',
  long: 'x'.repeat(100_000),
};

interface Target {
  name: string;
  /** the field a 400 must name */
  field: string;
  send(payload: string): Promise<Answer>;
  /** the value as the API (or, where no route shows it, the database) gives it back */
  readBack(answer: Answer, payload: string): Promise<unknown>;
}

interface Problem {
  errors?: { field: string }[];
}

describeEachEngine('security: injection strings are refused by field or stored inert', (engine) => {
  let sp: SecurityPlatform;
  let fx: Fixtures;
  beforeAll(async () => {
    sp = await startSecurityPlatform(engine);
    fx = await prepareFixtures(sp);
  });
  afterAll(() => sp?.close());

  const post = (caller: Caller, path: string, body: unknown) =>
    sp.call(caller, { method: 'POST', path, body });
  const get = async (caller: Caller, path: string) => {
    const a = await sp.call(caller, { method: 'GET', path });
    expect(a.headers['content-type']).toMatch(/^application\/json/);
    expect(a.headers['x-content-type-options']).toBe('nosniff');
    return a;
  };
  const idOf = (a: Answer) => (a.json as { id: string }).id;
  const findIn = async <T extends { id: string }>(caller: Caller, path: string, id: string) =>
    ((await get(caller, path)).json as T[]).find((r) => r.id === id);
  const lastNote = async (alarmId: string) =>
    (
      (await get('operator', `/api/v1/alarms/${alarmId}`)).json as { timeline: { note: string | null }[] }
    ).timeline.at(-1)?.note;
  const device = (overrides: Record<string, unknown>) =>
    post('coordinator', '/api/v1/devices', {
      vendor: 'X-mark',
      model: 'AWARE-knop 4G',
      serial: `INJ-${randomUUID()}`,
      protocol: 'dc09',
      account: `inj-${randomUUID().slice(0, 8)}`,
      rentPerQuarterCents: 0,
      ...overrides,
    });
  const readDevice = async (a: Answer) =>
    (await get('coordinator', `/api/v1/devices/${idOf(a)}`)).json as Record<string, unknown>;
  const claimed = async () => {
    const id = await raiseAlarm(sp.p, '1001');
    expect((await post('operator', `/api/v1/alarms/${id}/claim`, {})).status).toBe(200);
    return id;
  };
  const forwarded = async () => {
    const id = await claimed();
    expect((await post('operator', `/api/v1/alarms/${id}/forward`, {})).status).toBe(200);
    return id;
  };
  let dispatchable: string | undefined;
  const privacyPath = () => `/api/v1/cases/${fx.caseId}/privacy-requests`;
  const newPrivacyRequest = (description: string) =>
    post('caseworker', privacyPath(), { kind: 'correction', description });

  const targets = (): Target[] => [
    {
      name: 'POST /regions name',
      field: 'name',
      send: (v) => post('admin', '/api/v1/regions', { name: v }),
      readBack: async (a) =>
        (await findIn<{ id: string; name: string }>('admin', '/api/v1/regions', idOf(a)))?.name,
    },
    {
      name: 'POST /organisations name',
      field: 'name',
      send: (v) =>
        post('admin', '/api/v1/organisations', { regionId: fx.regionId, name: v, type: 'shelter' }),
      readBack: async (a) =>
        (await findIn<{ id: string; name: string }>('admin', '/api/v1/organisations', idOf(a)))?.name,
    },
    ...(['name', 'role', 'phone'] as const).map(
      (key): Target => ({
        name: `POST /organisations contacts/0/${key}`,
        field: `contacts/0/${key}`,
        send: (v) =>
          post('admin', '/api/v1/organisations', {
            regionId: fx.regionId,
            name: fx.unique('Org'),
            type: 'police',
            contacts: [{ name: 'Contact', role: 'Rol', phone: null, email: null, [key]: v }],
          }),
        readBack: async (a) =>
          (
            await findIn<{ id: string; contacts: Record<string, string>[] }>(
              'admin',
              '/api/v1/organisations',
              idOf(a),
            )
          )?.contacts[0]?.[key],
      }),
    ),
    {
      name: 'POST /users displayName',
      field: 'displayName',
      send: (v) =>
        post('admin', '/api/v1/users', {
          email: `${fx.unique('inj')}@example.invalid`,
          displayName: v,
          memberships: [{ organisationId: fx.shelterId, role: 'funder' }],
        }),
      readBack: async (a) =>
        (await findIn<{ id: string; displayName: string }>('admin', '/api/v1/users', idOf(a)))?.displayName,
    },
    {
      name: 'POST /users email',
      field: 'email',
      send: (v) =>
        post('admin', '/api/v1/users', {
          email: v,
          displayName: 'Injected',
          memberships: [{ organisationId: fx.shelterId, role: 'funder' }],
        }),
      readBack: async (a) =>
        (await findIn<{ id: string; email: string }>('admin', '/api/v1/users', idOf(a)))?.email,
    },
    ...(['vendor', 'model', 'serial'] as const).map(
      (key): Target => ({
        name: `POST /devices ${key}`,
        field: key,
        send: (v) => device({ [key]: v }),
        readBack: async (a) => (await readDevice(a))[key],
      }),
    ),
    ...(['account', 'imei', 'simNumber', 'key'] as const).map(
      (key): Target => ({
        name: `POST /devices ${key}`,
        field: key,
        send: (v) => device({ [key]: v }),
        readBack: async (a) => (key === 'key' ? 'write-only' : (await readDevice(a))[key]),
      }),
    ),
    {
      name: 'PATCH /devices/:id model',
      field: 'model',
      send: (v) =>
        sp.call('coordinator', {
          method: 'PATCH',
          path: `/api/v1/devices/${fx.stockDeviceId}`,
          body: { model: v },
        }),
      readBack: async () => (await get('coordinator', `/api/v1/devices/${fx.stockDeviceId}`)).json,
    },
    {
      name: 'POST /vendors name',
      field: 'name',
      send: (v) => post('admin', '/api/v1/vendors', { name: v }),
      readBack: async (_a, v) =>
        ((await get('admin', '/api/v1/vendors')).json as { name: string }[]).find((r) => r.name === v)?.name,
    },
    {
      name: 'POST /api-tokens name',
      field: 'name',
      send: (v) => post('admin', '/api/v1/api-tokens', { name: v, organisationId: fx.pacId, role: 'funder' }),
      readBack: async (a) =>
        (await findIn<{ id: string; name: string }>('admin', '/api/v1/api-tokens', idOf(a)))?.name,
    },
    {
      name: 'POST /cases/:id/privacy-requests description',
      field: 'description',
      send: (v) => newPrivacyRequest(v),
      readBack: async (a) =>
        (await findIn<{ id: string; description: string }>('caseworker', privacyPath(), idOf(a)))
          ?.description,
    },
    {
      name: 'POST /privacy-requests/:id/decision decision',
      field: 'decision',
      send: async (v) =>
        post('caseworker', `/api/v1/privacy-requests/${idOf(await newPrivacyRequest('Inzage'))}/decision`, {
          decision: v,
        }),
      readBack: async (a) =>
        (await findIn<{ id: string; decision: string }>('caseworker', privacyPath(), idOf(a)))?.decision,
    },
    {
      name: 'POST /alarms/:id/forward note',
      field: 'note',
      send: async (v) => post('operator', `/api/v1/alarms/${await claimed()}/forward`, { note: v }),
      readBack: (a) => lastNote(idOf(a)),
    },
    {
      name: 'POST /alarms/:id/on-scene note',
      field: 'note',
      send: async (v) => post('police', `/api/v1/alarms/${await forwarded()}/on-scene`, { note: v }),
      readBack: (a) => lastNote(idOf(a)),
    },
    {
      name: 'POST /alarms/:id/dispatch note',
      field: 'note',
      send: async (v) => {
        dispatchable ??= await forwarded();
        return post('police', `/api/v1/alarms/${dispatchable}/dispatch`, { note: v });
      },
      readBack: (a) => lastNote(idOf(a)),
    },
    {
      name: 'POST /alarms/:id/resolve note',
      field: 'note',
      send: async (v) =>
        post('operator', `/api/v1/alarms/${await claimed()}/resolve`, { outcome: 'other', note: v }),
      readBack: (a) => lastNote(idOf(a)),
    },
  ];

  it('every text field of every reachable write route: 400 naming the field, or stored and returned byte-identical', async () => {
    const problems: string[] = [];
    const nulProblems: string[] = [];
    for (const target of targets()) {
      for (const [kind, payload] of Object.entries(PAYLOADS)) {
        const answer = await target.send(payload);
        const label = `${target.name} ← ${kind}`;
        const report = (text: string) => (kind === 'nul' ? nulProblems : problems).push(`${label}: ${text}`);
        if (answer.status === 400) {
          const fields = ((answer.json as Problem).errors ?? []).map((e) => e.field);
          if (!fields.includes(target.field))
            report(`400 without naming ${target.field}: ${answer.text.slice(0, 200)}`);
          if (!String(answer.headers['content-type']).startsWith('application/problem+json'))
            report('400 is not problem+json');
        } else if (answer.status >= 200 && answer.status < 300) {
          const stored = await target.readBack(answer, payload);
          if (target.name.startsWith('PATCH')) {
            if ((stored as { model: string }).model !== payload) report('PATCH stored something else');
          } else if (stored !== payload && stored !== 'write-only') {
            report(`stored ${JSON.stringify(String(stored).slice(0, 80))}`);
          }
        } else {
          report(`${answer.status} ${answer.text.slice(0, 200)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expectGap('nul: write routes', nulProblems);
  });

  it('sign-in and list filters take hostile text without a server error', async () => {
    const problems: string[] = [];
    const nulProblems: string[] = [];
    await Promise.all(
      Object.entries(PAYLOADS).map(async ([kind, payload]) => {
        const out = kind === 'nul' ? nulProblems : problems;
        for (const body of [
          { email: payload, password: 'x', totp: '000000' },
          { email: `${kind}@example.invalid`, password: payload, totp: payload },
        ]) {
          const a = await post('anonymous', '/api/v1/auth/login', body);
          if (a.status !== 400 && a.status !== 401)
            out.push(`login ← ${kind}: ${a.status} ${a.text.slice(0, 160)}`);
        }
      }),
    );
    for (const [kind, payload] of Object.entries(PAYLOADS)) {
      const out = kind === 'nul' ? nulProblems : problems;
      const q = encodeURIComponent(payload);
      for (const [caller, path] of [
        ['coordinator', `/api/v1/devices?q=${q}`],
        ['coordinator', `/api/v1/devices?state=${q}`],
        ['operator', `/api/v1/alarms?state=${q}`],
        ['caseworker', `/api/v1/tasks?open=${q}`],
      ] as const) {
        const a = await sp.call(caller, { method: 'GET', path });
        if (a.status !== 200 && a.status !== 400) out.push(`${path.split('?')[0]} ← ${kind}: ${a.status}`);
      }
    }
    expect(problems).toEqual([]);
    expectGap('nul: sign-in and filters', nulProblems);
  });

  it('the vendor webhook stores hostile text inert or refuses it by field; it never asks the vendor to retry it forever', async () => {
    const problems: string[] = [];
    const nulProblems: string[] = [];
    for (const [kind, payload] of Object.entries(PAYLOADS)) {
      const out = kind === 'nul' ? nulProblems : problems;
      for (const field of ['text', 'vendorEventId', 'deviceId'] as const) {
        const event = {
          vendorEventId: `inj-${randomUUID()}`,
          deviceId: 'S2G-0001',
          type: 'tamper',
          occurredAt: new Date().toISOString(),
          [field]: payload,
        };
        const raw = JSON.stringify(event);
        const ts = Math.floor(Date.now() / 1000);
        const a = await sp.call('anonymous', {
          method: 'POST',
          path: '/api/v1/ingest/events',
          raw: { payload: raw, contentType: 'application/json' },
          headers: {
            'x-aware-vendor': DEMO.vendor.name,
            'x-aware-timestamp': String(ts),
            'x-aware-signature': signWebhookBody(DEMO.vendor.webhookSecret, ts, raw),
          },
        });
        const label = `webhook ${field} ← ${kind}`;
        if (a.status === 200) {
          const stored = await sp.p.db.query<{ text: string | null; sequence: string | null }>(
            'select text, sequence from alarms where sequence = $1',
            [event.vendorEventId],
          );
          const value = field === 'text' ? stored.rows[0]?.text : stored.rows[0]?.sequence;
          if (value !== payload) out.push(`${label}: stored ${JSON.stringify(String(value).slice(0, 60))}`);
        } else if (a.status === 400) {
          const fields = ((a.json as Problem).errors ?? []).map((e) => e.field);
          if (!fields.some((f) => f === field || f.endsWith(`/${field}`)))
            out.push(`${label}: 400 without naming ${field}: ${a.text.slice(0, 160)}`);
        } else {
          out.push(`${label}: ${a.status} ${a.text.slice(0, 160)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expectGap('nul: webhook', nulProblems);
  });

  it('the data-subject export of a case full of hostile text still renders, as JSON and as PDF', async () => {
    const problems: string[] = [];
    for (const format of ['json', 'pdf'] as const) {
      const a = await sp.call('caseworker', {
        method: 'GET',
        path: `/api/v1/cases/${fx.caseId}/data-subject-export?format=${format}`,
      });
      if (a.status !== 200) problems.push(`${format}: ${a.status} ${a.text.slice(0, 160)}`);
      else if (format === 'json' && !a.text.includes(JSON.stringify(PAYLOADS.html).slice(1, -1)))
        problems.push('json: the stored text is missing');
    }
    expectGap('export of hostile text', problems);
  });

  it('afterwards every table is still there, the demo cases are intact and the audit chain holds', async () => {
    for (const table of [
      'cases',
      'users',
      'organisations',
      'regions',
      'devices',
      'alarms',
      'alarm_events',
      'audit_log',
    ]) {
      const r = await sp.p.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
      expect(r.rows[0]!.n, table).toBeGreaterThan(0);
    }
    const cases = await sp.p.db.query<{ n: number }>(
      `select count(*)::int as n from cases where reference like 'AW-2026-%'`,
    );
    expect(cases.rows[0]!.n).toBe(10);
    expect(
      await verifyAuditLog(
        sp.p.db,
        readPublicKeyRing(auditKeyFiles(sp.p.config.auditKeyFile).publicKeysFile),
      ),
    ).toMatchObject({ ok: true });
  });
});
