import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { openConsoleStream } from '../faults/console-stream.ts';
import { POSITION_FORWARD, withChanges } from '../ingest/traccar/fixtures.ts';
import { insertVendor } from '../ingest/vendor-repository.ts';
import { describeEachEngine } from '../testing/databases.ts';
import {
  type GeocoderStandIn,
  STAND_IN_ADDRESS,
  startGeocoderStandIn,
} from '../testing/geocoder-stand-in.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

const INTEGRATION = { name: 'Traccar Gooi', secret: 'traccar-gooi-secret-0123456789abcdef' };
const TIMEOUT_MS = 400;

interface AlarmPosition {
  lat: number;
  fixedAt: string | null;
  ageAtAlarmSeconds: number | null;
  address: { text: string; distanceMetres: number | null } | null;
}

/**
 * Reverse geocoding against a local STAND-IN for PDOK Locatieserver (testing/geocoder-stand-in.ts), never the
 * real service: the address follows the alarm, and a slow, failing or silent geocoder delays nothing and
 * invents nothing.
 */
describeEachEngine('an address for every alarm position', (engine) => {
  let p: TestPlatform;
  let standIn: GeocoderStandIn;
  let press = 0;

  beforeAll(async () => {
    standIn = await startGeocoderStandIn();
    p = await startTestPlatform(engine, {
      env: {
        AWARE_GEOCODER: 'pdok',
        AWARE_GEOCODER_URL: standIn.url,
        AWARE_GEOCODER_TIMEOUT_MS: String(TIMEOUT_MS),
      },
    });
    await insertVendor(p.db, p.secrets, INTEGRATION.name, INTEGRATION.secret);
    for (const id of ['geo-1', 'geo-2', 'geo-3', 'geo-4', 'geo-5']) {
      await p.db.query(
        `insert into devices (organisation_id, vendor, model, serial, protocol, account, case_id, state)
         select organisation_id, $1, 'EV07B', $2, 'traccar', $2, case_id, 'issued' from devices
         where account = 'demo-phone-1'`,
        [INTEGRATION.name, id],
      );
    }
  });
  afterEach(() => {
    standIn.mode = 'address';
  });
  afterAll(async () => {
    await p.close();
    await standIn.close();
  });

  /** A Traccar SOS at the stand-in's place (or elsewhere); answers the acknowledgement time and the alarm id. */
  async function panic(uniqueId: string, at: { lat: number; lon: number } = { lat: 52.2226, lon: 5.1746 }) {
    press += 1;
    const time = new Date(Date.UTC(2026, 2, 1, 13, 0, press)).toISOString();
    const body = withChanges(POSITION_FORWARD, (b) => {
      b.device.uniqueId = uniqueId;
      b.position.deviceTime = time;
      b.position.fixTime = new Date(Date.parse(time) - 30_000).toISOString();
      b.position.latitude = at.lat;
      b.position.longitude = at.lon;
    });
    const started = performance.now();
    const response = await fetch(`${p.url}/api/v1/ingest/traccar/positions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-aware-vendor': INTEGRATION.name,
        authorization: `Bearer ${INTEGRATION.secret}`,
      },
      body: JSON.stringify(body),
    });
    const ackMs = performance.now() - started;
    expect(response.status).toBe(200);
    const row = await p.db.query<{ id: string }>(
      `select a.id from alarms a join devices d on d.id = a.device_id where d.account = $1
       order by a.received_at desc limit 1`,
      [uniqueId],
    );
    return { ackMs, alarmId: row.rows[0]!.id };
  }

  async function positionOf(alarmId: string): Promise<AlarmPosition> {
    const operator = await signIn(p, 'operator');
    const alarm = (await (await operator(`/api/v1/alarms/${alarmId}`)).json()) as { position: AlarmPosition };
    return alarm.position;
  }

  it('the address follows the alarm on the console stream and in the alarm, with the fix age', async () => {
    const operator = await signIn(p, 'operator');
    const stream = await openConsoleStream(p.url, operator.cookie);
    const { ackMs, alarmId } = await panic('geo-1');
    const shown = async () =>
      stream.events.filter((e) => e.event === 'alarm' && e.data.id === alarmId).map((e) => e.data);
    await expect.poll(async () => (await shown()).length, { timeout: 5000 }).toBeGreaterThanOrEqual(1);
    // the first card is sent without waiting for the geocoder; the address arrives as a later update
    await expect
      .poll(async () => (await shown()).at(-1)?.position, { timeout: 5000 })
      .toMatchObject({ address: { text: STAND_IN_ADDRESS, distanceMetres: 25 } });
    stream.close();

    const position = await positionOf(alarmId);
    expect(position).toMatchObject({
      address: { text: STAND_IN_ADDRESS, distanceMetres: 25 },
      ageAtAlarmSeconds: expect.any(Number),
    });
    expect(position.fixedAt).not.toBeNull();
    // what left Aware was rounded to 4 decimals (~10 m), never the exact fix
    expect(standIn.asked.at(-1)).toEqual({ lat: '52.2226', lon: '5.1746' });
    console.info(`ACK with the stand-in geocoder answering: ${ackMs.toFixed(1)} ms`);
  });

  it('a second alarm at the same place is answered from the cache, without asking again', async () => {
    const asked = standIn.asked.length;
    const { ackMs, alarmId } = await panic('geo-2', { lat: 52.22262, lon: 5.17461 });
    console.info(`ACK with the stand-in geocoder answering (warm): ${ackMs.toFixed(1)} ms`);
    await expect
      .poll(async () => (await positionOf(alarmId)).address?.text, { timeout: 5000 })
      .toBe(STAND_IN_ADDRESS);
    expect(standIn.asked.length).toBe(asked);
  });

  it('a slow geocoder delays neither the acknowledgement nor the alarm, and no address is invented', async () => {
    standIn.mode = 'slow';
    standIn.delayMs = 3000;
    const { ackMs, alarmId } = await panic('geo-3', { lat: 52.3, lon: 5.3 });
    expect(ackMs).toBeLessThan(TIMEOUT_MS);
    expect((await positionOf(alarmId)).address).toBeNull();
    await p.addresses.idle();
    // the look-up gave up after the timeout: still no address, none made up
    expect((await positionOf(alarmId)).address).toBeNull();
    console.info(`ACK with the stand-in geocoder answering after 3 s: ${ackMs.toFixed(1)} ms`);
  });

  it('a failing or dead geocoder, or one that knows no address there, leaves the position without one', async () => {
    standIn.mode = 'error';
    const failed = await panic('geo-4', { lat: 52.4, lon: 5.4 });
    standIn.mode = 'none';
    const none = await panic('geo-4', { lat: 52.5, lon: 5.5 });
    await p.addresses.idle();
    expect((await positionOf(failed.alarmId)).address).toBeNull();
    expect((await positionOf(none.alarmId)).address).toBeNull();

    await standIn.close();
    const dead = await panic('geo-5', { lat: 52.6, lon: 5.6 });
    expect(dead.ackMs).toBeLessThan(TIMEOUT_MS);
    await p.addresses.idle();
    expect((await positionOf(dead.alarmId)).address).toBeNull();
    console.info(`ACK with the stand-in geocoder dead: ${dead.ackMs.toFixed(1)} ms`);
  });
});
