import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

describeEachEngine('cases: who sees what', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
  });
  afterAll(() => p.close());

  const references = async (role: string) =>
    ((await (await (await signIn(p, role))('/api/v1/cases')).json()) as { reference: string }[])
      .map((c) => c.reference)
      .sort();

  it('a caseworker lists only the cases of her team; the coordinator all of the organisation', async () => {
    expect(await references('caseworker')).toEqual(['AW-2026-0005', 'AW-2026-0006', 'AW-2026-0007']);
    expect(await references('coordinator')).toHaveLength(10);
    expect(await references('vt')).toHaveLength(10);
  });

  it("another caseworker's case is 404 (its existence is not revealed), and administrators and funders see no cases", async () => {
    const cw = await signIn(p, 'caseworker');
    const other = await p.db.query<{ id: string }>(`select id from cases where reference = 'AW-2026-0008'`);
    expect((await cw(`/api/v1/cases/${other.rows[0]!.id}`)).status).toBe(404);
    expect((await cw('/api/v1/cases/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await (await signIn(p, 'admin'))('/api/v1/cases')).status).toBe(403);
    expect((await (await signIn(p, 'funder'))('/api/v1/cases')).status).toBe(403);
    expect((await (await signIn(p, 'operator'))('/api/v1/cases')).status).toBe(403);
  });

  it('every read of a case record is audited with who and from where', async () => {
    const cw = await signIn(p, 'caseworker');
    const own = await p.db.query<{ id: string }>(`select id from cases where reference = 'AW-2026-0006'`);
    expect((await cw(`/api/v1/cases/${own.rows[0]!.id}`)).status).toBe(200);
    const entries = await p.db.query<{ actor_label: string; access: string; ip: string }>(
      `select actor_label, access, ip from audit_log where action = 'case.read' and record_id = $1`,
      [own.rows[0]!.id],
    );
    expect(entries.rows).toEqual([
      { actor_label: 'caseworker@demo.aware.test', access: 'read', ip: '127.0.0.1' },
    ]);
  });
});
