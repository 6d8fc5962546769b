// The device form's values and the request bodies they become (pure; the form checks the bodies with the
// server's schema before sending).
import type { Body, Device, DeviceInput, DevicePatch, DeviceProtocol, DeviceState } from '../api/contract.ts';
import { centsToEuroInput, parseEurosToCents, parsePositiveInt } from './labels.ts';

export interface DeviceValues {
  vendor: string;
  model: string;
  serial: string;
  imei: string;
  simNumber: string;
  protocol: DeviceProtocol;
  account: string;
  key: string;
  /** euros as typed, "115,00" */
  rent: string;
  heartbeatInterval: string;
  state: DeviceState;
}

export const EMPTY_DEVICE: DeviceValues = {
  vendor: '',
  model: '',
  serial: '',
  imei: '',
  simNumber: '',
  protocol: 'dc09',
  account: '',
  key: '',
  rent: '',
  heartbeatInterval: '3600',
  state: 'in_stock',
};

export function deviceValues(d: Device): DeviceValues {
  return {
    vendor: d.vendor,
    model: d.model,
    serial: d.serial,
    imei: d.imei ?? '',
    simNumber: d.simNumber ?? '',
    protocol: d.protocol,
    account: d.account,
    key: '',
    rent: centsToEuroInput(d.rentPerQuarterCents),
    heartbeatInterval: String(d.heartbeatIntervalSeconds),
    state: d.state,
  };
}

/** The form field that shows a body property's error, where their names differ. */
export const DEVICE_FIELD_OF: Record<string, keyof DeviceValues> = {
  rentPerQuarterCents: 'rent',
  heartbeatIntervalSeconds: 'heartbeatInterval',
};

/**
 * The device as a request body: texts trimmed, euros in cents, the optional texts (IMEI, SIM, key) left out
 * when empty. A number that cannot be read is left out too; `unreadableNumbers` names it at its field.
 */
export function deviceBody(values: DeviceValues): Partial<DeviceInput> {
  const body: Partial<DeviceInput> = {
    vendor: values.vendor.trim(),
    model: values.model.trim(),
    serial: values.serial.trim(),
    protocol: values.protocol,
    account: values.account.trim(),
  };
  const cents = parseEurosToCents(values.rent);
  if (cents !== null) body.rentPerQuarterCents = cents;
  const interval = parsePositiveInt(values.heartbeatInterval);
  if (interval !== null) body.heartbeatIntervalSeconds = interval;
  if (values.imei.trim()) body.imei = values.imei.trim();
  if (values.simNumber.trim()) body.simNumber = values.simNumber.trim();
  if (values.key) body.key = values.key;
  return body;
}

/** The fields whose number the schema cannot judge because it cannot be read at all. */
export function unreadableNumbers(values: DeviceValues): (keyof DeviceValues)[] {
  const out: (keyof DeviceValues)[] = [];
  if (parseEurosToCents(values.rent) === null) out.push('rent');
  if (parsePositiveInt(values.heartbeatInterval) === null) out.push('heartbeatInterval');
  return out;
}

/** Only what changed (the key only when a new one was typed; a cleared IMEI or SIM number becomes null). */
export function devicePatch(device: Device, values: DeviceValues): DevicePatch {
  const input = deviceBody(values);
  const patch: DevicePatch = {};
  if (input.vendor !== device.vendor) patch.vendor = input.vendor;
  if (input.model !== device.model) patch.model = input.model;
  if (input.serial !== device.serial) patch.serial = input.serial;
  if ((input.imei ?? null) !== device.imei) patch.imei = input.imei ?? null;
  if ((input.simNumber ?? null) !== device.simNumber) patch.simNumber = input.simNumber ?? null;
  if (input.protocol !== device.protocol) patch.protocol = input.protocol;
  if (input.account !== device.account) patch.account = input.account;
  if (input.key) patch.key = input.key;
  if (input.rentPerQuarterCents !== device.rentPerQuarterCents)
    patch.rentPerQuarterCents = input.rentPerQuarterCents;
  if (input.heartbeatIntervalSeconds !== device.heartbeatIntervalSeconds)
    patch.heartbeatIntervalSeconds = input.heartbeatIntervalSeconds;
  if (values.state !== device.state) patch.state = values.state;
  return patch;
}

/** The chosen case as the body of the assign request (none chosen: left out, the schema requires it). */
export const assignBody = ({
  caseId,
}: {
  caseId: string;
}): Partial<Body<'/api/v1/devices/{id}/assign', 'post'>> => (caseId ? { caseId } : {});
