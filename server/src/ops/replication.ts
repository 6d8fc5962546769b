import type { Queryable } from '../db/index.ts';

/**
 * Where an acknowledged alarm is: `synchronous` — on the primary and confirmed by a synchronous standby
 * (two hosts); `primary only` — on one host, because no synchronous standby is streaming (Patroni runs
 * the primary alone while the standby is gone) or commits do not wait for it; `single host` — one
 * database host by design (DATABASE_URL names one host and no standby streams).
 */
export type Replication = 'synchronous' | 'primary only' | 'single host';

export interface ReplicationFacts {
  /** DATABASE_URL names more than one host: a standby is expected */
  replicated: boolean;
  synchronousStandbyNames: string;
  synchronousCommit: string;
  /** standbys streaming with sync_state sync or quorum */
  syncStreaming: number;
}

/** Commit levels at which a commit waits for the synchronous standby to have the WAL (on, remote_*). */
const WAITS_FOR_STANDBY = new Set(['on', 'remote_write', 'remote_apply']);

export function replicationOf(facts: ReplicationFacts): Replication {
  const waits =
    facts.synchronousStandbyNames.trim() !== '' &&
    facts.syncStreaming > 0 &&
    WAITS_FOR_STANDBY.has(facts.synchronousCommit);
  if (waits) return 'synchronous';
  return facts.replicated || facts.synchronousStandbyNames.trim() !== '' ? 'primary only' : 'single host';
}

/**
 * What the primary says about its synchronous standbys. pg_stat_replication shows sync_state only to
 * superusers and members of pg_monitor (docs/operations.md grants it to Aware's role).
 */
export async function readReplicationFacts(db: Queryable, replicated: boolean): Promise<ReplicationFacts> {
  const r = await db.query<{ names: string; commit: string; sync: number }>(
    `select current_setting('synchronous_standby_names') as names,
            current_setting('synchronous_commit') as commit,
            (select count(*)::int from pg_stat_replication
              where sync_state in ('sync', 'quorum') and state = 'streaming') as sync`,
  );
  const row = r.rows[0]!;
  return {
    replicated,
    synchronousStandbyNames: row.names,
    synchronousCommit: row.commit,
    syncStreaming: row.sync,
  };
}
