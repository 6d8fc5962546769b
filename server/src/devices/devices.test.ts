import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

const newDevice = (serial: string, extra: Record<string, unknown> = {}) => ({
  vendor: 'X-mark',
  model: 'AWARE-knop 4G',
  serial,
  protocol: 'dc09',
  account: serial.replace(/\D/g, ''),
  rentPerQuarterCents: 11500,
  heartbeatIntervalSeconds: 600,
  ...extra,
});

describeEachEngine('device fleet API', (engine) => {
  let p: TestPlatform;
  let coordinator: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
    coordinator = await signIn(p, 'coordinator');
  });
  afterAll(() => p.close());

  it('stores the encryption key sealed and never returns it', async () => {
    const created = await coordinator('/api/v1/devices', {
      method: 'POST',
      body: JSON.stringify(newDevice('XM-5001', { key: 'AwareDemoKey0002' })),
    });
    expect(created.status).toBe(201);
    const device = await created.json();
    expect(device.hasKey).toBe(true);
    expect(JSON.stringify(device)).not.toContain('AwareDemoKey0002');
    const list = await (await coordinator('/api/v1/devices?q=XM-5001')).text();
    expect(list).not.toContain('AwareDemoKey0002');
    const row = await p.db.query<{ key_sealed: string }>(
      `select key_sealed from devices where serial = 'XM-5001'`,
    );
    expect(row.rows[0]!.key_sealed).not.toContain('AwareDemoKey0002');
    expect(row.rows[0]!.key_sealed.startsWith('v1.')).toBe(true);
  });

  it('rejects bad input with problem+json naming the field, and stores nothing', async () => {
    const cases = [
      [newDevice('XM-5002', { key: 'too-short' }), 'key'],
      [newDevice('XM-5003', { rentPerQuarterCents: -1 }), 'rentPerQuarterCents'],
      [newDevice('XM-5004', { protocol: 'morse' }), 'protocol'],
      [newDevice('XM-5005', { imei: '12ab' }), 'imei'],
      [{ ...newDevice('XM-5006'), colour: 'red' }, 'colour'],
    ] as const;
    for (const [body, field] of cases) {
      const response = await coordinator('/api/v1/devices', { method: 'POST', body: JSON.stringify(body) });
      expect(response.status, field).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = await response.json();
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const stored = await p.db.query(
      `select 1 from devices where serial like 'XM-500_' and serial <> 'XM-5001'`,
    );
    expect(stored.rows).toHaveLength(0);
  });

  it('refuses a second device on the same protocol and account (409 naming account)', async () => {
    const response = await coordinator('/api/v1/devices', {
      method: 'POST',
      body: JSON.stringify(newDevice('XM-9001', { account: '1001' })),
    });
    expect(response.status).toBe(409);
    expect((await response.json()).errors[0].field).toBe('account');
  });

  it('assigns to a case, records the history, and will not issue one device twice', async () => {
    const [device] = await (await coordinator('/api/v1/devices?q=XM-5001')).json();
    const cases = await (await coordinator('/api/v1/cases')).json();
    const target = cases.find((c: { reference: string }) => c.reference === 'AW-2026-0005');
    const assigned = await coordinator(`/api/v1/devices/${device.id}/assign`, {
      method: 'POST',
      body: JSON.stringify({ caseId: target.id }),
    });
    expect(assigned.status).toBe(200);
    expect(await assigned.json()).toMatchObject({ state: 'issued', caseReference: 'AW-2026-0005' });
    const again = await coordinator(`/api/v1/devices/${device.id}/assign`, {
      method: 'POST',
      body: JSON.stringify({ caseId: target.id }),
    });
    expect(again.status).toBe(409);
    const lost = await coordinator(`/api/v1/devices/${device.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ state: 'lost' }),
    });
    expect(lost.status).toBe(400);
    expect((await coordinator(`/api/v1/devices/${device.id}/unassign`, { method: 'POST' })).status).toBe(200);
    const history = await (await coordinator(`/api/v1/devices/${device.id}/assignments`)).json();
    expect(history).toHaveLength(1);
    expect(history[0].caseReference).toBe('AW-2026-0005');
    expect(history[0].unassignedAt).not.toBeNull();
  });

  it('filters by state and text', async () => {
    const inStock = await (await coordinator('/api/v1/devices?state=in_stock')).json();
    expect(inStock.length).toBeGreaterThan(0);
    expect(inStock.every((d: { state: string }) => d.state === 'in_stock')).toBe(true);
    const found = await (await coordinator('/api/v1/devices?q=1003')).json();
    expect(found.map((d: { account: string }) => d.account)).toEqual(['1003']);
  });

  it('caseworkers may look but not manage; funders may not look', async () => {
    const caseworker = await signIn(p, 'caseworker');
    expect((await caseworker('/api/v1/devices')).status).toBe(200);
    const create = await caseworker('/api/v1/devices', {
      method: 'POST',
      body: JSON.stringify(newDevice('XM-6001')),
    });
    expect(create.status).toBe(403);
    const funder = await signIn(p, 'funder');
    expect((await funder('/api/v1/devices')).status).toBe(403);
  });

  it('every write is in the audit log', async () => {
    const actions = await p.db.query<{ action: string }>(
      `select distinct action from audit_log where record_type = 'device'`,
    );
    expect(actions.rows.map((r) => r.action).sort()).toEqual(
      expect.arrayContaining(['device.assign', 'device.create', 'device.unassign']),
    );
  });
});
