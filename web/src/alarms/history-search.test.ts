import { describe, expect, it } from 'vitest';
import { dateProblems, historyPath, historyQuery } from './history-search.ts';

const empty = { reference: '', device: '', from: '', to: '' };

describe('the alarm history search', () => {
  it('sends what was typed, trimmed, with Dutch dates as ISO days, and leaves out what is empty', () => {
    expect(historyQuery({ ...empty, reference: ' AW-2026 ', from: '4-3-2026' }, 1)).toEqual({
      reference: 'AW-2026',
      from: '2026-03-04',
    });
    expect(historyQuery(empty, 3)).toEqual({ page: 3 });
  });

  it('writes the query into the address, and no question mark without one', () => {
    expect(historyPath({ device: 'XM 1', page: 2 })).toBe('/alarms/history?device=XM+1&page=2');
    expect(historyPath({})).toBe('/alarms/history');
  });

  it('refuses a day that does not exist and an end before the start', () => {
    expect(dateProblems({ from: '31-02-2026', to: '' })).toEqual({ from: 'dateInvalid' });
    expect(dateProblems({ from: '05-03-2026', to: '04-03-2026' })).toEqual({ to: 'toBeforeFrom' });
    expect(dateProblems({ from: '04-03-2026', to: '04-03-2026' })).toEqual({});
  });
});
