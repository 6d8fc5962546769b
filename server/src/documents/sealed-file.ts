import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import type { SecretBox } from '../crypto/sealed.ts';

/** File format: "AWD1" | iv (12) | tag (16) | AES-256-GCM ciphertext, under a key of the file's own. */
const MAGIC = Buffer.from('AWD1');

export interface SealedWrite {
  /** the file's own key, sealed under the master key (kept in the database row) */
  keySealed: string;
  sizeBytes: number;
  sha256: string;
  /** the first bytes of the plain file, enough to tell its media type */
  head: Buffer;
}

const HEAD_BYTES = 8;

/**
 * Seals a stream of bytes into a new file at `path` as it arrives, so no upload is held in memory:
 * the tag is known only at the end and is written into its slot in the header last. Stops with
 * `tooLarge()` as soon as more than `maxBytes` arrive; on any failure (too large, a cut-off stream,
 * a full disk) the file is removed before the error is passed on.
 */
export async function writeSealed(
  secrets: SecretBox,
  source: AsyncIterable<Buffer> | Iterable<Buffer>,
  path: string,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<SealedWrite> {
  const file = await open(path, 'wx', 0o600);
  try {
    const key = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const hash = createHash('sha256');
    await file.write(Buffer.concat([MAGIC, iv, Buffer.alloc(16)]));
    let size = 0;
    let head = Buffer.alloc(0);
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge();
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      hash.update(chunk);
      const sealed = cipher.update(chunk);
      if (sealed.length > 0) await file.write(sealed);
    }
    const last = cipher.final();
    if (last.length > 0) await file.write(last);
    await file.write(cipher.getAuthTag(), 0, 16, MAGIC.length + iv.length);
    await file.close();
    return {
      keySealed: secrets.seal(key.toString('base64')),
      sizeBytes: size,
      sha256: hash.digest('hex'),
      head,
    };
  } catch (error) {
    await file.close().catch(() => {});
    await rm(path, { force: true });
    throw error;
  }
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
