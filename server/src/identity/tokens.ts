import { createHash, randomBytes } from 'node:crypto';

/** Opaque bearer secrets (session cookies, API tokens): random, stored only as their SHA-256. */
export function newOpaqueToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
