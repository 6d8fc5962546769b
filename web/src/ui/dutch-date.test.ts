import { describe, expect, it } from 'vitest';
import { dutchToday, dutchToIso, isoToDutch } from './dutch-date.ts';

describe('dates in Dutch notation', () => {
  it('reads day before month, with -, / or . between', () => {
    expect(dutchToIso('14-03-2026')).toBe('2026-03-14');
    expect(dutchToIso('4/3/2026')).toBe('2026-03-04');
    expect(dutchToIso(' 04.03.2026 ')).toBe('2026-03-04');
    expect(dutchToIso('')).toBe('');
  });

  it('refuses what is no real day in that order, rather than guessing', () => {
    expect(dutchToIso('03/14/2026')).toBeNull();
    expect(dutchToIso('31-02-2026')).toBeNull();
    expect(dutchToIso('14-03-26')).toBeNull();
    expect(dutchToIso('2026-03-14')).toBeNull();
  });

  it('shows a stored day as dd-mm-jjjj', () => {
    expect(isoToDutch('2026-03-04')).toBe('04-03-2026');
    expect(isoToDutch(dutchToIso('29-2-2028')!)).toBe('29-02-2028');
  });
});

describe('dutchToday', () => {
  it("is the Dutch calendar day, not the browser's: late evening UTC is already tomorrow in winter and summer", () => {
    expect(dutchToday(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-05');
    expect(dutchToday(new Date('2026-07-01T22:15:00Z'))).toBe('2026-07-02');
    expect(dutchToday(new Date('2026-12-04T22:59:00Z'))).toBe('2026-12-04');
  });
});
