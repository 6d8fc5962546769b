import Holidays from 'date-holidays';
import type { TargetGroup } from './status.ts';

/**
 * Dutch working days. A calendar date is written 'YYYY-MM-DD' and computed in UTC, so no time zone or
 * daylight-saving change can shift it. Holidays come from `date-holidays` (country NL); only type
 * 'public' counts. So Good Friday and Liberation Day (5 May) — marked 'school' there, a day off only by
 * some collective agreements (Liberation Day for many only every five years) — are working days here:
 * the connection norm is not stretched by a day off that most executing organisations do not have.
 */
const nl = new Holidays('NL');
const publicByYear = new Map<number, ReadonlySet<string>>();

function publicHolidays(year: number): ReadonlySet<string> {
  let set = publicByYear.get(year);
  if (!set) {
    set = new Set(
      nl
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    publicByYear.set(year, set);
  }
  return set;
}

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (d: Date) => d.toISOString().slice(0, 10);

export function addCalendarDays(day: string, n: number): string {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + n);
  return toDay(d);
}

export function isPublicHoliday(day: string): boolean {
  return publicHolidays(Number(day.slice(0, 4))).has(day);
}

export function isWorkingDay(day: string): boolean {
  const weekday = toDate(day).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(day);
}

/** The n-th working day after `day` (the day itself is never counted). */
export function addWorkingDays(day: string, n: number): string {
  let current = day;
  for (let left = n; left > 0; ) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

/** The last working day before `day`. */
export function previousWorkingDay(day: string): string {
  let current = addCalendarDays(day, -1);
  while (!isWorkingDay(current)) current = addCalendarDays(current, -1);
  return current;
}

/** Handbook norm: connected within 2 working days (acute unsafety) or 10 (stalking) after the decision. */
export const CONNECTION_WORKING_DAYS: Record<TargetGroup, number> = { acute_unsafety: 2, stalking: 10 };

export function connectionDeadline(decisionDay: string, targetGroup: TargetGroup): string {
  return addWorkingDays(decisionDay, CONNECTION_WORKING_DAYS[targetGroup]);
}

/** The calendar date of an instant in the Netherlands. */
export function dutchDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export type DeadlineStage = 'none' | 'warn' | 'escalate';

/**
 * What the connection deadline asks for on `today`: a warning from the last working day before the
 * deadline on, an escalation once the deadline day has passed.
 */
export function deadlineStage(deadline: string, today: string): DeadlineStage {
  if (today > deadline) return 'escalate';
  if (today >= previousWorkingDay(deadline)) return 'warn';
  return 'none';
}
