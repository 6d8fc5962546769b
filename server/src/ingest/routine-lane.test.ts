import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../testing/databases.ts';
import { createRoutineLane } from './routine-lane.ts';

describeEachEngine('routine lane (group commit)', (engine) => {
  let t: TestDatabase;
  let deviceIds: string[];
  let statements = 0;
  let counting: Database;

  beforeAll(async () => {
    t = await freshDatabase(engine);
    const region = await t.db.query<{ id: string }>(`insert into regions (name) values ('R') returning id`);
    const org = await t.db.query<{ id: string }>(
      `insert into organisations (region_id, name, type) values ($1, 'O', 'shelter') returning id`,
      [region.rows[0]!.id],
    );
    deviceIds = [];
    for (let i = 0; i < 20; i++) {
      const d = await t.db.query<{ id: string }>(
        `insert into devices (organisation_id, vendor, model, serial, protocol, account) values ($1, 'V', 'M', $2, 'dc09', $2) returning id`,
        [org.rows[0]!.id, `S${i}`],
      );
      deviceIds.push(d.rows[0]!.id);
    }
    counting = {
      ...t.db,
      query: (sql, params) => {
        if (sql.includes('update devices')) statements++;
        return t.db.query(sql, params);
      },
    };
  });
  afterAll(() => t.drop());

  it('commits 2,000 updates in a few statements, each caller settled after its commit, newest per device kept', async () => {
    const lane = createRoutineLane(counting, { maxWaitMs: 5, maxBatch: 500 });
    const start = Date.UTC(2026, 0, 1);
    const updates = Array.from({ length: 2000 }, (_, i) => ({
      deviceId: deviceIds[i % 20]!,
      seenAt: new Date(start + i * 1000),
      batteryPercent: i % 100,
      charging: null,
      position: null,
    }));
    await Promise.all(updates.map((u) => lane.submit(u)));
    expect(statements).toBeLessThanOrEqual(8);
    const rows = await t.db.query<{ battery_percent: number; last_seen_at: Date }>(
      'select battery_percent, last_seen_at from devices where id = $1',
      [deviceIds[0]],
    );
    // device 0 got updates 0, 20, …, 1980: the last one wins
    expect(rows.rows[0]!.battery_percent).toBe(1980 % 100);
    expect(rows.rows[0]!.last_seen_at.getTime()).toBe(start + 1980 * 1000);
  });

  it("seals only the position it writes: of one device's updates in a batch, the newest", async () => {
    const lane = createRoutineLane(counting, { maxWaitMs: 5 });
    const start = Date.UTC(2026, 1, 1);
    const sealed: number[] = [];
    const updates = Array.from({ length: 10 }, (_, i) => ({
      deviceId: deviceIds[3]!,
      seenAt: new Date(start + i * 1000),
      batteryPercent: null,
      charging: null,
      position: {
        at: new Date(start + i * 1000),
        seal: () => {
          sealed.push(i);
          return `sealed-${i}`;
        },
      },
    }));
    await Promise.all(updates.map((u) => lane.submit(u)));
    expect(sealed).toEqual([9]);
    const row = await t.db.query<{ last_position_sealed: string; last_position_at: Date }>(
      'select last_position_sealed, last_position_at from devices where id = $1',
      [deviceIds[3]],
    );
    expect(row.rows[0]!.last_position_sealed).toBe('sealed-9');
    expect(row.rows[0]!.last_position_at.getTime()).toBe(start + 9000);
  });

  it('rejects every caller of a batch that could not be written', async () => {
    const lane = createRoutineLane(counting, { maxWaitMs: 1 });
    const bad = lane.submit({
      deviceId: 'not-a-uuid',
      seenAt: new Date(),
      batteryPercent: null,
      charging: null,
      position: null,
    });
    await expect(bad).rejects.toThrow();
  });
});
