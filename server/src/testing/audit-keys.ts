import { generateKeyPairSync } from 'node:crypto';
import { type AuditSigningKey, keyIdOf, type PublicKeyRing } from '../audit/checkpoint.ts';

/** A throw-away checkpoint signing key and the ring that verifies it. */
export function testAuditKey(): { key: AuditSigningKey; ring: PublicKeyRing } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key = { keyId: keyIdOf(publicKey), privateKey, publicKey };
  return { key, ring: new Map([[key.keyId, publicKey]]) };
}
