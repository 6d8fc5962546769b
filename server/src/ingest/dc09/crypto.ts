import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

function cipherName(key: Buffer): string {
  if (key.length === 16 || key.length === 24 || key.length === 32) return `aes-${key.length * 8}-cbc`;
  throw new RangeError(`AES key must be 16, 24 or 32 bytes, got ${key.length}`);
}

const ZERO_IV = Buffer.alloc(16);
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
  const cipher = createCipheriv(cipherName(key), key, ZERO_IV).setAutoPadding(false);
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
    const decipher = createDecipheriv(cipherName(key), key, ZERO_IV).setAutoPadding(false);
    plaintext = Buffer.concat([decipher.update(Buffer.from(hex, 'hex')), decipher.final()]).toString(
      'latin1',
    );
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
