import { describe, expect, it } from 'vitest';
import { type Cell, cell, count, HIDDEN, protect, publish, SUPPRESSED, share } from './suppression.ts';

const shown = (cells: Cell[]) => cells.map((c) => publish(c, true));

describe('small-cell suppression (pure)', () => {
  it('hides a cell resting on 1 to 4 cases, never 0 or 5 and more', () => {
    const cells = [0, 1, 4, 5, 12].map(count);
    protect(cells, []);
    expect(shown(cells)).toEqual([0, SUPPRESSED, SUPPRESSED, 5, 12]);
  });

  it('judges a cell by the cases behind it, not by its value (40 alarms of 3 clients are hidden)', () => {
    const alarms = cell(40, 3);
    protect([alarms], []);
    // "< 5" would be a lie about 40 alarms: the figure says it is hidden
    expect(publish(alarms, true)).toBe(HIDDEN);
  });

  it('never shows money as "< 5": an amount resting on 2 cases is hidden, not "less than 5 euro"', () => {
    const replacementCents = cell(2 * 45000, 2);
    protect([replacementCents], []);
    expect(publish(replacementCents, true)).toBe(HIDDEN);
  });

  it('hides linked cells together: a hidden number of replacements hides their cost at a known price', () => {
    const replacements = count(7);
    const replacementCents = cell(7 * 45000, 7);
    const rent = cell(900000, 12);
    const total = cell(900000 + 7 * 45000, 12);
    // the count is hidden (e.g. by another rule); its cost would give it back as cost / price
    replacements.hidden = true;
    protect([], [{ cells: [rent, replacementCents], total }], [[replacements, replacementCents]]);
    expect(publish(replacementCents, true)).toBe(HIDDEN);
    // and then rent + cost = total needs a second hidden member, so the cost is not total − rent
    expect([rent, total].filter((c) => publish(c, true) === HIDDEN)).toHaveLength(1);
  });

  it('hides a second cell when one hidden cell could be recovered from the total', () => {
    // 3 + 10 + 7 = 20: with only "3" hidden, 20 − 10 − 7 gives it back; the smallest other (7) goes too
    const cells = [count(3), count(10), count(7)];
    const total = count(20);
    protect([], [{ cells, total }]);
    // 3 is a small count ("< 5"); 7 is hidden only so that 3 stays hidden: "< 5" would be untrue of it
    expect(shown(cells)).toEqual([SUPPRESSED, 10, HIDDEN]);
    expect(publish(total, true)).toBe(20);
  });

  it('leaves a group alone when two cells are already hidden', () => {
    const cells = [count(2), count(3), count(9)];
    const total = count(14);
    protect([], [{ cells, total }]);
    expect(shown([...cells, total])).toEqual([SUPPRESSED, SUPPRESSED, 9, 14]);
  });

  it('hides the total when no other cell can be hidden (the rest are zeros)', () => {
    // 6 = 6 + 0 + 0 is fine; but a hidden cell with only zeros beside it equals the total
    const cells = [cell(6, 3), count(0), count(0)];
    const total = cell(6, 6);
    protect([], [{ cells, total }]);
    expect(shown([...cells, total])).toEqual([HIDDEN, 0, 0, HIDDEN]);
  });

  it('hides a cell when the total alone is small, so the total cannot be recovered either', () => {
    // total rests on 4 cases: hidden; the cells sum to it, so one more must go
    const cells = [count(0), count(4), count(0)];
    const total = count(4);
    protect([], [{ cells, total }]);
    expect(publish(total, true)).toBe(SUPPRESSED);
    expect(shown(cells).filter((c) => c === SUPPRESSED)).toHaveLength(1);
    // 0 + hidden + 0 = hidden: nothing recoverable
  });

  it('cascades: a total hidden in one group is a cell of another', () => {
    // months of 2024 (1, 9, 9) add up to 19; years (19, 30) add up to 49
    const jan = count(1);
    const feb = count(9);
    const mar = count(9);
    const y2024 = count(19);
    const y2025 = count(30);
    const all = count(49);
    protect(
      [],
      [
        { cells: [jan, feb, mar], total: y2024 },
        { cells: [y2024, y2025], total: all },
      ],
    );
    // jan primary, feb secondary: 2024 stays (two hidden below it), so years need nothing
    expect(shown([jan, feb, mar, y2024, y2025, all])).toEqual([SUPPRESSED, HIDDEN, 9, 19, 30, 49]);

    const a = count(2);
    const b = count(0);
    const year = count(2);
    const other = count(30);
    const sum = count(32);
    protect(
      [],
      [
        { cells: [a, b], total: year },
        { cells: [year, other], total: sum },
      ],
    );
    // a and the year are small; then "32 − 2024" would give the year back: 30 is hidden too
    expect(shown([a, b, year, other, sum])).toEqual([SUPPRESSED, 0, SUPPRESSED, HIDDEN, 32]);
  });

  it('hides a share whose numerator, complement or denominator rests on 1 to 4 cases', () => {
    expect(share(count(3), count(20)).n).toBe(3); // numerator small
    expect(share(count(18), count(20)).n).toBe(2); // 2 cases are the complement
    expect(share(count(10), count(20))).toEqual({ value: 0.5, n: 10 });
    expect(share(count(0), count(0))).toEqual({ value: null, n: 0 });
  });

  it('the team sees every number', () => {
    const c = count(2);
    protect([c], []);
    expect(publish(c, false)).toBe(2);
  });
});
