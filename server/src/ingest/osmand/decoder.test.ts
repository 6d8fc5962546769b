import { describe, expect, it } from 'vitest';
import { decodeOsmand, type OsmandDecodeResult, type OsmandRequest } from './decoder.ts';
import { firstValues } from './fields.ts';

const receivedAt = new Date('2026-03-01T12:00:00Z');

function query(search: string): OsmandRequest {
  return {
    method: 'POST',
    target: `/?${search}`,
    query: Object.fromEntries(new URLSearchParams(search)),
    body: '',
    receivedAt,
  };
}

function body(contentType: string | undefined, text: string, search = ''): OsmandRequest {
  return { ...query(search), contentType, body: text };
}

function ok(result: OsmandDecodeResult) {
  if (!result.ok) throw new Error(`expected ok, got 400 ${result.field}: ${result.detail}`);
  return result.event;
}

function rejected(result: OsmandDecodeResult) {
  if (result.ok) throw new Error(`expected 400, got ${result.event.kind}`);
  return result;
}

describe('decodeOsmand: query string', () => {
  it('decodes a Traccar Client position with every field', () => {
    const event = ok(
      decodeOsmand(
        query(
          'id=123456&timestamp=1377177267&lat=52.0907&lon=5.1214&speed=3.5&bearing=90.5&altitude=12&accuracy=8&batt=87&charge=true',
        ),
      ),
    );
    expect(event).toEqual({
      protocol: 'osmand',
      deviceAccount: '123456',
      kind: 'position',
      occurredAt: new Date(1377177267 * 1000),
      receivedAt,
      position: {
        lat: 52.0907,
        lon: 5.1214,
        speedKnots: 3.5,
        bearing: 90.5,
        altitude: 12,
        accuracy: 8,
        raw: '52.0907,5.1214',
      },
      batteryPercent: 87,
      charging: true,
      raw: 'POST /?id=123456&timestamp=1377177267&lat=52.0907&lon=5.1214&speed=3.5&bearing=90.5&altitude=12&accuracy=8&batt=87&charge=true',
    });
    expect(event.sequence).toBeUndefined();
  });

  it('accepts GET the same as POST and deviceid as an alias of id, heading of bearing', () => {
    const event = ok(decodeOsmand({ ...query('deviceid=abc&lat=1&lon=2&heading=45'), method: 'GET' }));
    expect(event.deviceAccount).toBe('abc');
    expect(event.position?.bearing).toBe(45);
    expect(event.raw.startsWith('GET /?deviceid=abc')).toBe(true);
  });

  it('maps alarm=sos to a panic with its position and battery', () => {
    const event = ok(decodeOsmand(query('id=7&lat=52.1&lon=4.3&alarm=sos&batt=40')));
    expect(event.kind).toBe('panic');
    expect(event.code).toBe('alarm=sos');
    expect(event.position).toMatchObject({ lat: 52.1, lon: 4.3 });
    expect(event.batteryPercent).toBe(40);
  });

  it.each([
    ['sos', 'panic'],
    ['SOS', 'panic'],
    ['panic', 'panic'],
    ['test', 'test'],
    ['lowBattery', 'low_battery'],
    ['tampering', 'tamper'],
    ['powerCut', 'fault'],
  ])('maps alarm=%s to %s', (alarm, kind) => {
    const event = ok(decodeOsmand(query(`id=7&alarm=${alarm}`)));
    expect(event.kind).toBe(kind);
    expect(event.code).toBe(`alarm=${alarm}`);
  });

  it('is a heartbeat without coordinates or alarm', () => {
    const event = ok(decodeOsmand(query('id=7&timestamp=1700000000&batt=55')));
    expect(event.kind).toBe('heartbeat');
    expect(event.position).toBeUndefined();
    expect(event.code).toBeUndefined();
  });

  it('reads location=lat,lon', () => {
    const event = ok(decodeOsmand(query('id=123456&timestamp=1377177267&location=60.0,30.0')));
    expect(event.position).toMatchObject({ lat: 60, lon: 30 });
    expect(event.kind).toBe('position');
  });

  it.each([
    ['1377177267', '2013-08-22T13:14:27.000Z'],
    ['1442068686579', '2015-09-12T14:38:06.579Z'],
    ['2016-01-27T18:55:47Z', '2016-01-27T18:55:47.000Z'],
    ['2025-06-15T13:45:12.862Z', '2025-06-15T13:45:12.862Z'],
    ['2016-01-27T20:55:47+02:00', '2016-01-27T18:55:47.000Z'],
    ['2016-01-27T13:55:47-0500', '2016-01-27T18:55:47.000Z'],
    ['2014-06-04 09:10:11', '2014-06-04T09:10:11.000Z'],
  ])('reads timestamp %s', (timestamp, iso) => {
    const event = ok(decodeOsmand(query(`id=1&timestamp=${encodeURIComponent(timestamp)}`)));
    expect(event.occurredAt?.toISOString()).toBe(iso);
  });

  it('leaves occurredAt undefined without a timestamp', () => {
    expect(ok(decodeOsmand(query('id=1&lat=1&lon=2'))).occurredAt).toBeUndefined();
  });

  it.each(['false', '0', 'FALSE'])('reads charge=%s as not charging', (charge) => {
    expect(ok(decodeOsmand(query(`id=1&charge=${charge}`))).charging).toBe(false);
  });

  it('treats negative speed, bearing and accuracy as unknown', () => {
    const event = ok(decodeOsmand(query('id=1&lat=1&lon=2&speed=-1&bearing=-1&accuracy=-1')));
    expect(event.position).toEqual({ lat: 1, lon: 2, raw: '1,2' });
  });

  it('takes the first value of a repeated parameter', () => {
    const params = firstValues(new URLSearchParams('id=first&id=second&__proto__=x&constructor=y'));
    expect(params).toEqual({ id: 'first', ['__proto__']: 'x', constructor: 'y' });
    expect(ok(decodeOsmand({ method: 'GET', query: params, body: '', receivedAt })).deviceAccount).toBe(
      'first',
    );
  });

  it('rebuilds the request line when no target is given', () => {
    const event = ok(decodeOsmand({ method: 'GET', query: { id: 'x', alarm: 'sos' }, body: '', receivedAt }));
    expect(event.raw).toBe('GET /?id=x&alarm=sos');
  });
});

describe('decodeOsmand: rejections name the field', () => {
  it.each([
    ['id=1&lat=91&lon=5', 'lat'],
    ['id=1&lat=999&lon=5', 'lat'],
    ['id=1&lat=-90.5&lon=5', 'lat'],
    ['id=1&lat=abc&lon=5', 'lat'],
    ['id=1&lat=52&lon=181', 'lon'],
    ['id=1&lat=52', 'lon'],
    ['id=1&lon=5', 'lat'],
    ['id=1&location=60.0', 'location'],
    ['id=1&location=91,5', 'location'],
    ['lat=52&lon=5', 'id'],
    ['id=&lat=52&lon=5', 'id'],
    ['id=%20%20', 'id'],
    ['id=a%0Ab', 'id'],
    [`id=${'x'.repeat(129)}`, 'id'],
    ['id=1&batt=101', 'batt'],
    ['id=1&batt=-1', 'batt'],
    ['id=1&batt=full', 'batt'],
    ['id=1&charge=maybe', 'charge'],
    ['id=1&timestamp=yesterday', 'timestamp'],
    ['id=1&timestamp=2021-02-31T00:00:00Z', 'timestamp'],
    ['id=1&timestamp=2021-01-01T25:00:00Z', 'timestamp'],
    ['id=1&lat=1&lon=2&speed=fast', 'speed'],
    ['id=1&lat=1&lon=2&bearing=361', 'bearing'],
    ['id=1&lat=1&lon=2&altitude=high', 'altitude'],
    ['id=1&lat=Infinity&lon=2', 'lat'],
    ['id=1&lat=0x10&lon=2', 'lat'],
  ])('%s → 400 naming %s', (search, field) => {
    const result = rejected(decodeOsmand(query(search)));
    expect(result.status).toBe(400);
    expect(result.field).toBe(field);
    expect(result.detail.length).toBeGreaterThan(0);
  });
});

describe('decodeOsmand: an alarm is never held back by an invalid optional field', () => {
  it('accepts a panic with lat=999 without position, naming lat in the text', () => {
    const event = ok(decodeOsmand(query('id=7&lat=999&lon=4.3&alarm=sos&batt=40')));
    expect(event).toMatchObject({ kind: 'panic', code: 'alarm=sos', batteryPercent: 40 });
    expect(event.position).toBeUndefined();
    expect(event.text).toBe('dropped invalid: lat');
    expect(event.text).not.toContain('999');
  });

  it('still rejects a heartbeat or position with lat=999 naming lat', () => {
    expect(rejected(decodeOsmand(query('id=7&lat=999&lon=4.3&batt=40'))).field).toBe('lat');
    expect(rejected(decodeOsmand(query('id=7&lat=999&lon=4.3'))).field).toBe('lat');
  });

  it.each(['sos', 'panic', 'test', 'lowBattery', 'tampering', 'powerCut'])(
    'alarm=%s drops every invalid optional field and keeps the rest',
    (alarm) => {
      const event = ok(
        decodeOsmand(
          query(`id=7&alarm=${alarm}&timestamp=yesterday&lat=91.5&lon=200&batt=full&charge=maybe&altitude=1`),
        ),
      );
      expect(event.deviceAccount).toBe('7');
      expect(event.kind).not.toMatch(/^(position|heartbeat)$/);
      expect(event.occurredAt).toBeUndefined();
      expect(event.position).toBeUndefined();
      expect(event.batteryPercent).toBeUndefined();
      expect(event.charging).toBeUndefined();
      expect(event.text).toBe('dropped invalid: timestamp, lat, lon, batt, charge');
    },
  );

  it.each([
    ['id=1&alarm=sos&lat=52', 'lon'],
    ['id=1&alarm=sos&lon=5', 'lat'],
    ['id=1&alarm=sos&location=60.0', 'location'],
    ['id=1&alarm=sos&location=91,5', 'location'],
    ['id=1&alarm=sos&lat=Infinity&lon=2', 'lat'],
  ])('%s → panic without position, text naming %s', (search, field) => {
    const event = ok(decodeOsmand(query(search)));
    expect(event.kind).toBe('panic');
    expect(event.position).toBeUndefined();
    expect(event.text).toBe(`dropped invalid: ${field}`);
  });

  it('keeps the position when only speed, bearing, accuracy or altitude is invalid', () => {
    const event = ok(
      decodeOsmand(
        query('id=1&alarm=sos&lat=1&lon=2&speed=fast&bearing=361&accuracy=x&altitude=high&batt=5'),
      ),
    );
    expect(event.position).toEqual({ lat: 1, lon: 2, raw: '1,2' });
    expect(event.batteryPercent).toBe(5);
    expect(event.text).toBe('dropped invalid: speed, bearing, accuracy, altitude');
  });

  it('leaves the text unset when nothing was dropped', () => {
    expect(ok(decodeOsmand(query('id=1&alarm=sos&lat=1&lon=2&batt=5'))).text).toBeUndefined();
  });

  it.each([
    ['alarm=sos&lat=999&lon=5', 'id'],
    ['id=%20&alarm=sos', 'id'],
    ['id=a%0Ab&alarm=sos', 'id'],
    [`id=${'x'.repeat(129)}&alarm=sos`, 'id'],
  ])('%s → still 400 naming %s: the device id stays required', (search, field) => {
    expect(rejected(decodeOsmand(query(search))).field).toBe(field);
  });

  it('drops invalid JSON fields of a panic, naming their paths', () => {
    const json = {
      device_id: 'j1',
      location: {
        timestamp: { when: 'now' },
        coords: { latitude: 95, longitude: 1, speed: 'fast' },
        battery: { level: 45, is_charging: 'perhaps' },
        extras: { alarm: 'sos' },
      },
    };
    const event = ok(decodeOsmand(body('application/json', JSON.stringify(json))));
    expect(event).toMatchObject({ deviceAccount: 'j1', kind: 'panic' });
    expect(event.position).toBeUndefined();
    expect(event.batteryPercent).toBeUndefined();
    expect(event.charging).toBeUndefined();
    expect(event.occurredAt).toBeUndefined();
    expect(event.text).toBe(
      'dropped invalid: location.timestamp, location.coords.speed, location.battery.level, location.coords.latitude, location.battery.is_charging',
    );
  });

  it('drops a JSON location that is not an object when the alarm is on the root', () => {
    const event = ok(
      decodeOsmand(body('application/json', '{"device_id":"j2","alarm":"sos","location":"x"}')),
    );
    expect(event).toMatchObject({ kind: 'panic', text: 'dropped invalid: location' });
  });

  it('stores a query-string panic whose body is not JSON', () => {
    const event = ok(decodeOsmand(body('application/json', '{"device_id":', 'id=q1&alarm=sos')));
    expect(event).toMatchObject({ deviceAccount: 'q1', kind: 'panic', text: 'dropped invalid: body' });
  });

  it('still rejects a panic whose JSON device id is malformed', () => {
    const text = JSON.stringify({ device_id: { x: 1 }, location: { extras: { alarm: 'sos' } } });
    expect(rejected(decodeOsmand(body('application/json', text, 'id=q1&alarm=sos'))).field).toBe('device_id');
  });
});

describe('decodeOsmand: form body', () => {
  it('reads parameters from an x-www-form-urlencoded body', () => {
    const event = ok(
      decodeOsmand(
        body(
          'application/x-www-form-urlencoded; charset=utf-8',
          'id=77&lat=52.37&lon=4.89&alarm=sos&batt=12',
        ),
      ),
    );
    expect(event).toMatchObject({ deviceAccount: '77', kind: 'panic', batteryPercent: 12 });
    expect(event.position).toMatchObject({ lat: 52.37, lon: 4.89 });
    expect(event.raw).toBe('POST /?\nid=77&lat=52.37&lon=4.89&alarm=sos&batt=12');
  });

  it('lets the body override the query string', () => {
    const event = ok(
      decodeOsmand(body('application/x-www-form-urlencoded', 'lat=10&lon=20', 'id=9&lat=1&lon=2')),
    );
    expect(event.deviceAccount).toBe('9');
    expect(event.position).toMatchObject({ lat: 10, lon: 20 });
  });

  it('reads a form body sent without content type', () => {
    expect(ok(decodeOsmand(body(undefined, 'id=5&alarm=test'))).kind).toBe('test');
  });

  it('ignores a body of an unrelated content type', () => {
    const event = ok(decodeOsmand(body('application/octet-stream', 'id=other&alarm=sos', 'id=9')));
    expect(event).toMatchObject({ deviceAccount: '9', kind: 'heartbeat' });
  });

  it('accepts a Buffer body', () => {
    const request = { ...body('application/x-www-form-urlencoded', ''), body: Buffer.from('id=5&alarm=sos') };
    expect(ok(decodeOsmand(request)).kind).toBe('panic');
  });
});

describe('decodeOsmand: Traccar Client JSON body', () => {
  const traccarJson = {
    location: {
      event: 'motionchange',
      is_moving: false,
      timestamp: '2021-07-21T08:06:34.444Z',
      coords: {
        latitude: -6.1148096,
        longitude: 106.6837015,
        accuracy: 3.8,
        speed: 10,
        heading: 63,
        altitude: 35.7,
      },
      battery: { is_charging: true, level: 0.79 },
      extras: {},
    },
    device_id: '8737767034',
  };

  it('decodes coordinates, m/s speed to knots, battery level to percent', () => {
    const event = ok(decodeOsmand(body('application/json', JSON.stringify(traccarJson))));
    expect(event).toMatchObject({
      protocol: 'osmand',
      deviceAccount: '8737767034',
      kind: 'position',
      occurredAt: new Date('2021-07-21T08:06:34.444Z'),
      batteryPercent: 79,
      charging: true,
    });
    expect(event.position).toMatchObject({ lat: -6.1148096, lon: 106.6837015, accuracy: 3.8, bearing: 63 });
    expect(event.position?.altitude).toBe(35.7);
    expect(event.position?.speedKnots).toBeCloseTo(19.438, 3);
    expect(event.raw).toBe(`POST /?\n${JSON.stringify(traccarJson)}`);
  });

  it('accepts id instead of device_id and a JSON body without content type', () => {
    const { device_id: _, ...rest } = traccarJson;
    const event = ok(decodeOsmand(body(undefined, JSON.stringify({ ...rest, id: 'abc' }))));
    expect(event.deviceAccount).toBe('abc');
  });

  it('treats -1 as unknown for speed, heading and battery level', () => {
    const json = {
      device_id: '658765',
      location: {
        timestamp: '2025-05-09T04:11:30.579Z',
        coords: {
          speed: -1,
          latitude: 37.785834,
          longitude: -122.406417,
          accuracy: 5,
          altitude: 0,
          heading: -1,
        },
        battery: { level: -1, is_charging: false },
      },
    };
    const event = ok(decodeOsmand(body('application/json', JSON.stringify(json))));
    expect(event.position).toEqual({
      lat: 37.785834,
      lon: -122.406417,
      accuracy: 5,
      altitude: 0,
      raw: '37.785834,-122.406417',
    });
    expect(event.batteryPercent).toBeUndefined();
    expect(event.charging).toBe(false);
  });

  it('is a heartbeat without coords', () => {
    const json = {
      device_id: '1',
      location: { timestamp: '2025-05-09T04:11:30Z', event: 'heartbeat', battery: { level: 0.5 } },
    };
    const event = ok(decodeOsmand(body('application/json', JSON.stringify(json))));
    expect(event).toMatchObject({ kind: 'heartbeat', batteryPercent: 50 });
  });

  it.each([
    ['location.alarm', { alarm: 'sos' }],
    ['location.extras.alarm', { extras: { alarm: 'sos' } }],
  ])('reads an SOS from %s', (_path, extra) => {
    const json = { ...traccarJson, location: { ...traccarJson.location, ...extra } };
    const event = ok(decodeOsmand(body('application/json', JSON.stringify(json))));
    expect(event).toMatchObject({ kind: 'panic', code: 'alarm=sos' });
  });

  it('takes the id from the query string when the body has none', () => {
    const json = { location: { coords: { latitude: 1, longitude: 2 } } };
    expect(ok(decodeOsmand(body('application/json', JSON.stringify(json), 'id=q1'))).deviceAccount).toBe(
      'q1',
    );
  });

  it.each([
    ['not json', 'body'],
    ['[]', 'body'],
    ['"text"', 'body'],
    [JSON.stringify({ location: { timestamp: '2025-05-09T04:11:30Z' } }), 'id'],
    [JSON.stringify({ device_id: '', location: {} }), 'id'],
    [JSON.stringify({ device_id: { x: 1 } }), 'device_id'],
    [JSON.stringify({ device_id: '1', location: 'here' }), 'location'],
    [JSON.stringify({ device_id: '1', location: { timestamp: 'yesterday' } }), 'location.timestamp'],
    [JSON.stringify({ device_id: '1', location: { coords: { latitude: 1 } } }), 'lon'],
    [
      JSON.stringify({ device_id: '1', location: { coords: { latitude: 95, longitude: 1 } } }),
      'location.coords.latitude',
    ],
    [
      JSON.stringify({ device_id: '1', location: { coords: { latitude: 1, longitude: [1] } } }),
      'location.coords.longitude',
    ],
    [
      JSON.stringify({ device_id: '1', location: { coords: { latitude: 1, longitude: 2, speed: 'fast' } } }),
      'location.coords.speed',
    ],
    [JSON.stringify({ device_id: '1', location: { battery: { level: 45 } } }), 'location.battery.level'],
    [
      JSON.stringify({ device_id: '1', location: { battery: { level: 0.5, is_charging: 'perhaps' } } }),
      'location.battery.is_charging',
    ],
  ])('%s → 400 naming %s', (text, field) => {
    expect(rejected(decodeOsmand(body('application/json', text))).field).toBe(field);
  });
});

describe('decodeOsmand: raw text', () => {
  it('truncates the request line and body to 2 KB', () => {
    const event = ok(
      decodeOsmand(body('application/x-www-form-urlencoded', `id=1&note=${'é'.repeat(3000)}`)),
    );
    expect(Buffer.byteLength(event.raw)).toBeLessThanOrEqual(2048);
    expect(Buffer.byteLength(event.raw)).toBeGreaterThan(2040);
    expect(event.raw.endsWith('é')).toBe(true);
  });
});
