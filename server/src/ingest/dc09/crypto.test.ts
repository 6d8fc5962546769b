import { createCipheriv, createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKey } from '../../crypto/aes-key.ts';
import { decryptContent, encryptContent } from './crypto.ts';

describe('parseKey', () => {
  it.each([
    ['000102030405060708090A0B0C0D0E0F', 'hex', 16],
    ['000102030405060708090a0b0c0d0e0f1011121314151617', 'hex', 24],
    ['000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F', 'hex', 32],
    ['AwareDemoKey0001', 'ascii', 16],
    ['0123456789ABCDEF', 'ascii', 16],
    ['AwareDemoKey0001-192bit!', 'ascii', 24],
    ['AwareDemoKey0001-256bit-abcdefg!', 'ascii', 32],
  ] as const)('%s → %s key of %i bytes', (text, form, bytes) => {
    const parsed = parseKey(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.form).toBe(form);
    expect(parsed.key.length).toBe(bytes);
    expect(parsed.key).toEqual(form === 'hex' ? Buffer.from(text, 'hex') : Buffer.from(text, 'latin1'));
  });

  it('reads 32 hex digits as hex, never as a 32-character ASCII key', () => {
    const parsed = parseKey('0123456789abcdef0123456789abcdef');
    expect(parsed).toMatchObject({ ok: true, form: 'hex' });
    if (parsed.ok) expect(parsed.key.length).toBe(16);
  });

  it.each([
    ['too short', 'short'],
    ['20 characters', 'AwareDemoKey00012345'],
    ['48 characters that are not hex', 'AwareDemoKey0001-192bit!AwareDemoKey0001-192bit!'],
    ['64 characters that are not hex', 'x'.repeat(64)],
    ['non-printable', `AwareDemoKey000\n`],
    ['non-ASCII', 'AwareDemoKey000é'],
    ['empty', ''],
  ])('refuses %s', (_label, text) => {
    expect(parseKey(text).ok).toBe(false);
  });
});

describe('AES-CBC content encryption', () => {
  const keys = [Buffer.alloc(16, 1), Buffer.alloc(24, 2), Buffer.alloc(32, 3)];

  it.each(keys.map((key) => [key.length * 8, key] as const))(
    'AES-%i round-trips, padded to whole blocks',
    (_bits, key) => {
      for (const content of [
        '',
        ']_09:26:53,03-14-2025',
        '#1002|Nri1/PA501][X4.8|95168]_09:26:53,03-14-2025',
      ]) {
        const hex = encryptContent(content, key);
        expect(hex).toMatch(/^(?:[0-9A-F]{32})+$/);
        expect(decryptContent(hex, key)).toEqual({ ok: true, content });
      }
    },
  );

  it('uses a zero IV and puts the padding before the first "|"', () => {
    const key = Buffer.from('AwareDemoKey0001');
    const hex = encryptContent('abc', key);
    const decipher = createDecipheriv('aes-128-cbc', key, Buffer.alloc(16)).setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(Buffer.from(hex, 'hex')), decipher.final()]).toString(
      'latin1',
    );
    expect(plain).toHaveLength(16);
    expect(plain).toMatch(/^[A-Za-z0-9]{12}\|abc$/);
  });

  it('finds the end of padding that is not followed by "|"', () => {
    const key = Buffer.from('AwareDemoKey0001');
    for (const content of [']_09:26:53,03-14-2025', ']', '#1002|Nri1/PA501]_09:26:53,03-14-2025']) {
      const hex = encryptContent(content, key, { bar: false });
      const plain = createDecipheriv('aes-128-cbc', key, Buffer.alloc(16))
        .setAutoPadding(false)
        .update(Buffer.from(hex, 'hex'))
        .toString('latin1');
      expect(plain.endsWith(content)).toBe(true);
      expect(plain.slice(0, -content.length)).toMatch(/^[A-Za-z0-9]+$/);
      // the account in front of the data goes with the padding; the frame names the account anyway
      expect(decryptContent(hex, key)).toEqual({
        ok: true,
        content: content.startsWith('#') ? content.slice(content.indexOf('|') + 1) : content,
      });
    }
    const bracket = createCipheriv('aes-128-cbc', key, Buffer.alloc(16))
      .setAutoPadding(false)
      .update('ABCDEFGHIJKLMNO[');
    expect(decryptContent(bracket.toString('hex'), key)).toMatchObject({ ok: false });
  });

  it('varies the padding between messages', () => {
    const key = Buffer.alloc(16, 9);
    expect(encryptContent('same', key)).not.toBe(encryptContent('same', key));
  });

  it('reports what cannot be decrypted instead of throwing', () => {
    const key = Buffer.alloc(16, 1);
    expect(decryptContent('ABC', key).ok).toBe(false);
    expect(decryptContent('', key).ok).toBe(false);
    expect(decryptContent('Z'.repeat(32), key).ok).toBe(false);
    const noBar = createCipheriv('aes-128-cbc', key, Buffer.alloc(16))
      .setAutoPadding(false)
      .update('A'.repeat(16));
    expect(decryptContent(noBar.toString('hex'), key)).toMatchObject({ ok: false });
    expect(() => decryptContent('00'.repeat(16), Buffer.alloc(5))).not.toThrow();
  });

  it('decrypts as AES-CBC with a zero IV however often a key is used and whichever keys come between', () => {
    const keys = [Buffer.alloc(16, 1), Buffer.alloc(24, 2), Buffer.alloc(32, 3)];
    const plain = 'ABCDEFGHIJKLMNOP|#1234|Nri1/PA501]_12:00:00,01-01-2025xx';
    const cbc = (key: Buffer) => {
      const cipher = createCipheriv(`aes-${key.length * 8}-cbc`, key, Buffer.alloc(16)).setAutoPadding(false);
      return Buffer.concat([cipher.update(plain.padEnd(64, 'z'), 'latin1'), cipher.final()]).toString('hex');
    };
    for (let round = 0; round < 3; round++)
      for (const key of keys)
        expect(decryptContent(cbc(key), key)).toEqual({
          ok: true,
          content: plain.padEnd(64, 'z').slice('ABCDEFGHIJKLMNOP|'.length),
        });
  });
});
