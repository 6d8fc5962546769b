import { describe, expect, it } from 'vitest';
import type { Device } from '../api/contract.ts';
import { silentDevices } from './SilentDevices.tsx';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const device = (over: Partial<Device>): Device =>
  ({
    id: over.serial ?? 'x',
    serial: 'XM-1',
    state: 'issued',
    heartbeatIntervalSeconds: 3600,
    lastHeartbeatAt: '2026-12-04T11:30:00Z',
    ...over,
  }) as Device;

describe('silent buttons', () => {
  it('an issued button not heard within twice its interval has gone silent', () => {
    const late = device({ serial: 'late', lastHeartbeatAt: '2026-12-04T09:59:00Z' });
    const onTime = device({ serial: 'on-time', lastHeartbeatAt: '2026-12-04T10:01:00Z' });
    expect(silentDevices([late, onTime], NOW).map((d) => d.serial)).toEqual(['late']);
  });

  it('a button in stock, or issued and not heard yet, is not silent', () => {
    const stock = device({ serial: 'stock', state: 'in_stock', lastHeartbeatAt: '2026-11-01T00:00:00Z' });
    const fresh = device({ serial: 'fresh', lastHeartbeatAt: null });
    expect(silentDevices([stock, fresh], NOW)).toEqual([]);
  });
});
