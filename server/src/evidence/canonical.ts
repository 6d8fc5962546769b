/**
 * The one serialisation of an evidence bundle: JSON with object keys sorted by UTF-16 code unit, no
 * whitespace, no undefined members, finite numbers only. JSON.stringify writes strings and numbers the same
 * way on every Node version, so parsing a bundle and serialising it again gives its bytes back exactly —
 * unless a byte was changed. The verifier relies on that.
 */
export function canonical(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('evidence holds finite numbers only');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`evidence cannot hold a ${typeof value}`);
  }
}

export const canonicalBytes = (value: unknown): Buffer => Buffer.from(canonical(value), 'utf8');

/** Base64 that decodes and re-encodes to itself: Node's decoder ignores stray characters and padding bits. */
export function strictBase64(text: unknown): Buffer | null {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

/** Lower-case hex of an exact length in bytes (Node's hex decoder is case-blind and stops at a bad digit). */
export function strictHex(text: unknown, bytes: number): Buffer | null {
  if (typeof text !== 'string' || text.length !== bytes * 2 || !/^[0-9a-f]*$/.test(text)) return null;
  return Buffer.from(text, 'hex');
}
