export const MAX_RAW_BYTES = 2048;

/** Cuts text to at most `maxBytes` of UTF-8 without leaving half a character at the end. */
export function truncateUtf8(text: string, maxBytes = MAX_RAW_BYTES): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  return bytes
    .subarray(0, maxBytes)
    .toString('utf8')
    .replace(/\uFFFD+$/, '');
}
