import { createHmac, timingSafeEqual } from 'node:crypto';

export const DEFAULT_WEBHOOK_WINDOW_SECONDS = 300;

export type HeaderValue = string | readonly string[] | undefined;

export interface WebhookSignatureInput {
  /** the vendor's secret; several during a rotation, any one may match */
  secret: string | readonly string[];
  /** `X-Aware-Timestamp`: epoch seconds */
  timestampHeader: HeaderValue;
  /** `X-Aware-Signature`: `sha256=<hex>` */
  signatureHeader: HeaderValue;
  /** the body exactly as received, before any JSON parsing */
  rawBody: string | Buffer;
  now: Date;
  /** accepted clock difference either way; default 300 */
  windowSeconds?: number;
}

export type WebhookSignatureResult =
  | { ok: true }
  | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

function digest(secret: string, timestamp: string, rawBody: string | Buffer): Buffer {
  if (secret === '') throw new Error('webhook secret must not be empty');
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
}

/** `sha256=<hex HMAC-SHA256 over "<timestamp>.<raw body>">`, the value of `X-Aware-Signature`. */
export function signWebhookBody(
  secret: string,
  timestamp: number | string,
  rawBody: string | Buffer,
): string {
  return `sha256=${digest(secret, String(timestamp), rawBody).toString('hex')}`;
}

function single(header: HeaderValue): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header === 'string') return header;
  // A repeated header is ambiguous; only one value is ever valid.
  return header.length === 1 ? header[0] : '';
}

export function verifyWebhookSignature(input: WebhookSignatureInput): WebhookSignatureResult {
  const timestamp = single(input.timestampHeader)?.trim();
  const signature = single(input.signatureHeader)?.trim();
  if (!timestamp || !signature) {
    if (timestamp === '' || signature === '') return { ok: false, reason: 'malformed' };
    return { ok: false, reason: 'missing' };
  }
  const match = SIGNATURE.exec(signature);
  if (!TIMESTAMP.test(timestamp) || !match) return { ok: false, reason: 'malformed' };

  const window = input.windowSeconds ?? DEFAULT_WEBHOOK_WINDOW_SECONDS;
  const skew = Math.abs(input.now.getTime() / 1000 - Number(timestamp));
  if (skew > window) return { ok: false, reason: 'stale' };

  const received = Buffer.from(match[1]!, 'hex');
  const secrets = typeof input.secret === 'string' ? [input.secret] : input.secret;
  let matched = false;
  // Every secret is checked so the time taken does not reveal which one matched.
  for (const secret of secrets) {
    if (timingSafeEqual(digest(secret, timestamp, input.rawBody), received)) matched = true;
  }
  return matched ? { ok: true } : { ok: false, reason: 'mismatch' };
}
