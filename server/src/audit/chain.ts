import { createHash } from 'node:crypto';

/** The fields of an audit entry that its hash covers. */
export interface AuditFields {
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  access: 'read' | 'write';
  recordType: string;
  recordId: string | null;
  ip: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so a jsonb round trip (which reorders keys) hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(prevHash: string, entry: AuditFields): string {
  // only the audited fields: rows read back also carry seq and hashes
  const body = canonicalJson({
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorLabel: entry.actorLabel,
    action: entry.action,
    access: entry.access,
    recordType: entry.recordType,
    recordId: entry.recordId,
    ip: entry.ip,
    reason: entry.reason,
    details: entry.details,
  });
  return createHash('sha256').update(prevHash).update('|').update(body).digest('hex');
}

export interface ChainRow extends AuditFields {
  seq: number;
  prevHash: string;
  hash: string;
}

export type ChainVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; problem: 'prev_hash_mismatch' | 'hash_mismatch' };

/** Walks rows in sequence order; reports the first entry whose link or content does not hold. */
export async function verifyChain(
  rows: Iterable<ChainRow> | AsyncIterable<ChainRow>,
  startHash = GENESIS_HASH,
): Promise<ChainVerdict> {
  let expectedPrev = startHash;
  let entries = 0;
  for await (const row of rows) {
    entries++;
    const problem = linkProblem(row, expectedPrev);
    if (problem) return { ok: false, entries, brokenAt: row.seq, problem };
    expectedPrev = row.hash;
  }
  return { ok: true, entries };
}

export function linkProblem(
  row: ChainRow,
  expectedPrev: string,
): 'prev_hash_mismatch' | 'hash_mismatch' | null {
  if (row.prevHash !== expectedPrev) return 'prev_hash_mismatch';
  if (entryHash(row.prevHash, row) !== row.hash) return 'hash_mismatch';
  return null;
}
