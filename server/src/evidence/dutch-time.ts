const DAY = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const CLOCK = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "4 december 2026 om 22:50:03,123" in Dutch time (Europe/Amsterdam), to the millisecond. */
export function dutchInstant(isoTime: string): string {
  const d = new Date(isoTime);
  const ms = String(d.getUTCMilliseconds()).padStart(3, '0');
  return `${DAY.format(d)} om ${CLOCK.format(d)},${ms}`;
}
