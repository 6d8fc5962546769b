import { describe, expect, it } from 'vitest';
import { cidKind, siaKind } from './codes.ts';
import { decodeCidData, decodeSiaData } from './payload.ts';

describe('Contact ID codes', () => {
  it.each([
    ['1', '100', 'panic'],
    ['1', '101', 'panic'],
    ['1', '120', 'panic'],
    ['1', '121', 'panic'],
    ['1', '122', 'panic'],
    ['1', '123', 'panic'],
    ['3', '120', 'restoral'],
    ['6', '120', 'panic'],
    ['1', '601', 'test'],
    ['1', '602', 'heartbeat'],
    ['1', '301', 'low_battery'],
    ['1', '302', 'low_battery'],
    ['1', '311', 'low_battery'],
    ['1', '384', 'low_battery'],
    ['3', '384', 'battery_restored'],
    ['3', '302', 'battery_restored'],
    ['1', '383', 'tamper'],
    ['3', '383', 'restoral'],
    ['1', '333', 'fault'],
    ['1', '999', 'fault'],
  ] as const)('%s%s → %s', (qualifier, event, kind) => {
    expect(cidKind(qualifier, event)).toBe(kind);
  });
});

describe('SIA DCS codes', () => {
  it.each([
    ['PA', 'panic'],
    ['QA', 'panic'],
    ['HA', 'panic'],
    ['RX', 'test'],
    ['RP', 'heartbeat'],
    ['YT', 'low_battery'],
    ['YR', 'battery_restored'],
    ['TA', 'tamper'],
    ['YP', 'fault'],
    ['YX', 'fault'],
    ['PR', 'restoral'],
    ['TR', 'restoral'],
    ['BA', 'fault'],
  ] as const)('%s → %s', (code, kind) => {
    expect(siaKind(code)).toBe(kind);
  });
});

describe('SIA DCS data blocks', () => {
  it.each([
    ['#1234|Nri1/PA501', { kind: 'panic', code: 'SIA PA', zone: '501' }],
    ['Nri1/PA501', { kind: 'panic', code: 'SIA PA', zone: '501' }],
    ['#0123|Nti20:50:26RP99', { kind: 'heartbeat', code: 'SIA RP', zone: '99' }],
    ['#1234|NRR|Atest', { kind: 'restoral', code: 'SIA RR', text: 'test' }],
    ['#1234|Nid12/ri3/YT', { kind: 'low_battery', code: 'SIA YT' }],
    ['#1234|NRP/TA7', { kind: 'tamper', code: 'SIA TA', zone: '7' }],
    ['#1234|NYT/PA501/502', { kind: 'panic', code: 'SIA PA', zone: '501' }],
    ['#1234|OP3', { kind: 'fault', code: 'SIA OP', zone: '3' }],
    ['#1234|', { kind: 'heartbeat' }],
    ['', { kind: 'heartbeat' }],
    ['#1234|Nri1/!!', { kind: 'fault', code: 'SIA ??' }],
  ] as const)('%j', (data, expected) => {
    expect(decodeSiaData(data)).toEqual(expected);
  });
});

describe('Contact ID data blocks', () => {
  it.each([
    ['#1234|1120 01 015', { kind: 'panic', code: 'CID 1120', zone: '015' }],
    ['1120 01 015', { kind: 'panic', code: 'CID 1120', zone: '015' }],
    ['#1234|3602 00 000', { kind: 'restoral', code: 'CID 3602', zone: '000' }],
    ['#1234|1120', { kind: 'fault', code: 'CID ????' }],
    ['#1234|2120 01 015', { kind: 'fault', code: 'CID ????' }],
    ['#1234|', { kind: 'heartbeat' }],
  ] as const)('%j', (data, expected) => {
    expect(decodeCidData(data)).toEqual(expected);
  });
});
