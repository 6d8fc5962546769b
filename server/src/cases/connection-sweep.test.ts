import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { sweepConnectionDeadlines } from './connection-sweep.ts';

describeEachEngine('connection deadline sweep', (engine) => {
  let p: TestPlatform;
  let caseId: string;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
    // AW-2026-0005 is connecting with Carla as caseworker; its deadline: Monday 16 March 2026
    caseId = (await p.db.query<{ id: string }>(`select id from cases where reference = 'AW-2026-0005'`))
      .rows[0]!.id;
    await p.db.query(
      `update cases set connection_deadline = '2026-03-16', connection_warned_at = null, connection_escalated_at = null where id = $1`,
      [caseId],
    );
  });
  afterAll(() => p.close());

  const notified = async (kind: string) =>
    (
      await p.db.query<{ email: string }>(
        `select u.email from notifications n join users u on u.id = n.user_id where n.case_id = $1 and n.kind = $2 order by u.email`,
        [caseId, kind],
      )
    ).rows.map((r) => r.email);

  it('is quiet before the last working day, warns then, escalates after the deadline — each once', async () => {
    expect(await sweepConnectionDeadlines(p.db, new Date('2026-03-12T09:00:00+01:00'))).toEqual({
      warned: 0,
      escalated: 0,
    });
    // Friday 13 March is the last working day before Monday 16 March
    expect(await sweepConnectionDeadlines(p.db, new Date('2026-03-13T09:00:00+01:00'))).toEqual({
      warned: 1,
      escalated: 0,
    });
    expect(await notified('case.connection_due')).toEqual([
      'caseworker@demo.aware.test',
      'coordinator@demo.aware.test',
    ]);
    // a restart, or a second node after a failover, sends nothing twice
    expect(await sweepConnectionDeadlines(p.db, new Date('2026-03-16T09:00:00+01:00'))).toEqual({
      warned: 0,
      escalated: 0,
    });
    expect(await sweepConnectionDeadlines(p.db, new Date('2026-03-17T09:00:00+01:00'))).toEqual({
      warned: 0,
      escalated: 1,
    });
    expect(await sweepConnectionDeadlines(p.db, new Date('2026-03-17T09:15:00+01:00'))).toEqual({
      warned: 0,
      escalated: 0,
    });
    expect(await notified('case.connection_overdue')).toEqual(['coordinator@demo.aware.test']);
    expect(await notified('case.connection_due')).toHaveLength(2);
    // the same people get an e-mail through the outbox, written with the warning, each once
    const mailed = await p.db.query<{ kind: string; recipient: string; body: string }>(
      `select kind, recipient, body from outbox where kind like 'case.connection%' order by kind, recipient`,
    );
    expect(mailed.rows.map((m) => [m.kind, m.recipient])).toEqual([
      ['case.connection_due', 'caseworker@demo.aware.test'],
      ['case.connection_due', 'coordinator@demo.aware.test'],
      ['case.connection_overdue', 'coordinator@demo.aware.test'],
    ]);
    expect(mailed.rows[0]!.body).toContain('AW-2026-0005');
    const timeline = await p.db.query<{ summary: string }>(
      `select summary from case_timeline where case_id = $1 and kind = 'deadline' and actor_label = 'termijnbewaking' order by at`,
      [caseId],
    );
    expect(timeline.rows.map((r) => r.summary)).toEqual([
      'Waarschuwing: aansluiten uiterlijk 2026-03-16 (morgen)',
      'Termijn voor aansluiten verstreken (2026-03-16): gemeld aan de teamleider',
    ]);
  });

  it('leaves a connected case alone', async () => {
    const active = (await p.db.query<{ id: string }>(`select id from cases where reference = 'AW-2026-0006'`))
      .rows[0]!.id;
    await p.db.query(`update cases set connection_deadline = '2026-03-16' where id = $1`, [active]);
    await sweepConnectionDeadlines(p.db, new Date('2026-03-20T09:00:00+01:00'));
    const n = await p.db.query(
      `select 1 from notifications where case_id = $1 and kind like 'case.connection%'`,
      [active],
    );
    expect(n.rows).toHaveLength(0);
  });
});
