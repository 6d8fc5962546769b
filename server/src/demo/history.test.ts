import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { HISTORY_PREFIX, seedFiguresHistory } from './history.ts';
import { DEMO } from './seed.ts';

describeEachEngine('demo: generated history for the figures', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
  });
  afterAll(async () => p?.close());

  it('adds three years of marked trajectories once, leaves the demo cases alone, and fills the dashboards', async () => {
    const before = await p.db.query<{ reference: string; status: string }>(
      `select reference, status from cases where reference like 'AW-%' order by reference`,
    );
    expect(await seedFiguresHistory(p.db, DEMO.region)).toBe(true);
    expect(await seedFiguresHistory(p.db, DEMO.region)).toBe(false);
    const after = await p.db.query(
      `select reference, status from cases where reference like 'AW-%' order by reference`,
    );
    expect(after.rows).toEqual(before.rows);

    const generated = await p.db.query<{ n: number }>(
      `select count(*)::int as n from cases where reference like $1`,
      [`${HISTORY_PREFIX}%`],
    );
    expect(generated.rows[0]!.n).toBeGreaterThan(100);
    // no personal data: no client or perpetrator rows for generated cases
    const personal = await p.db.query<{ n: number }>(
      `select count(*)::int as n from clients k join cases c on c.id = k.case_id where c.reference like $1`,
      [`${HISTORY_PREFIX}%`],
    );
    expect(personal.rows[0]!.n).toBe(0);
    // supervision never watches a generated button
    expect((await p.superviseNow()).raised).toBe(0);

    const year = new Date().getFullYear() - 1;
    const coordinator = await signIn(p, 'coordinator');
    const d = await (
      await coordinator(`/api/v1/figures/dashboard?from=${year}-01-01&to=${year}-12-31`)
    ).json();
    expect(d.trajectories.started).toBeGreaterThan(20);
    expect(d.alarms.total).toBeGreaterThan(20);
    expect(d.response.find((r: { step: string }) => r.step === 'total').medianSeconds).toBeGreaterThan(200);
    expect(d.ratings.safety[0].mean).toBeLessThan(d.ratings.safety[2].mean);
    const funder = await signIn(p, 'funder');
    const f = await (await funder(`/api/v1/figures/dashboard?from=${year}-01-01&to=${year}-12-31`)).json();
    expect(f.trajectories.started).toBe(d.trajectories.started);
  });
});
