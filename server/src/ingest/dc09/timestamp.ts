/** How far a message timestamp may lie from the receiver's clock before it is refused as a replay. */
export interface ReplayWindow {
  pastMs: number;
  futureMs: number;
}

export const DEFAULT_REPLAY_WINDOW: ReplayWindow = { pastMs: 40_000, futureMs: 20_000 };

const TIMESTAMP = /^(\d{2}):(\d{2}):(\d{2}),(\d{2})-(\d{2})-(\d{4})$/;

/** Parses `HH:MM:SS,MM-DD-YYYY` (UTC, without the leading `_`); undefined when it is not a real instant. */
export function parseDc09Time(text: string): Date | undefined {
  const match = TIMESTAMP.exec(text);
  if (!match) return undefined;
  const hh = Number(match[1]);
  const mi = Number(match[2]);
  const ss = Number(match[3]);
  const mo = Number(match[4]);
  const dd = Number(match[5]);
  const yyyy = Number(match[6]);
  // Date.UTC would roll 25:00 or 02-30 over into the next unit: a real timestamp is in range.
  if (hh > 23 || mi > 59 || ss > 59 || mo < 1 || mo > 12 || dd < 1 || yyyy < 100) return undefined;
  if (dd > daysInMonth(yyyy, mo)) return undefined;
  return new Date(Date.UTC(yyyy, mo - 1, dd, hh, mi, ss));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `HH:MM:SS,MM-DD-YYYY` in UTC, without the leading `_`. */
export function formatDc09Time(date: Date): string {
  return (
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())},` +
    `${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}-${String(date.getUTCFullYear()).padStart(4, '0')}`
  );
}

export function isWithinWindow(sent: Date, now: Date, window: ReplayWindow = DEFAULT_REPLAY_WINDOW): boolean {
  const age = now.getTime() - sent.getTime();
  return age <= window.pastMs && -age <= window.futureMs;
}
