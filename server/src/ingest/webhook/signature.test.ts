import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature, type WebhookSignatureInput } from './signature.ts';

const secret = 'vendor-secret-0123456789';
const rawBody = '{"vendorEventId":"e-1","deviceId":"d-1","type":"panic","occurredAt":"2026-03-01T12:00:00Z"}';
const now = new Date('2026-03-01T12:00:30Z');
const timestamp = String(Math.floor(now.getTime() / 1000) - 30);

function input(overrides: Partial<WebhookSignatureInput> = {}): WebhookSignatureInput {
  return {
    secret,
    timestampHeader: timestamp,
    signatureHeader: signWebhookBody(secret, timestamp, rawBody),
    rawBody,
    now,
    ...overrides,
  };
}

describe('signWebhookBody', () => {
  it('is HMAC-SHA256 over "<timestamp>.<raw body>" in lowercase hex', () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
    expect(signWebhookBody(secret, Number(timestamp), rawBody)).toBe(`sha256=${expected}`);
    expect(signWebhookBody(secret, timestamp, Buffer.from(rawBody))).toBe(`sha256=${expected}`);
  });

  it('refuses an empty secret', () => {
    expect(() => signWebhookBody('', timestamp, rawBody)).toThrow(/secret/);
  });
});

describe('verifyWebhookSignature', () => {
  it('accepts a valid signature, also on a Buffer body and with uppercase hex', () => {
    expect(verifyWebhookSignature(input())).toEqual({ ok: true });
    expect(verifyWebhookSignature(input({ rawBody: Buffer.from(rawBody) }))).toEqual({ ok: true });
    const upper = `sha256=${signWebhookBody(secret, timestamp, rawBody).slice(7).toUpperCase()}`;
    expect(verifyWebhookSignature(input({ signatureHeader: upper }))).toEqual({ ok: true });
  });

  it('accepts exactly at the edge of the window and rejects just beyond it', () => {
    const edge = String(Math.floor(now.getTime() / 1000) - 300);
    const sign = (ts: string) => ({
      timestampHeader: ts,
      signatureHeader: signWebhookBody(secret, ts, rawBody),
    });
    expect(verifyWebhookSignature(input(sign(edge)))).toEqual({ ok: true });
    const beyond = String(Number(edge) - 1);
    expect(verifyWebhookSignature(input(sign(beyond)))).toEqual({ ok: false, reason: 'stale' });
  });

  it('rejects a timestamp too far in the future as stale', () => {
    const future = String(Math.floor(now.getTime() / 1000) + 301);
    const result = verifyWebhookSignature(
      input({ timestampHeader: future, signatureHeader: signWebhookBody(secret, future, rawBody) }),
    );
    expect(result).toEqual({ ok: false, reason: 'stale' });
  });

  it('honours a configured window', () => {
    expect(verifyWebhookSignature(input({ windowSeconds: 10 }))).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhookSignature(input({ windowSeconds: 30 }))).toEqual({ ok: true });
  });

  it('rejects a tampered body', () => {
    const tampered = rawBody.replace('"panic"', '"test"');
    expect(verifyWebhookSignature(input({ rawBody: tampered }))).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature(input({ rawBody: `${rawBody} ` }))).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('rejects a signature made with another secret', () => {
    const other = signWebhookBody('another-secret', timestamp, rawBody);
    expect(verifyWebhookSignature(input({ signatureHeader: other }))).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('rejects a signature replayed with a fresh timestamp', () => {
    const fresh = String(Number(timestamp) + 10);
    expect(verifyWebhookSignature(input({ timestampHeader: fresh }))).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('accepts any secret of a rotation', () => {
    expect(verifyWebhookSignature(input({ secret: ['new-secret', secret] }))).toEqual({ ok: true });
    expect(verifyWebhookSignature(input({ secret: ['new-secret', 'older'] }))).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it.each([
    [{ timestampHeader: undefined }, 'missing'],
    [{ signatureHeader: undefined }, 'missing'],
    [{ timestampHeader: '' }, 'malformed'],
    [{ timestampHeader: '17e8' }, 'malformed'],
    [{ timestampHeader: '-1700000000' }, 'malformed'],
    [{ timestampHeader: '2026-03-01T12:00:00Z' }, 'malformed'],
    [{ timestampHeader: [timestamp, timestamp] }, 'malformed'],
    [{ signatureHeader: 'deadbeef' }, 'malformed'],
    [{ signatureHeader: `sha1=${'a'.repeat(40)}` }, 'malformed'],
    [{ signatureHeader: `sha256=${'a'.repeat(63)}` }, 'malformed'],
    [{ signatureHeader: `sha256=${'g'.repeat(64)}` }, 'malformed'],
    [{ signatureHeader: ['sha256=a', 'sha256=b'] }, 'malformed'],
  ] as const)('rejects %o as %s', (overrides, reason) => {
    expect(verifyWebhookSignature(input(overrides))).toEqual({ ok: false, reason });
  });

  it('accepts a header array holding one value, as node delivers some headers', () => {
    expect(verifyWebhookSignature(input({ timestampHeader: [timestamp] }))).toEqual({ ok: true });
  });
});
