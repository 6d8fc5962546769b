import { createCipheriv, createDecipheriv, type Decipher, randomBytes } from 'node:crypto';

function checkKey(key: Buffer): void {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32)
    throw new RangeError(`AES key must be 16, 24 or 32 bytes, got ${key.length}`);
}

const ZERO_IV = Buffer.alloc(16);

/**
 * AES-CBC decryption with a zero IV on one reusable AES-ECB decipher per key: one ECB call over all
 * blocks, then each block XORed with the ciphertext block before it (the first with the zero IV). It
 * halves the cost of a decryption against a CBC decipher made per message (an OpenSSL context each
 * time). Keys are the Buffers the account look-up caches, so the WeakMap holds one per device key.
 * (Encryption cannot be done in one call, and block by block it cost as much: it stays per message.)
 */
const deciphers = new WeakMap<Buffer, Decipher>();

function decipherFor(key: Buffer): Decipher {
  let decipher = deciphers.get(key);
  if (!decipher) {
    checkKey(key);
    decipher = createDecipheriv(`aes-${key.length * 8}-ecb`, key, null).setAutoPadding(false);
    deciphers.set(key, decipher);
  }
  return decipher;
}

function cbcDecrypt(ciphertext: Buffer, key: Buffer): Buffer {
  const out = decipherFor(key).update(ciphertext);
  if (out.length !== ciphertext.length) throw new Error('AES block cipher returned a partial block');
  for (let at = 16; at < out.length; at++) out[at] = out[at]! ^ ciphertext[at - 16]!;
  return out;
}

const PAD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `count` random padding characters; never `|`, `[` or `]`. */
function padding(count: number): string {
  return Array.from(randomBytes(count), (b) => PAD_ALPHABET[b % PAD_ALPHABET.length]).join('');
}

/**
 * Encrypts `content` (what follows the `|`, e.g. `#1234|Nri1/PA501][X…]_12:00:00,01-01-2025`) as
 * `padding|content`, padded with random letters to a multiple of 16 bytes; returns upper-case hex.
 * `bar: false` leaves the `|` out (`paddingcontent`), as some diallers do.
 */
export function encryptContent(content: string, key: Buffer, options: { bar?: boolean } = {}): string {
  const bar = options.bar === false ? '' : '|';
  const length = Buffer.byteLength(content, 'latin1') + bar.length;
  const plaintext = `${padding(16 - (length % 16))}${bar}${content}`;
  checkKey(key);
  const cipher = createCipheriv(`aes-${key.length * 8}-cbc`, key, ZERO_IV).setAutoPadding(false);
  const out = Buffer.concat([cipher.update(plaintext, 'latin1'), cipher.final()]);
  return out.toString('hex').toUpperCase();
}

export type DecryptResult = { ok: true; content: string } | { ok: false; error: string };

/** Decrypts hex ciphertext and returns what follows the padding (its content is not inspected). */
export function decryptContent(hex: string, key: Buffer): DecryptResult {
  if (!/^(?:[0-9A-Fa-f]{32})+$/.test(hex))
    return { ok: false, error: 'ciphertext is not whole AES blocks of hex' };
  let plaintext: string;
  try {
    plaintext = cbcDecrypt(Buffer.from(hex, 'hex'), key).toString('latin1');
  } catch {
    return { ok: false, error: 'decryption failed' };
  }
  // The padding ends at the first "|", dropped with it (`pad|data]_time`). Some diallers leave the "|" out
  // (`pad]_time`, `pad#acct|data]_time`): then it ends at the "]" closing an empty data block, or at the "|"
  // after the account. Neither form is ambiguous, because the padding alphabet holds no "|", "[" or "]".
  const end = plaintext.search(/[|[\]]/);
  if (end < 0 || plaintext[end] === '[')
    return { ok: false, error: 'no "|" or "]" after padding: wrong key?' };
  const content = plaintext.slice(plaintext[end] === '|' ? end + 1 : end);
  // Some diallers pad at the end with NUL bytes as well.
  return { ok: true, content: content.replace(/\0+$/, '') };
}
