import type { Queryable } from '../db/index.ts';

/**
 * Where an acknowledged alarm is: `synchronous` — on the primary and confirmed by a synchronous standby
 * (two hosts); `waiting for standby` — commits wait for a synchronous standby that does not confirm
 * them (it is gone but still named in synchronous_standby_names): nothing new is stored or acknowledged
 * until Patroni runs the primary alone or the standby is back; `primary only` — on one host, because no
 * synchronous standby is named (Patroni runs the primary alone while the standby is gone) or commits do
 * not wait for it; `single host` — one database host by design (DATABASE_URL names one host and no
 * standby is named).
 */
export type Replication = 'synchronous' | 'waiting for standby' | 'primary only' | 'single host';

export interface ReplicationFacts {
  /** DATABASE_URL names more than one host: a standby is expected */
  replicated: boolean;
  synchronousStandbyNames: string;
  synchronousCommit: string;
  /** standbys streaming with sync_state sync or quorum */
  syncStreaming: number;
  /** commits that have waited longer than STALLED_COMMIT for a synchronous standby to confirm them */
  stalledCommits: number;
}

/** Commit levels at which a commit waits for the synchronous standby to have the WAL (on, remote_*). */
const WAITS_FOR_STANDBY = new Set(['on', 'remote_write', 'remote_apply']);

/** a commit confirmed by a streaming standby takes milliseconds; one waiting this long is not confirmed */
export const STALLED_COMMIT = '2 seconds';

/** How many standbys must confirm a commit: `2 (a, b, c)`, `FIRST 2 (…)`, `ANY 2 (…)`; a plain list asks one. */
export function standbysRequired(names: string): number {
  const counted = /^\s*(?:(?:first|any)\s+)?(\d+)\s*\(/i.exec(names);
  return counted ? Number(counted[1]) : 1;
}

export function replicationOf(facts: ReplicationFacts): Replication {
  const named = facts.synchronousStandbyNames.trim() !== '';
  if (named && WAITS_FOR_STANDBY.has(facts.synchronousCommit)) {
    const confirmed = facts.syncStreaming >= standbysRequired(facts.synchronousStandbyNames);
    return confirmed && facts.stalledCommits === 0 ? 'synchronous' : 'waiting for standby';
  }
  return facts.replicated || named ? 'primary only' : 'single host';
}

/**
 * What the primary says about its synchronous standbys and the commits waiting for them.
 * pg_stat_replication shows sync_state, and pg_stat_activity other sessions' wait events, only to
 * superusers and members of pg_monitor (docs/operations.md grants it to Aware's role).
 */
export async function readReplicationFacts(db: Queryable, replicated: boolean): Promise<ReplicationFacts> {
  const r = await db.query<{ names: string; commit: string; sync: number; stalled: number }>(
    `select current_setting('synchronous_standby_names') as names,
            current_setting('synchronous_commit') as commit,
            (select count(*)::int from pg_stat_replication
              where sync_state in ('sync', 'quorum') and state = 'streaming') as sync,
            (select count(*)::int from pg_stat_activity
              where wait_event = 'SyncRep' and now() - query_start > interval '${STALLED_COMMIT}') as stalled`,
  );
  const row = r.rows[0]!;
  return {
    replicated,
    synchronousStandbyNames: row.names,
    synchronousCommit: row.commit,
    syncStreaming: row.sync,
    stalledCommits: row.stalled,
  };
}
