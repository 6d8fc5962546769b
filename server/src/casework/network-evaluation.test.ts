import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { createTaskSweep } from './network/task-sweep.ts';

type Api = Awaited<ReturnType<typeof signIn>>;
interface Problem {
  errors: { field: string; message: string }[];
}

describeEachEngine('casework: network collaboration and phase 4', (engine) => {
  let p: TestPlatform;
  let cw: Api;
  let caseId: string;
  const ids: Record<string, string> = {};
  const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });
  const today = new Date().toISOString().slice(0, 10);
  const version = async () =>
    (await p.db.query<{ version: number }>('select version from cases where id = $1', [caseId])).rows[0]!
      .version;

  beforeAll(async () => {
    p = await startTestPlatform(engine);
    cw = await signIn(p, 'caseworker');
    caseId = (await p.db.query<{ id: string }>(`select id from cases where reference = 'AW-2026-0007'`))
      .rows[0]!.id;
    for (const local of ['caseworker', 'coordinator', 'police', 'procesregisseur']) {
      ids[local] = (
        await p.db.query<{ id: string }>('select id from users where email = $1', [
          `${local}@demo.aware.test`,
        ])
      ).rows[0]!.id;
    }
  });
  afterAll(() => p.close());

  it('names the team roles; the last case director of a running case cannot be removed', async () => {
    const team = (await (await cw(`/api/v1/cases/${caseId}/team`)).json()) as {
      members: { userId: string; role: string }[];
      warnings: string[];
    };
    expect(team.members).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: ids.caseworker, role: 'case_director' })]),
    );
    expect(team.warnings).toEqual([]);
    const remove = await cw(
      `/api/v1/cases/${caseId}/team/remove`,
      json({ userId: ids.caseworker, role: 'case_director' }),
    );
    expect(remove.status).toBe(409);
    expect(((await remove.json()) as Problem).errors[0]!.field).toBe('role');
    // with a second case director, the first may step down
    expect(
      (await cw(`/api/v1/cases/${caseId}/team`, json({ userId: ids.procesregisseur, role: 'case_director' })))
        .status,
    ).toBe(200);
    expect(
      (await cw(`/api/v1/cases/${caseId}/team`, json({ userId: ids.police, role: 'police_contact' }))).status,
    ).toBe(200);
    expect(
      (
        await cw(
          `/api/v1/cases/${caseId}/team/remove`,
          json({ userId: ids.caseworker, role: 'case_director' }),
        )
      ).status,
    ).toBe(200);
    const outsider = await cw(
      `/api/v1/cases/${caseId}/team`,
      json({ userId: '00000000-0000-4000-8000-000000000000', role: 'vt_contact' }),
    );
    expect(((await outsider.json()) as Problem).errors[0]!.field).toBe('userId');
  });

  it('warns when a case past the decision has no case director', async () => {
    await p.db.query(`delete from case_team where case_id = $1 and role = 'case_director'`, [caseId]);
    const team = (await (await cw(`/api/v1/cases/${caseId}/team`)).json()) as { warnings: string[] };
    expect(team.warnings).toEqual(['no_case_director']);
    await p.db.query(`insert into case_team (case_id, user_id, role) values ($1, $2, 'case_director')`, [
      caseId,
      ids.caseworker,
    ]);
  });

  it('answers "whom do I call at the police for this case" from the contact directory', async () => {
    const contacts = (await (await cw(`/api/v1/cases/${caseId}/contacts`)).json()) as {
      type: string;
      contacts: { name: string; phone: string }[];
      team: { role: string }[];
    }[];
    const police = contacts.find((o) => o.type === 'police')!;
    expect(police.contacts.length).toBe(2);
    expect(police.contacts[0]!.phone).toMatch(/^\+31/);
    expect(police.team.map((m) => m.role)).toContain('police_contact');
  });

  it('refuses a meeting with the client and the perpetrator at one table, naming the field', async () => {
    const r = await cw(
      `/api/v1/cases/${caseId}/meetings`,
      json({
        heldOn: today,
        kind: 'round_table',
        participants: [
          { kind: 'client', name: 'Fatma' },
          { kind: 'perpetrator', name: 'Kerem' },
        ],
      }),
    );
    expect(r.status).toBe(400);
    expect(((await r.json()) as Problem).errors).toEqual([
      {
        field: 'participants',
        message: expect.stringContaining('never'),
        code: 'meeting.clientAndPerpetrator',
      },
    ]);
    // the database check holds too, whatever writes
    await expect(
      p.db.query(
        `insert into network_meetings (case_id, held_on, kind, client_present, perpetrator_present) values ($1, now(), 'other', true, true)`,
        [caseId],
      ),
    ).rejects.toThrow();
  });

  it('records a network meeting with task agreements; the process director ticks a task off', async () => {
    const r = await cw(
      `/api/v1/cases/${caseId}/meetings`,
      json({
        heldOn: today,
        kind: 'case_meeting',
        chair: 'Paul Procesregisseur',
        participants: [
          { kind: 'professional', name: 'Paul Procesregisseur', organisation: 'ZVHH' },
          { kind: 'client', name: 'Fatma' },
        ],
        decisions: 'Tolk bij elk gesprek',
        tasks: [{ description: 'Tolk regelen', assigneeId: ids.caseworker, dueOn: '2099-01-01' }],
      }),
    );
    expect(r.status, await r.clone().text()).toBe(201);
    const list = (await (await cw(`/api/v1/cases/${caseId}/meetings`)).json()) as {
      meetings: { decisions: string }[];
      tasks: { id: string; description: string; doneAt: string | null }[];
    };
    expect(list.meetings[0]!.decisions).toBe('Tolk bij elk gesprek');
    const task = list.tasks.find((t) => t.description === 'Tolk regelen')!;
    const director = await signIn(p, 'procesregisseur');
    expect((await director(`/api/v1/case-tasks/${task.id}/done`, { method: 'POST' })).status).toBe(200);
    expect((await director(`/api/v1/case-tasks/${task.id}/done`, { method: 'POST' })).status).toBe(409);
    // caseworker2 is not told the task exists
    expect(
      (await (await signIn(p, 'caseworker2'))(`/api/v1/case-tasks/${task.id}/done`, { method: 'POST' }))
        .status,
    ).toBe(404);
    const kinds = await p.db.query<{ kind: string; summary: string }>(
      `select kind, summary from case_timeline where case_id = $1 and kind in ('meeting', 'task') order by id`,
      [caseId],
    );
    expect(kinds.rows.map((k) => k.summary)).toEqual(expect.arrayContaining(['taak afgerond']));
  });

  it('reminds the assignee a day ahead and escalates an overdue task to the case director, once each', async () => {
    const sweep = createTaskSweep(p.db);
    await sweep.sweep(new Date('2030-06-01T00:00:00Z')); // settle what the demo data already owes
    const add = await cw(
      `/api/v1/cases/${caseId}/tasks`,
      json({ description: 'Terugbellen', assigneeId: ids.police, dueOn: '2030-06-10' }),
    );
    expect(add.status).toBe(201);
    const taskId = ((await add.json()) as { id: string }).id;
    const notes = async () =>
      (
        await p.db.query<{ id: string; userId: string; kind: string }>(
          `select id, user_id as "userId", kind from notifications where case_id = $1 and kind like 'task.%'`,
          [caseId],
        )
      ).rows;
    const before = await notes();
    const mailsBefore = await p.db.query<{ id: string }>(`select id from outbox where kind = 'task.overdue'`);
    expect(await sweep.sweep(new Date('2030-06-08T12:00:00Z'))).toEqual({ reminded: 0, escalated: 0 });
    expect(await sweep.sweep(new Date('2030-06-09T18:00:00Z'))).toEqual({ reminded: 1, escalated: 0 });
    expect(await sweep.sweep(new Date('2030-06-09T19:00:00Z'))).toEqual({ reminded: 0, escalated: 0 });
    expect(await sweep.sweep(new Date('2030-06-11T08:00:00Z'))).toEqual({ reminded: 0, escalated: 1 });
    // a restarted sweep (a fresh instance) repeats nothing
    expect(await createTaskSweep(p.db).sweep(new Date('2030-06-12T08:00:00Z'))).toEqual({
      reminded: 0,
      escalated: 0,
    });
    const seen = new Set(before.map((n) => n.id));
    const added = (await notes())
      .filter((n) => !seen.has(n.id))
      .map(({ userId, kind }) => ({ userId, kind }));
    expect(added).toHaveLength(3);
    expect(added).toEqual(
      expect.arrayContaining([
        { userId: ids.police, kind: 'task.reminder' },
        { userId: ids.police, kind: 'task.overdue' },
        { userId: ids.caseworker, kind: 'task.overdue' },
      ]),
    );
    // the overdue task is e-mailed to the same two people, once (a reminder stays in the app)
    const mails = await p.db.query<{ recipient: string }>(
      `select recipient from outbox where kind = 'task.overdue' and not (id = any($1::uuid[])) order by recipient`,
      [mailsBefore.rows.map((m) => m.id)],
    );
    expect(mails.rows.map((m) => m.recipient)).toEqual([
      'caseworker@demo.aware.test',
      'police@demo.aware.test',
    ]);
    // the notification names the task, not only the case
    const mine = (await (await cw('/api/v1/notifications')).json()) as {
      kind: string;
      task: { id: string; kind: string; description: string } | null;
    }[];
    expect(mine.find((n) => n.kind === 'task.overdue' && n.task?.id === taskId)?.task).toEqual({
      id: taskId,
      kind: 'agreement',
      description: 'Terugbellen',
    });
    expect(mine.filter((n) => n.kind.startsWith('alarm.')).every((n) => n.task === null)).toBe(true);
    const row = await p.db.query<{ remindedAt: Date; escalatedAt: Date }>(
      'select reminded_at as "remindedAt", escalated_at as "escalatedAt" from tasks where id = $1',
      [taskId],
    );
    expect(row.rows[0]!.remindedAt).not.toBeNull();
    expect(row.rows[0]!.escalatedAt).not.toBeNull();
  });

  it('without a case director, an overdue task goes to the coordinator', async () => {
    await p.db.query(`delete from case_team where case_id = $1 and role = 'case_director'`, [caseId]);
    const toCoordinator = async () =>
      (
        await p.db.query(
          `select 1 from notifications where user_id = $1 and case_id = $2 and kind = 'task.overdue'`,
          [ids.coordinator, caseId],
        )
      ).rows.length;
    const before = await toCoordinator();
    await cw(`/api/v1/cases/${caseId}/tasks`, json({ description: 'Nog een', dueOn: '2031-01-01' }));
    expect(await createTaskSweep(p.db).sweep(new Date('2031-01-03T00:00:00Z'))).toEqual({
      reminded: 0,
      escalated: 1,
    }); // no assignee: nobody to remind
    expect(await toCoordinator()).toBe(before + 1);
    await p.db.query(`insert into case_team (case_id, user_id, role) values ($1, $2, 'case_director')`, [
      caseId,
      ids.caseworker,
    ]);
  });

  it('evaluates, extends back to active with a new end date, and refuses a stale version', async () => {
    const start = await cw(
      `/api/v1/cases/${caseId}/evaluation/start`,
      json({ version: await version(), rationale: 'Drie maanden om' }),
    );
    expect(start.status, await start.clone().text()).toBe(200);
    expect(((await start.json()) as { status: string }).status).toBe('evaluation');
    const evaluation = await cw(
      `/api/v1/cases/${caseId}/evaluations`,
      json({ evaluatedOn: today, moment: 'interim', safetyScale: '6', clientSafetyRating: 7 }),
    );
    expect(evaluation.status).toBe(201);
    const badScale = await cw(
      `/api/v1/cases/${caseId}/evaluations`,
      json({ evaluatedOn: today, moment: 'interim', safetyScale: '5' }),
    );
    expect(badScale.status).toBe(400);
    const stale = await cw(
      `/api/v1/cases/${caseId}/extension`,
      json({ version: 1, newEndOn: '2099-01-01', rationale: 'Rechtszaak' }),
    );
    expect(stale.status).toBe(409);
    const extended = await cw(
      `/api/v1/cases/${caseId}/extension`,
      json({
        version: await version(),
        newEndOn: '2099-01-01',
        rationale: 'Rechtszaak in maart kan stalking doen oplaaien',
      }),
    );
    expect(extended.status, await extended.clone().text()).toBe(200);
    expect(await extended.json()).toMatchObject({
      status: 'active',
      plannedEndOn: '2099-01-01',
      extensions: [{ newEndOn: '2099-01-01', rationale: expect.stringContaining('Rechtszaak') }],
    });
    const transitions = await p.db.query<{ to: string }>(
      `select to_status as to from case_transitions where case_id = $1 order by at`,
      [caseId],
    );
    expect(transitions.rows.map((t) => t.to).slice(-2)).toEqual(['evaluation', 'active']);
  });

  it('closes with the end evaluation, goals and the device returned: the device is freed', async () => {
    expect(
      (
        await cw(
          `/api/v1/cases/${caseId}/evaluation/start`,
          json({ version: await version(), rationale: 'Einde' }),
        )
      ).status,
    ).toBe(200);
    const early = await cw(
      `/api/v1/cases/${caseId}/closure`,
      json({ version: await version(), deviceReturn: 'returned', reason: 'Veilig' }),
    );
    expect(early.status).toBe(409); // no end evaluation yet
    expect(((await early.json()) as Problem).errors[0]!.message).toContain('end evaluation');
    const goals = (await (
      await cw(`/api/v1/cases/${caseId}/goals`, json({ description: 'Zelf boodschappen', setOn: today }))
    ).json()) as {
      goals: { id: string }[];
    };
    expect(
      (
        await cw(
          `/api/v1/cases/${caseId}/goals/result`,
          json({ goalId: goals.goals[0]!.id, result: 'met', evaluatedOn: today }),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await cw(
          `/api/v1/cases/${caseId}/evaluations`,
          json({
            evaluatedOn: today,
            moment: 'end',
            safetyScale: '7',
            clientSafetyRating: 8,
            caseworkerRating: 8.7,
            collaborationRating: 7.3,
          }),
        )
      ).status,
    ).toBe(201);
    const notIssued = await cw(
      `/api/v1/cases/${caseId}/closure`,
      json({ version: await version(), deviceReturn: 'not_issued', reason: 'Veilig' }),
    );
    expect(((await notIssued.json()) as Problem).errors[0]!.field).toBe('deviceReturn');
    const closed = await cw(
      `/api/v1/cases/${caseId}/closure`,
      json({ version: await version(), deviceReturn: 'returned', reason: 'Zes maanden geen incidenten' }),
    );
    expect(closed.status, await closed.clone().text()).toBe(200);
    expect(await closed.json()).toMatchObject({ status: 'closed', deviceReturn: 'returned', devices: [] });
    const device = await p.db.query<{ state: string; caseId: string | null }>(
      `select state, case_id as "caseId" from devices where serial = 'XM-1002'`,
    );
    expect(device.rows[0]).toEqual({ state: 'returned', caseId: null });
    const kinds = (
      await p.db.query<{ kind: string }>('select kind from case_timeline where case_id = $1', [caseId])
    ).rows.map((r) => r.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['evaluation', 'goal', 'extension', 'device', 'closure', 'transition']),
    );
    // a closed case takes no more care records
    const after = await cw(
      `/api/v1/cases/${caseId}/conversations`,
      json({ heldOn: today, kind: 'client', durationMinutes: 10 }),
    );
    expect(after.status).toBe(409);
  });

  it('a lost device is marked lost when the case closes', async () => {
    const other = (await p.db.query<{ id: string }>(`select id from cases where reference = 'AW-2026-0006'`))
      .rows[0]!.id;
    const v = async () =>
      (await p.db.query<{ version: number }>('select version from cases where id = $1', [other])).rows[0]!
        .version;
    expect(
      (await cw(`/api/v1/cases/${other}/evaluation/start`, json({ version: await v(), rationale: 'Einde' })))
        .status,
    ).toBe(200);
    await cw(
      `/api/v1/cases/${other}/evaluations`,
      json({ evaluatedOn: today, moment: 'end', safetyScale: '7+' }),
    );
    const r = await cw(
      `/api/v1/cases/${other}/closure`,
      json({ version: await v(), deviceReturn: 'lost', reason: 'Verhuisd' }),
    );
    expect(r.status, await r.clone().text()).toBe(200);
    const device = await p.db.query<{ state: string }>(`select state from devices where serial = 'XM-1001'`);
    expect(device.rows[0]!.state).toBe('lost');
  });
});
