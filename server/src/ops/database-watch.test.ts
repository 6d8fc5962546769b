import { describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { createMetrics } from '../metrics/registry.ts';
import { watchDatabase } from './database-watch.ts';

/** A PostgreSQL as the watch sees it: answers pings or not, and tells its replication settings. */
function fakePostgres(state: { up: boolean; outage: string | null; syncStreaming: number; names: string }) {
  return {
    engine: 'postgres',
    ping: async () => state.up,
    outage: () => state.outage,
    query: async () => ({
      rows: [{ names: state.names, commit: 'on', sync: state.syncStreaming, stalled: 0 }],
      rowCount: 1,
    }),
  } as unknown as Database;
}

describe('the database watch on several hosts', () => {
  it('gives the reason there is no writable primary, and says when alarms are on the primary only', async () => {
    const state = { up: true, outage: null as string | null, syncStreaming: 1, names: 'pg2' };
    const metrics = createMetrics();
    const told: string[] = [];
    const watch = watchDatabase(fakePostgres(state), metrics, {
      replicated: true,
      onReplication: (r) => told.push(r),
    });
    try {
      expect(await watch.current()).toBe('up');
      expect(watch.reason()).toBeNull();
      expect(watch.replication()).toBe('synchronous');

      state.up = false;
      state.outage = 'no writable primary among the database hosts (db1:5432 unreachable, db2:5432 standby)';
      expect(await watch.current()).toBe('down');
      expect(watch.reason()).toBe(state.outage);

      // promoted, but the standby is gone while still named: commits wait for it
      Object.assign(state, { up: true, outage: null, syncStreaming: 0, names: 'pg2' });
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(await watch.current()).toBe('up');
      expect(watch.replication()).toBe('waiting for standby');
      expect(
        await metrics.registry.getSingleMetricAsString('aware_database_replication_waiting_for_standby'),
      ).toContain('aware_database_replication_waiting_for_standby 1');

      // Patroni empties synchronous_standby_names: the primary runs alone
      state.names = '';
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(await watch.current()).toBe('up');
      expect(watch.replication()).toBe('primary only');
      expect(told).toEqual(['synchronous', 'waiting for standby', 'primary only']);
      expect(
        await metrics.registry.getSingleMetricAsString('aware_database_replication_synchronous'),
      ).toContain('aware_database_replication_synchronous 0');
      expect(
        await metrics.registry.getSingleMetricAsString('aware_database_replication_waiting_for_standby'),
      ).toContain('aware_database_replication_waiting_for_standby 0');
    } finally {
      watch.stop();
    }
  }, 15_000);
});
