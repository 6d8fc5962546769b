import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Seals small secrets (device keys, TOTP secrets) with AES-256-GCM under the master key,
 * which lives outside the database (configuration or key file). A stolen database dump
 * alone does not reveal them. Format: v1.<iv>.<tag>.<ciphertext>, base64url parts.
 */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

/**
 * Seals with the first key; opens with whichever key fits, so values sealed under a key that is being
 * rotated away stay readable until the rotation has re-sealed them.
 */
export function createSecretBox(masterKey: Buffer, ...olderKeys: Buffer[]): SecretBox {
  for (const key of [masterKey, ...olderKeys])
    if (key.length !== 32) throw new Error('master key must be 32 bytes');
  const primary = openWith(masterKey);
  const fallbacks = olderKeys.map(openWith);
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      try {
        return primary(sealed);
      } catch (error) {
        for (const open of fallbacks) {
          try {
            return open(sealed);
          } catch {
            // try the next key
          }
        }
        throw error;
      }
    },
  };
}

function openWith(key: Buffer) {
  return (sealed: string): string => {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  };
}
