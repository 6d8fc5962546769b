import { describe, expect, it } from 'vitest';
import { createAlarmLane, isDatabaseUnavailable } from './alarm-lane.ts';

const sqlError = (code: string) => Object.assign(new Error(`sqlstate ${code}`), { code });

describe('the alarm lane', () => {
  it('commits alarms that arrive together in one batch, and a full batch without waiting', async () => {
    const batches: number[][] = [];
    const lane = createAlarmLane(
      async (items: number[]) => {
        batches.push(items);
        return items.map((i) => i * 10);
      },
      { maxWaitMs: 1, maxBatch: 4, writers: 1 },
    );
    const results = Promise.all([1, 2, 3, 4, 5, 6].map((i) => lane.submit(i)));
    // the first four filled a batch: it went at once, before any timer
    expect(batches).toEqual([[1, 2, 3, 4]]);
    expect(await results).toEqual([10, 20, 30, 40, 50, 60]);
    // what arrived while it was written went next, together
    expect(batches).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
  });

  it('a batch the database refuses is retried alarm by alarm: only the bad one fails', async () => {
    const calls: number[][] = [];
    const lane = createAlarmLane(async (items: number[]) => {
      calls.push(items);
      if (items.includes(13)) throw sqlError('23503');
      return items;
    });
    const settled = await Promise.allSettled([11, 12, 13, 14].map((i) => lane.submit(i)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(calls).toEqual([[11, 12, 13, 14], [11], [12], [13], [14]]);
  });

  it('when the database is unreachable every alarm of the batch fails at once, to be sent again', async () => {
    let calls = 0;
    const lane = createAlarmLane(async (): Promise<number[]> => {
      calls++;
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
    const settled = await Promise.allSettled([1, 2, 3].map((i) => lane.submit(i)));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(calls).toBe(1);
  });

  it('tells an unreachable database from a refused statement', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(sqlError('57P01'))).toBe(true); // admin shutdown
    expect(isDatabaseUnavailable(sqlError('08006'))).toBe(true);
    expect(isDatabaseUnavailable(sqlError('23505'))).toBe(false);
    expect(isDatabaseUnavailable(sqlError('40P01'))).toBe(false); // deadlock: retried alone
  });
});
