import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Platform } from '../platform.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { ALARM_EVENT_FORWARD, POSITION_FORWARD, ROUTINE_FORWARD, withChanges } from './traccar/fixtures.ts';
import { insertVendor } from './vendor-repository.ts';

const INTEGRATION = { name: 'Traccar Utrecht', secret: 'traccar-utrecht-secret-0123456789abcdef' };
const OTHER = { name: 'Traccar Zwolle', secret: 'traccar-zwolle-secret-0123456789abcdef' };

interface Problem {
  status: number;
  errors?: { field: string }[];
}

/** A Traccar integration (a vendor whose secret is its bearer token) and one of its devices, by uniqueId. */
async function registerDevice(p: Platform, integration: string, uniqueId: string) {
  await p.db.query(
    `insert into devices (organisation_id, vendor, model, serial, protocol, account, case_id, state)
     select organisation_id, $1, 'EV07B', $2, 'traccar', $2, case_id, 'issued' from devices
     where account = 'demo-phone-1'`,
    [integration, uniqueId],
  );
}

const countAlarms = async (p: Platform, account: string) =>
  (
    await p.db.query<{ n: number }>(
      'select count(*)::int as n from alarms a join devices d on d.id = a.device_id where d.account = $1',
      [account],
    )
  ).rows[0]!.n;

/** The SOS fixture from one device, pressed at one time (each test its own press). */
function sos(uniqueId: string, time: string, alarm = 'sos') {
  return withChanges(POSITION_FORWARD, (b) => {
    b.device.uniqueId = uniqueId;
    b.position.deviceTime = time;
    b.position.fixTime = time;
    b.position.attributes.alarm = alarm;
  });
}

describeEachEngine('Traccar forwarding into the alarm chain', (engine) => {
  let p: TestPlatform;
  const forward = (
    path: 'positions' | 'events',
    body: unknown,
    auth: { name: string; secret: string } = INTEGRATION,
  ) =>
    fetch(`${p.url}/api/v1/ingest/traccar/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-aware-vendor': auth.name,
        authorization: `Bearer ${auth.secret}`,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    p = await startTestPlatform(engine);
    await insertVendor(p.db, p.secrets, INTEGRATION.name, INTEGRATION.secret);
    await insertVendor(p.db, p.secrets, OTHER.name, OTHER.secret);
    for (const id of ['tr-1', 'tr-2', 'tr-3', 'tr-4', 'tr-5']) await registerDevice(p, INTEGRATION.name, id);
    await registerDevice(p, OTHER.name, 'tr-zwolle');
  });
  afterAll(() => p.close());

  it('a forwarded SOS is stored, acknowledged and on the operator console with its position and fix time', async () => {
    const response = await forward('positions', sos('tr-1', '2026-03-01T11:59:58.000+00:00'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ stored: 1 });

    const operator = await signIn(p, 'operator');
    const open: { deviceAccount: string; kind: string; code: string; position: Record<string, unknown> }[] =
      await (await operator('/api/v1/alarms?state=open')).json();
    const alarm = open.find((a) => a.deviceAccount === 'tr-1');
    expect(alarm).toMatchObject({ kind: 'panic', code: 'alarm=sos' });
    expect(alarm!.position).toMatchObject({
      lat: 52.2226,
      lon: 5.1746,
      accuracy: 25,
      fixedAt: '2026-03-01T11:59:58.000Z',
      address: null,
    });
  });

  it('a retry and the same alarm by event forwarding are stored once', async () => {
    const time = '2026-03-01T12:10:00.000+00:00';
    for (let i = 0; i < 3; i++) expect((await forward('positions', sos('tr-2', time))).status).toBe(200);
    const event = withChanges(ALARM_EVENT_FORWARD, (b) => {
      b.device.uniqueId = 'tr-2';
      b.event.eventTime = time;
      b.position.deviceTime = time;
      b.position.fixTime = time;
    });
    expect((await forward('events', event)).status).toBe(200);
    expect((await forward('events', event)).status).toBe(200);
    expect(await countAlarms(p, 'tr-2')).toBe(1);
  });

  it('a fall is a panic; a position with a low battery too raises both, one each', async () => {
    const response = await forward(
      'positions',
      sos('tr-3', '2026-03-01T12:20:00.000+00:00', 'fallDown,lowBattery'),
    );
    expect(await response.json()).toEqual({ stored: 2 });
    const kinds = await p.db.query<{ kind: string; code: string }>(
      `select a.kind, a.code from alarms a join devices d on d.id = a.device_id where d.account = 'tr-3'
       order by a.kind`,
    );
    expect(kinds.rows).toEqual([
      { kind: 'low_battery', code: 'alarm=lowBattery' },
      { kind: 'panic', code: 'alarm=fallDown' },
    ]);
  });

  it('routine positions and events that are not alarms are acknowledged and raise nothing', async () => {
    const routine = withChanges(ROUTINE_FORWARD, (b) => {
      b.device.uniqueId = 'tr-4';
    });
    expect(await (await forward('positions', routine)).json()).toEqual({ stored: 1 });
    const online = withChanges(ALARM_EVENT_FORWARD, (b) => {
      b.device.uniqueId = 'tr-4';
      b.event.type = 'deviceOnline';
    });
    expect(await (await forward('events', online)).json()).toEqual({ stored: 0 });
    expect(await countAlarms(p, 'tr-4')).toBe(0);
    const seen = await p.db.query<{ seen: Date | null }>(
      `select last_seen_at as seen from devices where account = 'tr-4'`,
    );
    expect(seen.rows[0]!.seen).not.toBeNull();
  });

  it('forged requests are refused with problem+json naming the field, and nothing is stored', async () => {
    const body = sos('tr-5', '2026-03-01T12:30:00.000+00:00');
    const refusals: [Response, number, string | undefined][] = [
      [await forward('positions', body, { ...INTEGRATION, secret: 'guessed' }), 401, undefined],
      [
        await forward('positions', body, { name: 'Traccar Nergens', secret: INTEGRATION.secret }),
        401,
        undefined,
      ],
      [await forward('positions', body, OTHER), 400, 'device/uniqueId'],
      [
        await forward('positions', sos('tr-unknown', '2026-03-01T12:30:00.000+00:00')),
        400,
        'device/uniqueId',
      ],
      [await forward('positions', sos('tr-zwolle', '2026-03-01T12:30:00.000+00:00')), 400, 'device/uniqueId'],
      [await forward('positions', '{"position": {'), 400, 'body'],
      [
        await forward(
          'positions',
          withChanges(ROUTINE_FORWARD, (b) => {
            b.device.uniqueId = 'tr-5';
            b.position.latitude = 95;
          }),
        ),
        400,
        'position/latitude',
      ],
      [
        await forward(
          'positions',
          withChanges(ROUTINE_FORWARD, (b) => {
            b.device.uniqueId = 'tr-5';
            b.position.deviceTime = '2031-01-01T00:00:00.000+00:00';
          }),
        ),
        400,
        'position/deviceTime',
      ],
      [await forward('events', { device: { uniqueId: 'tr-5' } }), 400, 'event'],
    ];
    for (const [response, status, field] of refusals) {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await response.json()) as Problem;
      expect(problem.status).toBe(status);
      if (field) expect(problem.errors?.map((e) => e.field)).toEqual([field]);
    }
    expect(await countAlarms(p, 'tr-5')).toBe(0);
    expect(await countAlarms(p, 'tr-zwolle')).toBe(0);
    const seen = await p.db.query<{ seen: Date | null }>(
      `select last_seen_at as seen from devices where account = 'tr-5'`,
    );
    expect(seen.rows[0]!.seen).toBeNull();
  });
});
