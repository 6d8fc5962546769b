import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { validateWebhookBody, WebhookBody } from './schema.ts';

const valid = {
  vendorEventId: 'evt-0001',
  deviceId: 'X-MARK-42',
  type: 'panic',
  occurredAt: '2026-03-01T12:00:00.250+01:00',
  position: { lat: 52.3676, lon: 4.9041, accuracy: 12, altitude: 3 },
  battery: { percent: 64, charging: false },
  text: 'SOS pressed',
};

function errorPaths(body: unknown): string[] {
  const result = validateWebhookBody(body);
  if (result.ok) throw new Error('expected validation errors');
  return result.errors.map((error) => error.path);
}

describe('validateWebhookBody', () => {
  it('accepts a single event and returns it as a one-element list', () => {
    expect(validateWebhookBody(valid)).toEqual({ ok: true, events: [valid] });
  });

  it('accepts the minimal event', () => {
    const minimal = {
      vendorEventId: 'a',
      deviceId: 'b',
      type: 'heartbeat',
      occurredAt: '2026-03-01T12:00:00Z',
    };
    expect(validateWebhookBody(minimal).ok).toBe(true);
  });

  it('ignores unknown properties', () => {
    expect(validateWebhookBody({ ...valid, firmware: '2.1' }).ok).toBe(true);
  });

  it('accepts a batch of 1..100 and rejects empty or larger batches', () => {
    const batch = Array.from({ length: 100 }, (_, i) => ({ ...valid, vendorEventId: `evt-${i}` }));
    const result = validateWebhookBody(batch);
    expect(result.ok && result.events.length).toBe(100);
    expect(validateWebhookBody([]).ok).toBe(false);
    expect(validateWebhookBody([...batch, valid]).ok).toBe(false);
  });

  it.each([
    [{ ...valid, vendorEventId: '' }, '/vendorEventId'],
    [{ ...valid, vendorEventId: 'x'.repeat(129) }, '/vendorEventId'],
    [{ ...valid, deviceId: undefined }, '/deviceId'],
    [{ ...valid, type: 'alarm' }, '/type'],
    [{ ...valid, occurredAt: '2026-03-01 12:00' }, '/occurredAt'],
    [{ ...valid, occurredAt: '2026-03-01T12:00:00' }, '/occurredAt'],
    [{ ...valid, occurredAt: '2026-13-01T12:00:00Z' }, '/occurredAt'],
    [{ ...valid, occurredAt: '2026-02-30T12:00:00Z' }, '/occurredAt'],
    [{ ...valid, occurredAt: '2026-03-01T24:00:00Z' }, '/occurredAt'],
    [{ ...valid, occurredAt: '2026-03-01T12:00:00+25:00' }, '/occurredAt'],
    [{ ...valid, occurredAt: 1772366400 }, '/occurredAt'],
    [{ ...valid, position: { lat: 90.1, lon: 4 } }, '/position/lat'],
    [{ ...valid, position: { lat: 52, lon: -180.5 } }, '/position/lon'],
    [{ ...valid, position: { lat: 52 } }, '/position/lon'],
    [{ ...valid, position: { lat: 52, lon: 4, accuracy: -1 } }, '/position/accuracy'],
    [{ ...valid, battery: { percent: 101 } }, '/battery/percent'],
    [{ ...valid, battery: { percent: 50, charging: 'yes' } }, '/battery/charging'],
    [{ ...valid, text: 'x'.repeat(501) }, '/text'],
  ])('rejects %o at %s', (body, path) => {
    expect(errorPaths(body)).toContain(path);
  });

  it('points into the batch element that is wrong', () => {
    expect(errorPaths([valid, { ...valid, type: 'nope' }])).toContain('/1/type');
  });

  it.each([null, 'text', 42, {}])('rejects %o', (body) => {
    expect(validateWebhookBody(body).ok).toBe(false);
  });
});

describe('WebhookBody with Fastify', () => {
  it('validates the same way as a Fastify route body schema', async () => {
    const app = Fastify();
    app.post('/api/v1/ingest/events', { schema: { body: WebhookBody } }, async () => ({ ok: true }));
    try {
      const post = (payload: unknown) =>
        app.inject({ method: 'POST', url: '/api/v1/ingest/events', payload: payload as object });
      expect((await post(valid)).statusCode).toBe(200);
      expect((await post([valid, valid])).statusCode).toBe(200);
      expect((await post({ ...valid, occurredAt: 'yesterday' })).statusCode).toBe(400);
      expect((await post({ ...valid, occurredAt: '2026-03-01T12:00:00' })).statusCode).toBe(400);
      expect((await post({ ...valid, occurredAt: '2026-02-30T12:00:00Z' })).statusCode).toBe(400);
      expect((await post({ ...valid, position: { lat: 100, lon: 0 } })).statusCode).toBe(400);
      expect((await post([])).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});
