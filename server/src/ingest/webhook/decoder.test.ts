import { describe, expect, it } from 'vitest';
import { decodeWebhookBody, decodeWebhookEvent } from './decoder.ts';
import type { WebhookEvent } from './schema.ts';

const receivedAt = new Date('2026-03-01T12:00:05Z');

const panic: WebhookEvent = {
  vendorEventId: 'evt-0001',
  deviceId: 'X-MARK-42',
  type: 'panic',
  occurredAt: '2026-03-01T13:00:00.250+01:00',
  position: { lat: 52.3676, lon: 4.9041, accuracy: 12, altitude: 3 },
  battery: { percent: 64, charging: false },
  text: 'SOS pressed',
};

describe('decodeWebhookEvent', () => {
  it('maps every field to a DeviceEvent with the vendor event id as sequence', () => {
    expect(decodeWebhookEvent(panic, receivedAt)).toEqual({
      protocol: 'webhook',
      deviceAccount: 'X-MARK-42',
      kind: 'panic',
      sequence: 'evt-0001',
      occurredAt: new Date('2026-03-01T12:00:00.250Z'),
      receivedAt,
      position: { lat: 52.3676, lon: 4.9041, accuracy: 12, altitude: 3 },
      batteryPercent: 64,
      charging: false,
      text: 'SOS pressed',
      raw: JSON.stringify(panic),
    });
  });

  it('leaves out what the vendor did not send', () => {
    const event = decodeWebhookEvent(
      { vendorEventId: 'e2', deviceId: 'd', type: 'heartbeat', occurredAt: '2026-03-01T12:00:00Z' },
      receivedAt,
    );
    expect(Object.keys(event).sort()).toEqual(
      ['deviceAccount', 'kind', 'occurredAt', 'protocol', 'raw', 'receivedAt', 'sequence'].sort(),
    );
  });

  it('keeps position without optional parts and battery without charging', () => {
    const event = decodeWebhookEvent(
      { ...panic, position: { lat: -1, lon: 2 }, battery: { percent: 0 }, text: undefined },
      receivedAt,
    );
    expect(event.position).toEqual({ lat: -1, lon: 2 });
    expect(event.batteryPercent).toBe(0);
    expect('charging' in event).toBe(false);
    expect('text' in event).toBe(false);
  });

  it('reads a leap second as the millisecond before it and never yields an Invalid Date', () => {
    const leap = decodeWebhookEvent({ ...panic, occurredAt: '2016-12-31T23:59:60Z' }, receivedAt);
    expect(leap.occurredAt?.toISOString()).toBe('2016-12-31T23:59:59.999Z');
    const leapFraction = decodeWebhookEvent(
      { ...panic, occurredAt: '2016-12-31T23:59:60.5+00:00' },
      receivedAt,
    );
    expect(leapFraction.occurredAt?.toISOString()).toBe('2016-12-31T23:59:59.999Z');
    const nonsense = decodeWebhookEvent({ ...panic, occurredAt: 'not a date' }, receivedAt);
    expect('occurredAt' in nonsense).toBe(false);
  });

  it('truncates raw to 2 KB', () => {
    const event = decodeWebhookEvent(
      { ...panic, text: 'é'.repeat(500), vendorEventId: 'x'.repeat(128) },
      receivedAt,
    );
    expect(Buffer.byteLength(event.raw)).toBeLessThanOrEqual(2048);
    const big = decodeWebhookEvent({ ...panic, ...{ extra: 'y'.repeat(5000) } } as WebhookEvent, receivedAt);
    expect(Buffer.byteLength(big.raw)).toBe(2048);
  });
});

describe('decodeWebhookBody', () => {
  it('decodes a single event and a batch in order', () => {
    expect(decodeWebhookBody(panic, receivedAt).map((e) => e.sequence)).toEqual(['evt-0001']);
    const batch = ['a', 'b', 'c'].map((id) => ({ ...panic, vendorEventId: id }));
    expect(decodeWebhookBody(batch, receivedAt).map((e) => e.sequence)).toEqual(['a', 'b', 'c']);
  });
});
