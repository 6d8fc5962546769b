import type { KeyObject } from 'node:crypto';
import { type Checkpoint, type PublicKeyRing, verifyCheckpoint } from '../audit/checkpoint.ts';
import { auditLeafHash } from '../audit/leaf.ts';
import { strictBase64 } from './canonical.ts';
import type { AuditEntryFields, BundledCheckpoint } from './content.ts';

// The one place that turns the audit log's checkpoint and leaf formats (server/src/audit) into what a bundle
// carries, and back: a checkpoint in a bundle is plain JSON, its time an ISO string to the millisecond.

export function toBundledCheckpoint(c: Checkpoint): BundledCheckpoint {
  return {
    treeSize: c.treeSize,
    rootHash: c.rootHash,
    signedAt: c.signedAt.toISOString(),
    keyId: c.keyId,
    signature: c.signature,
  };
}

/** The checkpoint of a bundle when it has the expected shape exactly; null otherwise. */
export function checkpointFacts(c: unknown): BundledCheckpoint | null {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return null;
  const v = c as Record<string, unknown>;
  if (Object.keys(v).length !== 5) return null;
  const { treeSize, rootHash, signedAt, keyId, signature } = v;
  if (!Number.isSafeInteger(treeSize) || (treeSize as number) < 1) return null;
  if (typeof rootHash !== 'string' || typeof keyId !== 'string' || typeof signature !== 'string') return null;
  // one spelling of the time and of the signature: Date and base64 parsing are both lenient
  if (typeof signedAt !== 'string' || Number.isNaN(Date.parse(signedAt))) return null;
  if (new Date(signedAt).toISOString() !== signedAt || strictBase64(signature) === null) return null;
  return { treeSize: treeSize as number, rootHash, signedAt, keyId, signature };
}

export function verifyCheckpointSignature(c: unknown, keys: PublicKeyRing | Map<string, KeyObject>): boolean {
  const facts = checkpointFacts(c);
  if (!facts) return false;
  return verifyCheckpoint({ ...facts, signedAt: new Date(facts.signedAt) }, keys);
}

/** The leaf hash of an audit entry at its place in the tree, from the fields the bundle carries. */
export function auditLeafHashOf(entry: AuditEntryFields, seq: number, leafIndex: number): Buffer {
  if (typeof entry.at !== 'string' || new Date(entry.at).toISOString() !== entry.at) {
    throw new Error('entry time not in its one spelling');
  }
  return auditLeafHash({ ...entry, at: new Date(entry.at), seq }, leafIndex);
}
