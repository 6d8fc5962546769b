import type { DeviceEvent, Position } from '../../events/device-event.ts';
import { truncateUtf8 } from '../osmand/raw-text.ts';
import type { WebhookEvent } from './schema.ts';

/**
 * Fastify's ajv accepts a leap second (23:59:60Z) that Date cannot represent; it is read as the last
 * millisecond before. Anything else unparseable leaves occurredAt undefined rather than an Invalid Date.
 */
function parseOccurredAt(text: string): Date | undefined {
  const date = new Date(text.replace(/:60(?=[.Zz+-])/, ':59.999').replace(/(:59\.999)\.\d+/, '$1'));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Maps one validated vendor event; `sequence` carries the vendor's event id for retransmission detection. */
export function decodeWebhookEvent(vendorEvent: WebhookEvent, receivedAt: Date): DeviceEvent {
  const event: DeviceEvent = {
    protocol: 'webhook',
    deviceAccount: vendorEvent.deviceId,
    kind: vendorEvent.type,
    sequence: vendorEvent.vendorEventId,
    receivedAt,
    raw: truncateUtf8(JSON.stringify(vendorEvent)),
  };
  const occurredAt = parseOccurredAt(vendorEvent.occurredAt);
  if (occurredAt) event.occurredAt = occurredAt;
  if (vendorEvent.position) {
    const { lat, lon, accuracy, altitude } = vendorEvent.position;
    const position: Position = { lat, lon };
    if (accuracy !== undefined) position.accuracy = accuracy;
    if (altitude !== undefined) position.altitude = altitude;
    event.position = position;
  }
  if (vendorEvent.battery) {
    event.batteryPercent = vendorEvent.battery.percent;
    if (vendorEvent.battery.charging !== undefined) event.charging = vendorEvent.battery.charging;
  }
  if (vendorEvent.text !== undefined) event.text = vendorEvent.text;
  return event;
}

/** Maps a validated body (one event or a batch) in the order the vendor sent it. */
export function decodeWebhookBody(
  body: WebhookEvent | readonly WebhookEvent[],
  receivedAt: Date,
): DeviceEvent[] {
  const events: readonly WebhookEvent[] = Array.isArray(body) ? body : [body as WebhookEvent];
  return events.map((vendorEvent) => decodeWebhookEvent(vendorEvent, receivedAt));
}
