import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../../server/src/events/device-event.ts';
import { type OsmandReceiver, startOsmandReceiver } from '../../../server/src/ingest/osmand/receiver.ts';
import { osmandQuery, sendOsmand } from './osmand-client.ts';

const silent = { debug: () => {}, warn: () => {}, error: () => {} };
const handled: DeviceEvent[] = [];
let receiver: OsmandReceiver;
let failStore = false;

beforeAll(async () => {
  receiver = await startOsmandReceiver({
    port: 0,
    host: '127.0.0.1',
    handle: async (event) => {
      if (failStore) throw new Error('store down');
      handled.push(event);
    },
    isKnownDevice: async (id) => id.startsWith('sim-'),
    log: silent,
  });
});

afterAll(async () => {
  await receiver.close();
});

const target = () => ({ host: '127.0.0.1', port: receiver.port });

function last(): DeviceEvent {
  const event = handled.at(-1);
  if (!event) throw new Error('nothing stored');
  return event;
}

describe('sendOsmand against the real receiver', () => {
  it('sends a panic as alarm=sos with position', async () => {
    const result = await sendOsmand({
      ...target(),
      id: 'sim-1',
      kind: 'panic',
      lat: 52.09,
      lon: 5.12,
      battery: 80,
    });
    expect(result.status).toBe(200);
    expect(result.latencyMs).toBeGreaterThan(0);
    expect(last()).toMatchObject({
      deviceAccount: 'sim-1',
      kind: 'panic',
      code: 'alarm=sos',
      position: { lat: 52.09, lon: 5.12 },
      batteryPercent: 80,
    });
    expect(last().raw.startsWith('POST /?id=sim-1&timestamp=')).toBe(true);
    expect(Math.abs(last().occurredAt!.getTime() - Date.now())).toBeLessThan(5_000);
  });

  it('sends a test alarm', async () => {
    expect((await sendOsmand({ ...target(), id: 'sim-2', kind: 'test' })).status).toBe(200);
    expect(last()).toMatchObject({ deviceAccount: 'sim-2', kind: 'test' });
  });

  it('sends low battery with 5 % unless told otherwise', async () => {
    await sendOsmand({ ...target(), id: 'sim-3', kind: 'battery' });
    expect(last()).toMatchObject({ kind: 'low_battery', batteryPercent: 5 });
    await sendOsmand({ ...target(), id: 'sim-3', kind: 'battery', battery: 9 });
    expect(last()).toMatchObject({ kind: 'low_battery', batteryPercent: 9 });
  });

  it('sends a heartbeat as a position when it has coordinates, plain otherwise', async () => {
    await sendOsmand({ ...target(), id: 'sim-4', kind: 'heartbeat', lat: 1.5, lon: 2.5 });
    expect(last()).toMatchObject({ kind: 'position', position: { lat: 1.5, lon: 2.5 } });
    await sendOsmand({ ...target(), id: 'sim-4', kind: 'heartbeat' });
    expect(last().kind).toBe('heartbeat');
    expect(last().position).toBeUndefined();
  });

  it('reports the status and body of a rejection', async () => {
    const before = handled.length;
    const unknown = await sendOsmand({ ...target(), id: 'stranger', kind: 'panic' });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body)).toMatchObject({ field: 'id' });
    failStore = true;
    try {
      expect((await sendOsmand({ ...target(), id: 'sim-5', kind: 'panic' })).status).toBe(503);
    } finally {
      failStore = false;
    }
    expect(handled.length).toBe(before);
  });

  it('rejects when nothing listens', async () => {
    await expect(sendOsmand({ host: '127.0.0.1', port: 1, id: 'sim-6', kind: 'test' })).rejects.toThrow();
  });
});

describe('osmandQuery', () => {
  it('only sends a position when both coordinates are given', () => {
    const query = osmandQuery(
      { host: 'h', port: 1, id: 'x', kind: 'panic', lat: 1 },
      new Date(1_700_000_000_500),
    );
    expect(query.toString()).toBe('id=x&timestamp=1700000000&alarm=sos');
  });
});
