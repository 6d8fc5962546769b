import type { DeviceEventKind } from '../../events/device-event.ts';

const CID_NEW: Readonly<Record<string, DeviceEventKind>> = {
  '100': 'panic',
  '101': 'panic',
  '120': 'panic',
  '121': 'panic',
  '122': 'panic',
  '123': 'panic',
  '301': 'low_battery',
  '302': 'low_battery',
  '311': 'low_battery',
  '384': 'low_battery',
  '383': 'tamper',
  '601': 'test',
  '602': 'heartbeat',
};

/** Contact ID qualifier (1 new, 3 restore, 6 repeat) and 3-digit event → kind. Unknown events are faults. */
export function cidKind(qualifier: string, event: string): DeviceEventKind {
  const kind = CID_NEW[event] ?? 'fault';
  if (qualifier !== '3') return kind;
  return kind === 'low_battery' ? 'battery_restored' : 'restoral';
}

const SIA: Readonly<Record<string, DeviceEventKind>> = {
  PA: 'panic',
  QA: 'panic',
  HA: 'panic',
  RX: 'test',
  RP: 'heartbeat',
  YT: 'low_battery',
  YR: 'battery_restored',
  TA: 'tamper',
};

/** Two-letter SIA DCS event code → kind. Unknown codes are faults, so an operator still sees them. */
export function siaKind(code: string): DeviceEventKind {
  const known = SIA[code];
  if (known) return known;
  if (code.startsWith('Y')) return 'fault';
  if (code.endsWith('R')) return 'restoral';
  return 'fault';
}
