import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

type Api = Awaited<ReturnType<typeof signIn>>;
// biome-ignore lint/suspicious/noExplicitAny: API answers, checked field by field below
type Json = any;

/**
 * After the joint decision the executing organisation carries the case: the police and Veilig Thuis, who
 * take part and may read it, are refused the connection steps and the status changes of phases 2-4.
 */
describeEachEngine('steps of the executing organisation', (engine) => {
  let p: TestPlatform;
  let police: Api;
  let vt: Api;
  let coordinator: Api;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    p = await startTestPlatform(engine);
    police = await signIn(p, 'police');
    vt = await signIn(p, 'vt');
    coordinator = await signIn(p, 'coordinator');
    const r = await p.db.query<{ id: string; reference: string }>(
      `select id, reference from cases where reference in ('AW-2026-0001', 'AW-2026-0005', 'AW-2026-0006')`,
    );
    for (const row of r.rows) ids[row.reference] = row.id;
  });
  afterAll(() => p.close());

  const post = (api: Api, path: string, body: unknown) =>
    api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });
  const detail = async (api: Api, id: string) => (await (await api(`/api/v1/cases/${id}`)).json()) as Json;
  const refusedCode = async (r: Response) => {
    expect(r.status, await r.clone().text()).toBe(403);
    return ((await r.json()) as Json).code as string;
  };

  it('police and VT may read a connecting case but not take its connection steps', async () => {
    const id = ids['AW-2026-0005']!;
    const before = await detail(coordinator, id);
    expect(before.status).toBe('connecting');
    expect(before.may.connect).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    for (const api of [police, vt]) {
      const c = await detail(api, id);
      expect(c.status).toBe('connecting');
      expect(c.may).toMatchObject({ connect: false, write: true });
      const steps: [string, object][] = [
        ['signalement', { recipient: 'Stalkingsfunctionaris', version: c.version }],
        [
          'contract',
          { signedOn: today, documentId: '00000000-0000-4000-8000-000000000000', version: c.version },
        ],
        ['privacy-statement', { handedOn: today, version: c.version }],
        ['transitions', { to: 'active', rationale: 'Aangesloten', version: c.version }],
      ];
      for (const [step, body] of steps) {
        expect(await refusedCode(await post(api, `/cases/${id}/${step}`, body)), step).toBe(
          'case.executingOnly',
        );
      }
    }
    const after = await detail(coordinator, id);
    expect(after.version).toBe(before.version);
    expect(after.connection.signalementSentAt ?? null).toBeNull();
    const refusals = await p.db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'case.refused' and record_id = $1
         and details->>'attempted' = 'case.connect'`,
      [id],
    );
    expect(refusals.rows[0]!.n).toBe(8);
    // the executing organisation takes the same step
    const handed = await post(coordinator, `/cases/${id}/privacy-statement`, {
      handedOn: today,
      version: after.version,
    });
    expect(handed.status, await handed.clone().text()).toBe(200);
  });

  it('police and VT may not start the evaluation, extend or close an active case; the coordinator may', async () => {
    const id = ids['AW-2026-0006']!;
    for (const api of [police, vt]) {
      const c = await detail(api, id);
      const r = await post(api, `/cases/${id}/evaluation/start`, {
        version: c.version,
        rationale: 'Evaluatie',
      });
      expect(await refusedCode(r)).toBe('case.executingOnly');
    }
    const c = await detail(coordinator, id);
    const started = await post(coordinator, `/cases/${id}/evaluation/start`, {
      version: c.version,
      rationale: 'Evaluatie',
    });
    expect(started.status, await started.clone().text()).toBe(200);
    for (const api of [police, vt]) {
      const now = await detail(api, id);
      expect(now.status).toBe('evaluation');
      const tries: [string, object][] = [
        ['extension', { version: now.version, newEndOn: '2099-01-01', rationale: 'Risico blijft' }],
        ['closure', { version: now.version, deviceReturn: 'returned', reason: 'Veilig' }],
        ['transitions', { to: 'closed', rationale: 'Veilig', version: now.version }],
      ];
      for (const [step, body] of tries) {
        expect(await refusedCode(await post(api, `/cases/${id}/${step}`, body)), step).toBe(
          'case.executingOnly',
        );
      }
    }
    expect((await detail(coordinator, id)).status).toBe('evaluation');
  });

  it('what police and VT do before and beside the decision stays theirs', async () => {
    const id = ids['AW-2026-0001']!;
    const c = await detail(vt, id);
    const moved = await post(vt, `/cases/${id}/transitions`, {
      to: 'screening',
      rationale: 'Aanmelding compleet',
      version: c.version,
    });
    expect(moved.status, await moved.clone().text()).toBe(200);
    const contribution = await post(police, `/cases/${ids['AW-2026-0006']!}/contributions`, {
      body: 'Informatie uit eigen systeem',
    });
    expect(contribution.status).toBe(201);
  });
});
