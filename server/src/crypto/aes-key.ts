export type KeyParseResult = { ok: true; key: Buffer; form: 'hex' | 'ascii' } | { ok: false; error: string };

const HEX_KEY = /^(?:[0-9A-Fa-f]{32}|[0-9A-Fa-f]{48}|[0-9A-Fa-f]{64})$/;
const ASCII_KEY = /^[\x20-\x7E]*$/;

/**
 * Reads a configured AES key. The rule is checked in this order, so it is never ambiguous:
 * 1. exactly 32, 48 or 64 hex digits → the bytes those digits encode (AES-128/192/256);
 * 2. otherwise 16, 24 or 32 printable ASCII characters → the characters themselves.
 * Consequence: a 32-character key made only of hex digits is always read as a 16-byte hex key.
 * A 32-byte ASCII key that happens to be all hex digits must therefore be configured in its
 * hex form (64 digits). 48- and 64-character keys are only valid as hex.
 */
export function parseKey(text: string): KeyParseResult {
  if (HEX_KEY.test(text)) return { ok: true, key: Buffer.from(text, 'hex'), form: 'hex' };
  if ((text.length === 16 || text.length === 24 || text.length === 32) && ASCII_KEY.test(text)) {
    return { ok: true, key: Buffer.from(text, 'latin1'), form: 'ascii' };
  }
  return {
    ok: false,
    error: 'key must be 32/48/64 hex digits or 16/24/32 printable ASCII characters',
  };
}
