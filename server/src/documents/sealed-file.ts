import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SecretBox } from '../crypto/sealed.ts';

/** File format: "AWD1" | iv (12) | tag (16) | AES-256-GCM ciphertext, under a key of the file's own. */
const MAGIC = Buffer.from('AWD1');

export interface SealedFile {
  bytes: Buffer;
  /** the file's own key, sealed under the master key (kept in the database row) */
  keySealed: string;
}

export function sealFile(secrets: SecretBox, plain: Buffer): SealedFile {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    bytes: Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]),
    keySealed: secrets.seal(key.toString('base64')),
  };
}

export function openFile(secrets: SecretBox, sealed: Buffer, keySealed: string): Buffer {
  if (!sealed.subarray(0, 4).equals(MAGIC)) throw new Error('not a sealed document');
  const key = Buffer.from(secrets.open(keySealed), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(4, 16));
  decipher.setAuthTag(sealed.subarray(16, 32));
  return Buffer.concat([decipher.update(sealed.subarray(32)), decipher.final()]);
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export type DocumentMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** The media type the bytes really are (magic numbers), whatever the upload claimed; null if not accepted. */
export function sniffMediaType(bytes: Buffer): DocumentMediaType | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  return null;
}
