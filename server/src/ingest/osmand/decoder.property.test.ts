import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALARM_KINDS } from '../../events/device-event.ts';
import { decodeOsmand, type OsmandDecodeResult } from './decoder.ts';

const receivedAt = new Date('2026-03-01T12:00:00Z');
const KNOWN = [
  'id',
  'deviceid',
  'timestamp',
  'lat',
  'lon',
  'location',
  'speed',
  'bearing',
  'heading',
  'altitude',
  'accuracy',
  'batt',
  'charge',
  'alarm',
];

const paramValue = fc.oneof(
  fc.string(),
  fc.double().map(String),
  fc.integer().map(String),
  fc.constantFrom(
    '',
    'true',
    'false',
    '1',
    '0',
    'sos',
    'NaN',
    '-1',
    '1e400',
    '2021-02-31T00:00:00Z',
    '60,30',
    ',',
  ),
);
const params = fc.dictionary(fc.oneof(fc.constantFrom(...KNOWN), fc.string()), paramValue);

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.double(),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom('latitude', 'longitude', 'level', 'speed', 'heading', 'timestamp', 'alarm', 'x'),
      tie('value'),
    ),
  ),
})).value;

const traccarShaped = fc.record(
  {
    device_id: fc.oneof(fc.string(), fc.integer(), jsonValue),
    location: fc.oneof(
      jsonValue,
      fc.record(
        {
          timestamp: fc.oneof(
            fc.string(),
            fc.integer(),
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          ),
          coords: fc.oneof(
            jsonValue,
            fc.record(
              {
                latitude: jsonValue,
                longitude: jsonValue,
                speed: jsonValue,
                heading: jsonValue,
                accuracy: jsonValue,
              },
              { requiredKeys: [] },
            ),
          ),
          battery: fc.oneof(
            jsonValue,
            fc.record({ level: jsonValue, is_charging: jsonValue }, { requiredKeys: [] }),
          ),
          extras: jsonValue,
          alarm: jsonValue,
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

/** Every decoded event obeys the ranges the rest of the chain relies on. */
function assertSane(result: OsmandDecodeResult): void {
  if (!result.ok) {
    expect(result.status).toBe(400);
    expect(result.field.length).toBeGreaterThan(0);
    return;
  }
  const { event } = result;
  expect(event.protocol).toBe('osmand');
  expect(event.deviceAccount.trim().length).toBeGreaterThan(0);
  expect(Buffer.byteLength(event.raw)).toBeLessThanOrEqual(2048);
  if (event.occurredAt) expect(Number.isNaN(event.occurredAt.getTime())).toBe(false);
  if (event.position) {
    expect(Math.abs(event.position.lat)).toBeLessThanOrEqual(90);
    expect(Math.abs(event.position.lon)).toBeLessThanOrEqual(180);
  }
  if (event.batteryPercent !== undefined) {
    expect(event.batteryPercent).toBeGreaterThanOrEqual(0);
    expect(event.batteryPercent).toBeLessThanOrEqual(100);
  }
  if (!event.position && event.kind === 'position') throw new Error('position event without position');
  if (event.text !== undefined) {
    // Only alarms are stored with fields dropped, and the text names fields, never the values sent.
    expect(ALARM_KINDS.has(event.kind)).toBe(true);
    expect(event.text).toMatch(DROPPED_TEXT);
  }
}

const DROPPED_TEXT = /^dropped invalid: [a-z_.]+(?:, [a-z_.]+)*$/;

describe('decodeOsmand never throws', () => {
  it('on random query parameters', () => {
    fc.assert(
      fc.property(params, fc.constantFrom('GET', 'POST'), (query, method) => {
        assertSane(decodeOsmand({ method, query, body: '', receivedAt }));
      }),
      { numRuns: 2000 },
    );
  });

  it('on random form and text bodies', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          params.map((p) => new URLSearchParams(p).toString()),
        ),
        fc.constantFrom(
          undefined,
          'application/x-www-form-urlencoded',
          'text/plain',
          'application/json',
          'x/y',
        ),
        (text, contentType) => {
          assertSane(decodeOsmand({ method: 'POST', query: {}, contentType, body: text, receivedAt }));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('on random JSON shaped like the Traccar Client body', () => {
    fc.assert(
      fc.property(fc.oneof(traccarShaped, jsonValue), (json) => {
        const text = JSON.stringify(json) ?? '';
        assertSane(
          decodeOsmand({
            method: 'POST',
            query: {},
            contentType: 'application/json',
            body: text,
            receivedAt,
          }),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        assertSane(decodeOsmand({ method: 'POST', query: {}, body: Buffer.from(bytes), receivedAt }));
      }),
      { numRuns: 1000 },
    );
  });

  it('decodes any in-range position it is given', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.integer({ min: 0, max: 100 }),
        (lat, lon, batt) => {
          const result = decodeOsmand({
            method: 'GET',
            query: { id: 'p', lat: String(lat), lon: String(lon), batt: String(batt) },
            body: '',
            receivedAt,
          });
          if (!result.ok) throw new Error(`rejected ${result.field}`);
          expect(result.event.position?.lat).toBe(lat + 0); // String(-0) is "0"
          expect(result.event.position?.lon).toBe(lon + 0);
          expect(result.event.batteryPercent).toBe(batt);
        },
      ),
    );
  });
});

describe('an alarm with a valid device id is always stored', () => {
  it('whatever else the query string carries', () => {
    fc.assert(
      fc.property(
        params,
        fc.constantFrom('sos', 'panic', 'test', 'lowBattery', 'tampering', 'x'),
        (p, alarm) => {
          const query = { ...p, id: 'panic-1', alarm };
          const result = decodeOsmand({ method: 'GET', query, body: '', receivedAt });
          if (!result.ok) throw new Error(`rejected ${result.field}: ${result.detail}`);
          expect(ALARM_KINDS.has(result.event.kind)).toBe(true);
          expect(result.event.deviceAccount).toBe('panic-1');
          assertSane(result);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('whatever JSON body comes with it, unless the body sends its own bad device id', () => {
    fc.assert(
      fc.property(fc.oneof(traccarShaped, jsonValue, fc.string()), (json) => {
        const text = typeof json === 'string' ? json : (JSON.stringify(json) ?? '');
        const result = decodeOsmand({
          method: 'POST',
          query: { id: 'panic-2', alarm: 'sos' },
          contentType: 'application/json',
          body: text,
          receivedAt,
        });
        if (!result.ok) expect(['id', 'device_id']).toContain(result.field);
        else expect(ALARM_KINDS.has(result.event.kind)).toBe(true);
        assertSane(result);
      }),
      { numRuns: 2000 },
    );
  });
});
