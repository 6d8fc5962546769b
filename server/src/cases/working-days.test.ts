import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  connectionDeadline,
  deadlineStage,
  dutchDay,
  isPublicHoliday,
  isWorkingDay,
  previousWorkingDay,
} from './working-days.ts';

describe('Dutch working days', () => {
  it.each([
    ['2026-01-01', 'New Year'],
    ['2026-04-06', 'Easter Monday'],
    ['2026-04-27', "King's Day"],
    ['2025-04-26', "King's Day on the 26th when the 27th is a Sunday"],
    ['2026-05-14', 'Ascension Day'],
    ['2026-05-25', 'Whit Monday'],
    ['2026-12-25', 'Christmas'],
    ['2026-12-26', 'Boxing Day'],
  ])('%s (%s) is a public holiday', (day) => {
    expect(isPublicHoliday(day)).toBe(true);
    expect(isWorkingDay(day)).toBe(false);
  });

  it("King's Day moves: 27 April 2025 (a Sunday) is no holiday, 26 April 2026 is none either", () => {
    expect(isPublicHoliday('2025-04-27')).toBe(false);
    expect(isPublicHoliday('2026-04-26')).toBe(false);
  });

  it('Good Friday and Liberation Day count as working days (not type public)', () => {
    expect(isWorkingDay('2026-04-03')).toBe(true); // Good Friday
    expect(isWorkingDay('2026-05-05')).toBe(true); // Liberation Day, a Tuesday
    expect(isWorkingDay('2025-05-05')).toBe(true); // lustrum year, still not public
  });

  it('weekends are not working days; an ordinary weekday is', () => {
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(isWorkingDay('2026-03-09')).toBe(true); // Monday
  });

  it('never counts the decision day itself', () => {
    expect(addWorkingDays('2026-03-09', 1)).toBe('2026-03-10');
    expect(addWorkingDays('2026-03-13', 1)).toBe('2026-03-16'); // Friday → Monday
    expect(addWorkingDays('2026-03-14', 1)).toBe('2026-03-16'); // decided on a Saturday
  });
});

describe('connection deadline', () => {
  it.each([
    // [decision day, target group, deadline, why]
    ['2026-03-09', 'acute_unsafety', '2026-03-11', 'Monday + 2 working days'],
    ['2026-03-12', 'acute_unsafety', '2026-03-16', 'Thursday: Friday, then over the weekend'],
    ['2026-03-09', 'stalking', '2026-03-23', 'two plain working weeks'],
    ['2026-04-02', 'acute_unsafety', '2026-04-07', 'over Easter: Good Friday counts, Easter Monday not'],
    ['2026-04-24', 'acute_unsafety', '2026-04-29', "over the weekend and King's Day"],
    ['2025-04-24', 'acute_unsafety', '2025-04-28', "King's Day 2025 on Saturday 26 April changes nothing"],
    ['2026-05-13', 'acute_unsafety', '2026-05-18', 'over Ascension Day'],
    ['2026-05-22', 'acute_unsafety', '2026-05-27', 'over Whitsun'],
    ['2026-05-04', 'acute_unsafety', '2026-05-06', 'Liberation Day counts'],
    ['2026-12-23', 'acute_unsafety', '2026-12-28', 'over Christmas and Boxing Day'],
    ['2026-12-30', 'acute_unsafety', '2027-01-04', 'over New Year into the next year'],
    ['2026-12-21', 'stalking', '2027-01-06', 'ten working days over Christmas and New Year'],
    ['2026-04-20', 'stalking', '2026-05-05', "ten working days over King's Day, Liberation Day counted"],
    ['2026-05-08', 'stalking', '2026-05-26', 'ten working days over Ascension and Whit Monday'],
  ] as const)('decided %s (%s) → %s: %s', (day, group, deadline, _why) => {
    expect(connectionDeadline(day, group)).toBe(deadline);
  });

  it('warns from the last working day before the deadline and escalates after it', () => {
    expect(previousWorkingDay('2026-03-16')).toBe('2026-03-13');
    expect(deadlineStage('2026-03-16', '2026-03-12')).toBe('none');
    expect(deadlineStage('2026-03-16', '2026-03-13')).toBe('warn');
    expect(deadlineStage('2026-03-16', '2026-03-15')).toBe('warn');
    expect(deadlineStage('2026-03-16', '2026-03-16')).toBe('warn');
    expect(deadlineStage('2026-03-16', '2026-03-17')).toBe('escalate');
    // Easter Monday is skipped, Good Friday is not
    expect(previousWorkingDay('2026-04-07')).toBe('2026-04-03');
  });

  it('takes the Dutch calendar day of the decision, not the UTC one', () => {
    expect(dutchDay(new Date('2026-03-09T23:30:00Z'))).toBe('2026-03-10');
    expect(dutchDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(dutchDay(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
