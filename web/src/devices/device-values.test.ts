import { describe, expect, it } from 'vitest';
import type { Device } from '../api/contract.ts';
import {
  assignBody,
  deviceBody,
  devicePatch,
  deviceValues,
  EMPTY_DEVICE,
  unreadableNumbers,
} from './device-values.ts';

const device: Device = {
  id: '00000000-0000-4000-8000-000000000001',
  organisationId: '00000000-0000-4000-8000-000000000002',
  organisationName: 'Team',
  regionId: '00000000-0000-4000-8000-000000000003',
  vendor: 'X-mark',
  model: 'AWARE-knop 4G',
  serial: 'XM-1',
  imei: '123456789012345',
  simNumber: null,
  protocol: 'dc09',
  account: '7777',
  hasKey: true,
  rentPerQuarterCents: 11500,
  state: 'in_stock',
  testMode: false,
  caseId: null,
  caseReference: null,
  heartbeatIntervalSeconds: 3600,
  lastHeartbeatAt: null,
  batteryPercent: null,
  charging: null,
  lastPosition: null,
};

describe('the device form’s request bodies', () => {
  it('trims texts, turns euros into cents and leaves empty optional texts out', () => {
    expect(
      deviceBody({
        ...EMPTY_DEVICE,
        vendor: ' X-mark ',
        model: 'Knop',
        serial: 'XM-7',
        account: ' 7777 ',
        rent: '115,50',
        imei: '  ',
      }),
    ).toEqual({
      vendor: 'X-mark',
      model: 'Knop',
      serial: 'XM-7',
      protocol: 'dc09',
      account: '7777',
      rentPerQuarterCents: 11550,
      heartbeatIntervalSeconds: 3600,
    });
  });

  it('leaves out a number it cannot read, and names its field', () => {
    const values = { ...EMPTY_DEVICE, rent: 'veel', heartbeatInterval: '0' };
    expect(deviceBody(values)).not.toHaveProperty('rentPerQuarterCents');
    expect(deviceBody(values)).not.toHaveProperty('heartbeatIntervalSeconds');
    expect(unreadableNumbers(values)).toEqual(['rent', 'heartbeatInterval']);
    expect(unreadableNumbers({ ...EMPTY_DEVICE, rent: '12' })).toEqual([]);
  });

  it('patches only what changed; a cleared IMEI becomes null, the key only when typed', () => {
    expect(devicePatch(device, deviceValues(device))).toEqual({});
    expect(devicePatch(device, { ...deviceValues(device), imei: '', rent: '120', state: 'issued' })).toEqual({
      imei: null,
      rentPerQuarterCents: 12000,
      state: 'issued',
    });
    expect(devicePatch(device, { ...deviceValues(device), key: 'abc' })).toEqual({ key: 'abc' });
  });

  it('asks for a case only when one is chosen', () => {
    expect(assignBody({ caseId: '' })).toEqual({});
    expect(assignBody({ caseId: device.id })).toEqual({ caseId: device.id });
  });
});
