import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../crypto/sealed.ts';
import type { Queryable } from '../db/index.ts';
import { createMetrics } from '../metrics/registry.ts';
import type { BusMessage } from '../realtime/bus.ts';
import { createAddressFinder } from './address-finder.ts';
import type { Geocoder } from './geocoder.ts';

const FIX = { lat: 52.222612, lon: 5.174634, accuracy: 25 };

function finder(geocoder: Geocoder) {
  const logs: unknown[] = [];
  const stored: string[] = [];
  const published: BusMessage[] = [];
  const db = {
    query: async (_sql: string, params: unknown[]) => {
      stored.push(String(params[1]));
      return { rows: [{ alarmId: params[0], regionId: 'r', eventId: 7 }], rowCount: 1 };
    },
  } as unknown as Queryable;
  const addresses = createAddressFinder({
    db,
    secrets: createSecretBox(Buffer.alloc(32, 1)),
    bus: { publish: (m) => published.push(m) },
    metrics: createMetrics(),
    log: { info: (f, m) => logs.push([f, m]), warn: (f, m) => logs.push([f, m]) },
    geocoder,
    timeoutMs: 100,
    cacheEntries: 100,
  });
  return { addresses, logs, stored, published };
}

describe('the address finder', () => {
  it('asks once for many alarms at one place and tells the consoles of each', async () => {
    let asked = 0;
    const { addresses, stored, published } = finder(async (lat, lon) => {
      asked += 1;
      expect([lat, lon]).toEqual([52.2226, 5.1746]);
      return {
        text: 'Stationsplein 1, 1211EX Hilversum',
        point: { lat: 52.2228, lon: 5.1746 },
        distanceMetres: 9,
      };
    });
    for (const id of ['a1', 'a2', 'a3']) addresses.forAlarm(id, FIX);
    await addresses.idle();
    expect(asked).toBe(1);
    expect(stored).toHaveLength(3);
    expect(published.map((m) => m.alarmId)).toEqual(['a1', 'a2', 'a3']);
  });

  it('stores nothing when the geocoder times out, fails or knows nothing, and logs neither place nor address', async () => {
    const never: Geocoder = (_lat, _lon, signal) =>
      new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    for (const geocoder of [
      never,
      async () => Promise.reject(new Error('52.2226 refused')),
      async () => null,
    ]) {
      const { addresses, logs, stored, published } = finder(geocoder);
      addresses.forAlarm('a1', FIX);
      await addresses.idle();
      expect(stored).toEqual([]);
      expect(published).toEqual([]);
      const text = JSON.stringify(logs);
      for (const secret of ['52.22', '5.17', 'Stationsplein']) expect(text).not.toContain(secret);
    }
  });
});
