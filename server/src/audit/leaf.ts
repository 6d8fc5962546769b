import { leafHash } from './merkle.ts';

/** The fields of an audit entry as written by audit(). */
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

/** An entry as stored: its id, and its place in the Merkle tree once the sequencer has integrated it. */
export interface AuditEntry extends AuditFields {
  seq: number;
  leafIndex: number | null;
  /** hex SHA-256 leaf hash, as stored */
  leafHash: string | null;
}

/** JSON with object keys sorted, so a jsonb round trip (which reorders keys) hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The bytes a leaf hashes: the audited fields plus the entry's id and its place in the tree, so an entry
 * moved to another place (or given another id) no longer matches its leaf hash.
 */
export function auditLeafData(entry: AuditFields & { seq: number }, leafIndex: number): string {
  return canonicalJson({
    v: 1,
    leafIndex,
    seq: entry.seq,
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
}

/** RFC 6962 leaf hash of an entry at a place in the tree. */
export function auditLeafHash(entry: AuditFields & { seq: number }, leafIndex: number): Buffer {
  return leafHash(auditLeafData(entry, leafIndex));
}
