import { expect, it } from 'vitest';
import { dutchInstant } from './dutch-time.ts';

it('says an instant the Dutch way in Dutch time, to the millisecond, winter and summer', () => {
  expect(dutchInstant('2026-12-04T22:08:35.152Z')).toBe('4 december 2026 om 23:08:35,152');
  expect(dutchInstant('2026-07-01T22:00:00.005Z')).toBe('2 juli 2026 om 00:00:00,005');
});
