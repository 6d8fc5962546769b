import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { type AuditSigningKey, keyIdOf, type PublicKeyRing, publicKeyRing } from './checkpoint.ts';

// The checkpoint signing key lives outside the database, next to the master key: whoever can rewrite
// the database cannot sign a checkpoint for a rewritten log.

export interface AuditKeyFiles {
  /** Ed25519 private key, PKCS#8 PEM, mode 0600 */
  keyFile: string;
  /** every public key that ever signed, PEM blocks oldest first: give this to an investigator */
  publicKeysFile: string;
  /** the current public key alone, PEM */
  publicKeyFile: string;
}

export function auditKeyFiles(keyFile: string): AuditKeyFiles {
  const dir = dirname(keyFile);
  return {
    keyFile,
    publicKeysFile: join(dir, 'audit-public-keys.pem'),
    publicKeyFile: join(dir, 'audit-signing.pub.pem'),
  };
}

function readKey(keyFile: string): AuditSigningKey {
  const privateKey = createPrivateKey(readFileSync(keyFile, 'utf8'));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${keyFile} is not an Ed25519 key`);
  const publicKey = createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), privateKey, publicKey };
}

function writePrivate(path: string, pem: string) {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, pem, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** Adds the key's public half to the ring file (if missing) and writes it as the current public key. */
function publish(files: AuditKeyFiles, key: AuditSigningKey) {
  const pem = key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const ring = existsSync(files.publicKeysFile) ? readFileSync(files.publicKeysFile, 'utf8') : '';
  if (!publicKeyRing(ring).has(key.keyId)) appendFileSync(files.publicKeysFile, pem, { mode: 0o644 });
  writeFileSync(files.publicKeyFile, pem, { mode: 0o644 });
}

/** The signing key from its file, created on first start (as the master key is); its public key published. */
export function loadAuditSigningKey(keyFile: string): AuditSigningKey {
  const files = auditKeyFiles(keyFile);
  if (!existsSync(keyFile)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    writePrivate(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  }
  const key = readKey(keyFile);
  publish(files, key);
  return key;
}

/**
 * A new key signs every checkpoint from now on; the old public key stays in the ring file so old
 * checkpoints still verify. The ring is written before the private key is replaced, so an interrupted
 * rotation never leaves a checkpoint that no published key verifies.
 */
export function rotateAuditSigningKey(keyFile: string): { previous: string | null; current: string } {
  const files = auditKeyFiles(keyFile);
  const previous = existsSync(keyFile) ? readKey(keyFile).keyId : null;
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKey = createPublicKey(privateKey);
  const next: AuditSigningKey = { keyId: keyIdOf(publicKey), privateKey, publicKey };
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  publish(files, next);
  writePrivate(`${keyFile}.next`, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  renameSync(`${keyFile}.next`, keyFile);
  return { previous, current: next.keyId };
}

/** The current key, re-read when the key file changes (a rotation takes effect without a restart). */
export function auditSigner(keyFile: string): () => AuditSigningKey {
  const stampOf = () => {
    const s = statSync(keyFile);
    return `${s.ino}:${s.mtimeMs}`;
  };
  let key = loadAuditSigningKey(keyFile);
  let stamp = stampOf();
  return () => {
    const now = stampOf();
    if (now !== stamp) {
      key = loadAuditSigningKey(keyFile);
      stamp = now;
    }
    return key;
  };
}

export function readPublicKeyRing(publicKeysFile: string): PublicKeyRing {
  return publicKeyRing(readFileSync(publicKeysFile, 'utf8'));
}
