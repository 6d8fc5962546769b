import { describe, expect, it } from 'vitest';
import { parseCoordinate, parseExtendedData } from './xdata.ts';

describe('parseCoordinate', () => {
  it.each([
    ['006E07.7777777', 'lon', 6 + 7.7777777 / 60],
    ['49N06.6666666', 'lat', 49 + 6.6666666 / 60],
    ['073W59.0000000', 'lon', -(73 + 59 / 60)],
    ['33S52.0000000', 'lat', -(33 + 52 / 60)],
    ['4.895168', 'lon', 4.895168],
    ['-4.895168', 'lon', -4.895168],
    ['+52.370216', 'lat', 52.370216],
    ['E4.895168', 'lon', 4.895168],
    ['52.370216N', 'lat', 52.370216],
    ['S34.5', 'lat', -34.5],
    ['90', 'lat', 90],
    ['-180.0', 'lon', -180],
  ] as const)('%s (%s) → %f', (value, axis, degrees) => {
    expect(parseCoordinate(value, axis)).toBeCloseTo(degrees, 9);
  });

  it.each([
    ['90.000001', 'lat'],
    ['180.5', 'lon'],
    ['91N00.0', 'lat'],
    ['006N07.7', 'lon'],
    ['49E06.6', 'lat'],
    ['49N60.0', 'lat'],
    ['N-4.5', 'lat'],
    ['N4.5S', 'lat'],
    ['4,895', 'lon'],
    ['', 'lon'],
    ['NaN', 'lat'],
  ] as const)('refuses %j as %s', (value, axis) => {
    expect(parseCoordinate(value, axis)).toBeUndefined();
  });
});

describe('parseExtendedData', () => {
  it('needs both X and Y for a position and keeps the raw blocks', () => {
    expect(parseExtendedData(['X4.9']).position).toBeUndefined();
    expect(parseExtendedData(['Y52.1', 'X4.9', 'Zabc']).position).toEqual({
      lat: 52.1,
      lon: 4.9,
      raw: '[Y52.1][X4.9][Zabc]',
    });
  });

  it('drops a position with one coordinate out of range', () => {
    expect(parseExtendedData(['X4.9', 'Y95']).position).toBeUndefined();
  });

  it('reads alarm text without control characters and the time of occurrence', () => {
    const data = parseExtendedData(['IDoor\u0000 forced ', 'H_01:02:03,04-05-2025', 'Kkeyexchange']);
    expect(data.text).toBe('Door  forced');
    expect(data.occurredAt?.toISOString()).toBe('2025-04-05T01:02:03.000Z');
  });

  it('ignores an unreadable time of occurrence', () => {
    expect(parseExtendedData(['Hyesterday']).occurredAt).toBeUndefined();
  });
});
