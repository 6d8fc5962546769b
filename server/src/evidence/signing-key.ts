import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/** A public key's id: the first 16 hex digits of the SHA-256 of its SubjectPublicKeyInfo (DER). */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** Reads an Ed25519 public key from PEM text; throws when it is anything else. */
export function readPublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 public key');
  return key;
}
