import type { Database, Queryable } from '../db/index.ts';
import { type AuditFields, type ChainRow, entryHash, GENESIS_HASH } from './chain.ts';

// Serialises appends so that each entry chains the one committed before it.
const AUDIT_CHAIN_LOCK = 7_301_002;

export async function appendAuditEntry(tx: Queryable, entry: AuditFields): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const last = await tx.query<{ hash: string }>('select hash from audit_log order by seq desc limit 1');
  const prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  const hash = entryHash(prevHash, entry);
  await tx.query(
    `insert into audit_log (at, actor_id, actor_label, action, access, record_type, record_id, ip, reason, details, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
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
      prevHash,
      hash,
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
  prev_hash: string;
  hash: string;
}

function toChainRow(r: AuditRow): ChainRow {
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
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Reads the whole chain in pages, oldest first. */
export async function* readAuditChain(db: Database, pageSize = 5000): AsyncGenerator<ChainRow> {
  let after = 0;
  for (;;) {
    const page = await db.query<AuditRow>('select * from audit_log where seq > $1 order by seq limit $2', [
      after,
      pageSize,
    ]);
    for (const row of page.rows) yield toChainRow(row);
    if (page.rows.length < pageSize) return;
    after = Number(page.rows[page.rows.length - 1]!.seq);
  }
}

export async function listAuditEntries(
  db: Queryable,
  filter: { recordType?: string; recordId?: string; limit: number },
): Promise<ChainRow[]> {
  const result = await db.query<AuditRow>(
    `select * from audit_log
     where ($1::text is null or record_type = $1) and ($2::text is null or record_id = $2)
     order by seq desc limit $3`,
    [filter.recordType ?? null, filter.recordId ?? null, filter.limit],
  );
  return result.rows.map(toChainRow);
}
