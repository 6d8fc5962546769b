/**
 * Dates typed and shown in Dutch notation (dd-mm-jjjj) whatever the browser's locale: a native date input
 * shows the browser's own order (mm/dd/yyyy in an English Chromium), which a Dutch user misreads.
 */

/** "2026-03-14" → "14-03-2026"; anything else as it is. */
export function isoToDutch(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/**
 * "14-3-2026", "14/03/2026", "14.03.2026" or "14 03 2026" → "2026-03-14"; "" → ""; null when it is no real
 * calendar day in that notation (31-02-2026, 03/14/2026, a two-digit year).
 */
export function dutchToIso(text: string): string | null {
  const s = text.trim();
  if (s === '') return '';
  const m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(s);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Today as the Netherlands counts it ("2026-12-05" at 23:30 UTC on 4 December), as the server does: a browser
 * in another time zone would otherwise offer yesterday, a day before a referral made minutes ago.
 */
export function dutchToday(now = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });
}
