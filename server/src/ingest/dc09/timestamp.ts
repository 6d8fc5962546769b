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
  const [hh, mi, ss, mo, dd, yyyy] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(yyyy, mo - 1, dd, hh, mi, ss));
  // Date.UTC rolls 25:00 or 02-30 over into the next unit; a real timestamp survives the round trip.
  if (formatDc09Time(date) !== text) return undefined;
  return date;
}

/** `HH:MM:SS,MM-DD-YYYY` in UTC, without the leading `_`. */
export function formatDc09Time(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())},` +
    `${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}-${String(date.getUTCFullYear()).padStart(4, '0')}`
  );
}

export function isWithinWindow(sent: Date, now: Date, window: ReplayWindow = DEFAULT_REPLAY_WINDOW): boolean {
  const age = now.getTime() - sent.getTime();
  return age <= window.pastMs && -age <= window.futureMs;
}
