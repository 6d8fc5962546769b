import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import type { Frontier } from './merkle.ts';

/** A signed statement: "the audit log's Merkle tree had this many leaves and this root at this time". */
export interface Checkpoint {
  treeSize: number;
  /** hex SHA-256 Merkle root (RFC 6962 MTH) of the first treeSize leaves */
  rootHash: string;
  /** millisecond precision, as signed */
  signedAt: Date;
  /** first 16 hex digits of SHA-256 over the raw Ed25519 public key */
  keyId: string;
  /** base64 Ed25519 signature over checkpointMessage() */
  signature: string;
}

/** A checkpoint as the database keeps it: with the frontier the next batch extends. */
export interface StoredCheckpoint extends Checkpoint {
  frontier: Frontier;
}

export interface AuditSigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** Public keys by key id: every key that ever signed a checkpoint of this log. */
export type PublicKeyRing = ReadonlyMap<string, KeyObject>;

/** The exact bytes that are signed: a versioned text, one field per line. */
export function checkpointMessage(c: Omit<Checkpoint, 'signature'>): Buffer {
  return Buffer.from(
    ['aware-audit-checkpoint/v1', String(c.treeSize), c.rootHash, c.signedAt.toISOString(), c.keyId, ''].join(
      '\n',
    ),
    'utf8',
  );
}

export function keyIdOf(publicKey: KeyObject): string {
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

export function signCheckpoint(
  c: { treeSize: number; rootHash: string; signedAt: Date },
  key: AuditSigningKey,
): Checkpoint {
  const unsigned = { ...c, signedAt: new Date(c.signedAt.getTime()), keyId: key.keyId };
  const signature = sign(null, checkpointMessage(unsigned), key.privateKey).toString('base64');
  return { ...unsigned, signature };
}

/** True when a known key signed exactly this checkpoint. */
export function verifyCheckpoint(c: Checkpoint, publicKeys: PublicKeyRing): boolean {
  return checkpointSignatureProblem(c, publicKeys) === null;
}

export function checkpointSignatureProblem(
  c: Checkpoint,
  publicKeys: PublicKeyRing,
): 'unknown_key' | 'bad_signature' | null {
  const key = publicKeys.get(c.keyId);
  if (!key) return 'unknown_key';
  try {
    const ok = verify(null, checkpointMessage(c), key, Buffer.from(c.signature, 'base64'));
    return ok ? null : 'bad_signature';
  } catch {
    return 'bad_signature';
  }
}

/** Builds a key ring from PEM text holding one or more PUBLIC KEY blocks (what an investigator is given). */
export function publicKeyRing(pem: string): Map<string, KeyObject> {
  const ring = new Map<string, KeyObject>();
  for (const block of pem.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? []) {
    const key = createPublicKey(block);
    ring.set(keyIdOf(key), key);
  }
  return ring;
}
