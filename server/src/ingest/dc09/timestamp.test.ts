import { describe, expect, it } from 'vitest';
import { formatDc09Time, isWithinWindow, parseDc09Time } from './timestamp.ts';

describe('DC-09 timestamps', () => {
  it('parses and formats UTC', () => {
    const date = parseDc09Time('23:59:07,12-31-2024');
    expect(date?.toISOString()).toBe('2024-12-31T23:59:07.000Z');
    expect(formatDc09Time(new Date('2025-03-04T05:06:07.890Z'))).toBe('05:06:07,03-04-2025');
    // leap days: every fourth year, not a century, but every fourth century
    expect(parseDc09Time('00:00:00,02-29-2024')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseDc09Time('00:00:00,02-29-2000')?.toISOString()).toBe('2000-02-29T00:00:00.000Z');
    expect(parseDc09Time('00:00:00,12-31-2025')?.toISOString()).toBe('2025-12-31T00:00:00.000Z');
  });

  it.each([
    '24:00:00,01-01-2025',
    '12:60:00,01-01-2025',
    '12:00:00,02-30-2025',
    '12:00:00,02-29-2025',
    '12:00:00,02-29-1900',
    '12:00:00,04-31-2025',
    '12:00:00,00-10-2025',
    '12:00:00,01-00-2025',
    '12:00:59,01-01-0099',
    '12:00:00,13-01-2025',
    '1:00:00,01-01-2025',
    '12:00:00,01-01-25',
    '',
  ])('refuses %j', (text) => {
    expect(parseDc09Time(text)).toBeUndefined();
  });

  it('checks the replay window at both edges', () => {
    const now = new Date('2025-01-01T12:00:00Z');
    const at = (ms: number) => new Date(now.getTime() + ms);
    expect(isWithinWindow(at(-40_000), now)).toBe(true);
    expect(isWithinWindow(at(-40_001), now)).toBe(false);
    expect(isWithinWindow(at(20_000), now)).toBe(true);
    expect(isWithinWindow(at(20_001), now)).toBe(false);
    expect(isWithinWindow(at(-5_000), now, { pastMs: 1_000, futureMs: 1_000 })).toBe(false);
  });
});
