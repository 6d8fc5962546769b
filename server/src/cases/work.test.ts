import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

interface Work {
  tasks: { id: string; kind: string; reference: string; overdue: boolean }[];
  decisions: {
    reference: string;
    awaitingMine: boolean;
    agreed: { name: string }[];
    requiredCount: number;
  }[];
  intake: { reference: string; status: string }[];
  signalements: { reference: string }[];
  meetings: { reference: string }[];
  overdueTasks: { reference: string }[];
  caseload: { name: string; connecting: number; active: number; evaluation: number }[];
}

describeEachEngine('each role’s work (GET /my-work) and the STOP talk reported as not held', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
  });
  afterAll(() => p.close());

  const workOf = async (role: string) => {
    const res = await (await signIn(p, role))('/api/v1/my-work');
    expect(res.status).toBe(200);
    return (await res.json()) as Work;
  };
  const caseId = async (reference: string) =>
    (await p.db.query<{ id: string }>('select id from cases where reference = $1', [reference])).rows[0]!.id;

  it('the police get their own tasks, the decisions awaiting them and the signalementen; VT its own', async () => {
    const police = await workOf('police');
    expect(police.tasks.map((t) => `${t.reference} ${t.kind}`).sort()).toEqual([
      'AW-2026-0005 police_flag',
      'AW-2026-0005 police_stop_talk',
    ]);
    expect(police.decisions.filter((d) => d.awaitingMine).map((d) => d.reference)).toEqual(['AW-2026-0003']);
    expect(police.signalements.length).toBeGreaterThan(0);
    const vt = await workOf('vt');
    expect(vt.tasks.map((t) => `${t.reference} ${t.kind}`)).toEqual(['AW-2026-0005 vt_perpetrator_contact']);
    expect(vt.intake.map((c) => c.status).sort()).toEqual(['referral', 'screening']);
    expect(vt.signalements).toEqual([]);
  });

  it('once the police agree, the decision no longer waits for them but still for Veilig Thuis', async () => {
    const police = await signIn(p, 'police');
    const id = await caseId('AW-2026-0003');
    const agreed = await police(`/api/v1/cases/${id}/decision/agreements`, {
      method: 'POST',
      body: JSON.stringify({ outcome: 'granted' }),
    });
    expect(agreed.status).toBe(200);
    const mine = (await workOf('police')).decisions.find((d) => d.reference === 'AW-2026-0003')!;
    expect(mine).toMatchObject({ awaitingMine: false, requiredCount: 3 });
    expect(mine.agreed.map((a) => a.name)).toEqual(['Politie Basisteam Demostad']);
    expect((await workOf('vt')).decisions.find((d) => d.reference === 'AW-2026-0003')?.awaitingMine).toBe(
      true,
    );
  });

  it('the coordinator gets the caseload per caseworker and the overdue tasks; the process director the meetings', async () => {
    const coordinator = await workOf('coordinator');
    expect(
      coordinator.caseload.map(({ name, connecting, active, evaluation }) => [
        name,
        connecting,
        active,
        evaluation,
      ]),
    ).toEqual([
      ['Carla Hulpverlener', 1, 2, 0],
      ['Chris Hulpverlener', 0, 1, 1],
    ]);
    expect(coordinator.overdueTasks.length).toBeGreaterThan(0);
    // the closed demo case still has an open task agreement: a closed case is nobody's work any more
    const closedOpen = await p.db.query(
      `select 1 from tasks t join cases c on c.id = t.case_id
       where c.reference = 'AW-2026-0010' and c.status = 'closed' and t.done_at is null and t.due_at < now()`,
    );
    expect(closedOpen.rows.length).toBeGreaterThan(0);
    expect(coordinator.overdueTasks.map((t) => t.reference)).not.toContain('AW-2026-0010');
    expect((await workOf('caseworker')).caseload).toEqual([]);
    expect((await workOf('procesregisseur')).meetings.length).toBeGreaterThan(0);
  });

  it('the STOP talk is reported as not held with its reason; other tasks and other callers are refused', async () => {
    const police = await signIn(p, 'police');
    const tasks = (await workOf('police')).tasks;
    const stop = tasks.find((t) => t.kind === 'police_stop_talk')!;
    const flag = tasks.find((t) => t.kind === 'police_flag')!;
    const skip = (who: typeof police, id: string, reason: string) =>
      who(`/api/v1/case-tasks/${id}/skip`, { method: 'POST', body: JSON.stringify({ reason }) });

    const blank = await skip(police, stop.id, '   ');
    expect(blank.status).toBe(400);
    expect(JSON.stringify(await blank.json())).toContain('reason');
    expect((await skip(await signIn(p, 'caseworker2'), stop.id, 'Pleger onvindbaar')).status).toBe(404);
    expect((await skip(police, flag.id, 'Geen tijd')).status).toBe(409);

    expect((await skip(police, stop.id, 'Pleger onvindbaar')).status).toBe(200);
    const row = await p.db.query<{ skipped_reason: string; done: boolean }>(
      'select skipped_reason, done_at is not null as done from tasks where id = $1',
      [stop.id],
    );
    expect(row.rows[0]).toEqual({ skipped_reason: 'Pleger onvindbaar', done: true });
    const timeline = await p.db.query<{ summary: string }>(
      `select summary from case_timeline where ref_id = $1`,
      [stop.id],
    );
    expect(timeline.rows.map((r) => r.summary)).toEqual([
      'STOP-gesprek met de pleger: overgeslagen (Pleger onvindbaar)',
    ]);
    expect((await workOf('police')).tasks.map((t) => t.kind)).toEqual(['police_flag']);
  });

  it('the case list can leave out closed and rejected cases', async () => {
    const coordinator = await signIn(p, 'coordinator');
    const list = async (q: string) =>
      ((await (await coordinator(`/api/v1/cases${q}`)).json()) as { status: string }[]).map((c) => c.status);
    const all = await list('');
    const open = await list('?open=true');
    expect(all).toEqual(expect.arrayContaining(['closed', 'rejected']));
    expect(open).not.toContain('closed');
    expect(open).not.toContain('rejected');
    expect(open).toHaveLength(all.filter((s) => s !== 'closed' && s !== 'rejected').length);
  });
});
