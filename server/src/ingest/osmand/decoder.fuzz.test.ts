import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, fuzzParameters, timed, withBoundedHeap } from '../fuzz-budget.ts';
import { decodeOsmand, type OsmandDecodeResult, type OsmandRequest } from './decoder.ts';

const receivedAt = new Date('2026-03-01T12:00:00Z');
const FIELDS = ['id', 'deviceid', 'timestamp', 'lat', 'lon', 'location', 'speed', 'batt', 'charge', 'alarm'];

const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double().map(String),
  fc.constantFrom('', 'sos', 'NaN', '1e400', '-0', '60,30', '2021-02-31T00:00:00Z', '%', '\u0000'),
);
const params = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 })), value, {
  maxKeys: 12,
});
const contentType = fc.constantFrom(
  undefined,
  '',
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/vnd+json; charset=latin1',
  'multipart/form-data; boundary=x',
);

/** The Traccar Client JSON shape, every leaf replaced by anything JSON can hold. */
const traccarJson = fc.record(
  {
    device_id: fc.oneof(fc.string({ maxLength: 20 }), fc.jsonValue()),
    location: fc.oneof(
      fc.record(
        {
          timestamp: fc.jsonValue(),
          coords: fc.oneof(
            fc.dictionary(fc.constantFrom('latitude', 'longitude', 'speed', 'heading'), fc.jsonValue()),
            fc.jsonValue(),
          ),
          battery: fc.oneof(
            fc.record({ level: fc.jsonValue(), is_charging: fc.jsonValue() }),
            fc.jsonValue(),
          ),
          event: fc.jsonValue(),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    ),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  fc.constant(''),
  params.map((p) => new URLSearchParams(p).toString()),
  traccarJson.map((j) => JSON.stringify(j)),
  fc.jsonValue().map((j) => JSON.stringify(j)),
  fc.integer({ min: 1, max: 5_000 }).map((depth) => `${'{"location":'.repeat(depth)}1${'}'.repeat(depth)}`),
  fc.uint8Array({ maxLength: 2_000 }).map((b) => Buffer.from(b)),
);

const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT'),
  query: params,
  contentType,
  body,
});

function expectAnswer(result: OsmandDecodeResult) {
  if (result.ok) {
    expect(typeof result.event.deviceAccount).toBe('string');
    expect(result.event.deviceAccount.length).toBeGreaterThan(0);
  } else {
    expect(result.status).toBe(400);
    expect(typeof result.field).toBe('string');
  }
}

describe(`OsmAnd decoder under a fuzzer (${FUZZ_RUNS} inputs per property, AWARE_FUZZ_RUNS)`, () => {
  it('answers every query, form and JSON body with an event or a 400, in time and bounded memory', () =>
    withBoundedHeap(() =>
      fc.assert(
        fc.asyncProperty(request, async (r) => {
          const input: OsmandRequest = {
            method: r.method,
            query: r.query,
            body: r.body,
            receivedAt,
            ...(r.contentType === undefined ? {} : { contentType: r.contentType }),
          };
          expectAnswer(await timed(() => decodeOsmand(input)));
        }),
        fuzzParameters(),
      ),
    ));

  it('keeps an SOS with a valid id an alarm whatever else the request carries', () =>
    withBoundedHeap(() =>
      fc.assert(
        fc.asyncProperty(params, fc.stringMatching(/^[A-Za-z0-9]{1,20}$/), async (extra, id) => {
          const query = { ...extra, id, alarm: 'sos' };
          delete (query as Record<string, string>).deviceid;
          const result = await timed(() => decodeOsmand({ method: 'GET', query, body: '', receivedAt }));
          expectAnswer(result);
          if (result.ok) expect(result.event.kind).toBe('panic');
        }),
        fuzzParameters(),
      ),
    ));
});
