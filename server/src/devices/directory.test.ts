import { describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/index.ts';
import { createDeviceDirectory } from './directory.ts';

/** A database that knows accounts 1–500 and counts the statements it is asked. */
function fakeDatabase() {
  const statements: string[][] = [];
  let gate: Promise<void> = Promise.resolve();
  const db = {
    async query(_sql: string, params: [string, string[]]) {
      statements.push(params[1]);
      await gate;
      const rows = params[1]
        .filter((account) => Number(account) >= 1 && Number(account) <= 500)
        .map((account) => ({
          account,
          id: `device-${account}`,
          caseId: null,
          regionId: 'region',
          testMode: false,
          keySealed: null,
          vendor: 'Bench',
        }));
      return { rows };
    },
  };
  return {
    db: db as unknown as Database,
    statements,
    hold() {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => release();
    },
  };
}

describe('device directory', () => {
  it('asks for a fleet reconnecting at once in one statement, and answers each device', async () => {
    const fake = fakeDatabase();
    const directory = createDeviceDirectory(fake.db);
    const accounts = Array.from({ length: 300 }, (_, i) => String(i + 1)).concat(['9999']);
    const routes = await Promise.all(accounts.map((a) => directory.find('dc09', a)));
    expect(fake.statements).toHaveLength(1);
    expect(routes.slice(0, 300).map((r) => r?.id)).toEqual(accounts.slice(0, 300).map((a) => `device-${a}`));
    expect(routes[300]).toBeNull();
    // cached: no further statement
    expect((await directory.find('dc09', '17'))?.id).toBe('device-17');
    expect(fake.statements).toHaveLength(1);
  });

  it('does not keep an answer asked before a device change', async () => {
    const fake = fakeDatabase();
    const directory = createDeviceDirectory(fake.db);
    const release = fake.hold();
    const pending = directory.find('dc09', '5');
    await new Promise((resolve) => setImmediate(resolve));
    directory.invalidate();
    release();
    expect((await pending)?.id).toBe('device-5');
    await directory.find('dc09', '5');
    expect(fake.statements).toHaveLength(2);
  });

  it('serves a known device at once when its entry is stale and refreshes it in the background', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const fake = fakeDatabase();
      const directory = createDeviceDirectory(fake.db);
      await directory.find('dc09', '7');
      vi.setSystemTime(Date.now() + 60_000);
      expect((await directory.find('dc09', '7'))?.id).toBe('device-7');
      // the refresh is one statement, asked once however many frames arrive meanwhile
      await directory.find('dc09', '7');
      await new Promise((resolve) => setImmediate(resolve));
      expect(fake.statements).toEqual([['7'], ['7']]);
    } finally {
      vi.useRealTimers();
    }
  });
});
