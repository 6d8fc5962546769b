import type { Queryable } from '../db/index.ts';
import type { Checkpoint, StoredCheckpoint } from './checkpoint.ts';
import type { AuditEntry, AuditFields } from './leaf.ts';
import type { Frontier } from './merkle.ts';

// Held only by the sequencer's own transaction (never by audit()), so two nodes never integrate at once.
const AUDIT_SEQUENCER_LOCK = 7_301_020;

/** One insert in the caller's transaction: no lock, no read of earlier entries. */
export async function appendAuditEntry(tx: Queryable, entry: AuditFields): Promise<void> {
  await tx.query(
    `insert into audit_log (at, actor_id, actor_label, action, access, record_type, record_id, ip, reason, details)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      entry.at,
      entry.actorId,
      entry.actorLabel,
      entry.action,
      entry.access,
      entry.recordType,
      entry.recordId,
      entry.ip,
      entry.reason,
      JSON.stringify(entry.details),
    ],
  );
}

/** Many entries in one statement, in the caller's transaction (the alarm lane's batches). */
export async function appendAuditEntries(tx: Queryable, entries: AuditFields[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `insert into audit_log (at, actor_id, actor_label, action, access, record_type, record_id, ip, reason, details)
     select at, actor_id, actor_label, action, access, record_type, record_id, ip, reason, details
     from jsonb_to_recordset($1::jsonb) as e(at timestamptz, actor_id uuid, actor_label text, action text,
       access text, record_type text, record_id text, ip text, reason text, details jsonb)`,
    [
      JSON.stringify(
        entries.map((e) => ({
          at: e.at.toISOString(),
          actor_id: e.actorId,
          actor_label: e.actorLabel,
          action: e.action,
          access: e.access,
          record_type: e.recordType,
          record_id: e.recordId,
          ip: e.ip,
          reason: e.reason,
          details: e.details,
        })),
      ),
    ],
  );
}

interface AuditRow {
  seq: number | string;
  at: Date;
  actor_id: string | null;
  actor_label: string;
  action: string;
  access: 'read' | 'write';
  record_type: string;
  record_id: string | null;
  ip: string | null;
  reason: string | null;
  details: Record<string, unknown> | string;
  leaf_index: number | string | null;
  leaf_hash: string | null;
}

const ENTRY_COLUMNS =
  'seq, at, actor_id, actor_label, action, access, record_type, record_id, ip, reason, details, leaf_index, leaf_hash';

function toEntry(r: AuditRow): AuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    access: r.access,
    recordType: r.record_type,
    recordId: r.record_id,
    ip: r.ip,
    reason: r.reason,
    details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details,
    leafIndex: r.leaf_index === null ? null : Number(r.leaf_index),
    leafHash: r.leaf_hash,
  };
}

export async function listAuditEntries(
  db: Queryable,
  filter: { recordType?: string; recordId?: string; limit: number },
): Promise<AuditEntry[]> {
  const result = await db.query<AuditRow>(
    `select ${ENTRY_COLUMNS} from audit_log
     where ($1::text is null or record_type = $1) and ($2::text is null or record_id = $2)
     order by seq desc limit $3`,
    [filter.recordType ?? null, filter.recordId ?? null, filter.limit],
  );
  return result.rows.map(toEntry);
}

/** Every entry about one record, oldest first, with its place in the tree (null while not yet integrated). */
export async function auditEntriesFor(
  db: Queryable,
  recordType: string,
  recordId: string,
): Promise<AuditEntry[]> {
  const result = await db.query<AuditRow>(
    `select ${ENTRY_COLUMNS} from audit_log where record_type = $1 and record_id = $2 order by seq`,
    [recordType, recordId],
  );
  return result.rows.map(toEntry);
}

// --- the sequencer --------------------------------------------------------------------------

/** True when this transaction may integrate; false while another node's sequencer is at it. */
export async function tryLockSequencer(tx: Queryable): Promise<boolean> {
  const r = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [
    AUDIT_SEQUENCER_LOCK,
  ]);
  return r.rows[0]?.ok === true;
}

/** One cheap read: whether any committed entry waits (an idle sequencer opens no transaction). */
export async function anyUnintegrated(db: Queryable): Promise<boolean> {
  const r = await db.query('select 1 from audit_log where leaf_index is null limit 1');
  return r.rows.length > 0;
}

/** Committed entries not yet in the tree, by id. An id that commits late is simply picked up next time. */
export async function unintegratedEntries(tx: Queryable, limit: number): Promise<AuditEntry[]> {
  const r = await tx.query<AuditRow>(
    `select ${ENTRY_COLUMNS} from audit_log where leaf_index is null order by seq limit $1`,
    [limit],
  );
  return r.rows.map(toEntry);
}

/** Gives entries their places firstIndex, firstIndex+1, ... in one statement. */
export async function setLeaves(
  tx: Queryable,
  firstIndex: number,
  leaves: { seq: number; leafHash: string }[],
): Promise<void> {
  const r = await tx.query(
    `update audit_log a set leaf_index = v.leaf_index, leaf_hash = v.leaf_hash
     from unnest($1::bigint[], $2::bigint[], $3::text[]) as v(seq, leaf_index, leaf_hash)
     where a.seq = v.seq and a.leaf_index is null`,
    [leaves.map((l) => l.seq), leaves.map((_, i) => firstIndex + i), leaves.map((l) => l.leafHash)],
  );
  if (r.rowCount !== leaves.length) {
    throw new Error(`audit sequencer: placed ${r.rowCount} of ${leaves.length} entries`);
  }
}

interface CheckpointRow {
  tree_size: number | string;
  root_hash: string;
  signed_at: Date;
  key_id: string;
  signature: string;
  frontier: Frontier | string;
}

function toCheckpoint(r: CheckpointRow): StoredCheckpoint {
  return {
    treeSize: Number(r.tree_size),
    rootHash: r.root_hash,
    signedAt: r.signed_at,
    keyId: r.key_id,
    signature: r.signature,
    frontier: typeof r.frontier === 'string' ? JSON.parse(r.frontier) : r.frontier,
  };
}

export async function insertCheckpoint(tx: Queryable, c: Checkpoint, frontier: Frontier): Promise<void> {
  await tx.query(
    `insert into audit_checkpoints (tree_size, root_hash, signed_at, key_id, signature, frontier)
     values ($1, $2, $3, $4, $5, $6)`,
    [c.treeSize, c.rootHash, c.signedAt, c.keyId, c.signature, JSON.stringify(frontier)],
  );
}

export async function latestCheckpoint(db: Queryable): Promise<StoredCheckpoint | null> {
  const r = await db.query<CheckpointRow>('select * from audit_checkpoints order by tree_size desc limit 1');
  return r.rows[0] ? toCheckpoint(r.rows[0]) : null;
}

/** The smallest checkpoint covering a tree of at least `treeSize` leaves (for an inclusion proof). */
export async function checkpointCovering(db: Queryable, treeSize: number): Promise<StoredCheckpoint | null> {
  const r = await db.query<CheckpointRow>(
    'select * from audit_checkpoints where tree_size >= $1 order by tree_size limit 1',
    [treeSize],
  );
  return r.rows[0] ? toCheckpoint(r.rows[0]) : null;
}

/** The stored leaf hashes 0..treeSize-1, in tree order. */
export async function leafHashesUpTo(db: Queryable, treeSize: number): Promise<Buffer[]> {
  const r = await db.query<{ leaf_index: number | string; leaf_hash: string }>(
    'select leaf_index, leaf_hash from audit_log where leaf_index < $1 order by leaf_index',
    [treeSize],
  );
  if (r.rows.length !== treeSize || r.rows.some((row, i) => Number(row.leaf_index) !== i)) {
    throw new Error(`audit log: leaves 0..${treeSize - 1} are not all present`);
  }
  return r.rows.map((row) => Buffer.from(row.leaf_hash, 'hex'));
}

// --- reading the whole structure (verifier) ---------------------------------------------------

/** Integrated entries in tree order, in pages. */
export async function* readIntegratedEntries(db: Queryable, pageSize = 5000): AsyncGenerator<AuditEntry> {
  let after = -1;
  for (;;) {
    const page = await db.query<AuditRow>(
      `select ${ENTRY_COLUMNS} from audit_log where leaf_index > $1 order by leaf_index limit $2`,
      [after, pageSize],
    );
    for (const row of page.rows) yield toEntry(row);
    if (page.rows.length < pageSize) return;
    after = Number(page.rows[page.rows.length - 1]!.leaf_index);
  }
}

/** Checkpoints by tree size, in pages. */
export async function* readCheckpoints(db: Queryable, pageSize = 5000): AsyncGenerator<StoredCheckpoint> {
  let after = 0;
  for (;;) {
    const page = await db.query<CheckpointRow>(
      'select * from audit_checkpoints where tree_size > $1 order by tree_size limit $2',
      [after, pageSize],
    );
    for (const row of page.rows) yield toCheckpoint(row);
    if (page.rows.length < pageSize) return;
    after = Number(page.rows[page.rows.length - 1]!.tree_size);
  }
}

/** How many committed entries wait for the sequencer, and how long the oldest has waited. */
export async function pendingIntegration(db: Queryable): Promise<{ entries: number; oldestSeconds: number }> {
  const r = await db.query<{ n: number; age: number | null }>(
    `select count(*)::int as n, extract(epoch from (now() - min(at)))::float8 as age
     from audit_log where leaf_index is null`,
  );
  return { entries: r.rows[0]?.n ?? 0, oldestSeconds: Math.max(0, r.rows[0]?.age ?? 0) };
}
