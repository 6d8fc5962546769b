import type { Figure } from '../api/contract.ts';

export type FigureKind = 'number' | 'percent' | 'euro' | 'days' | 'seconds';

/**
 * A figure as text in the user's language: "< 5" (a count of 1–4 cases) stays as it is, a figure hidden
 * for any other reason — money among them — says so ("verborgen"), null is a dash.
 */
export function formatFigure(value: Figure, kind: FigureKind, locale: string): string {
  if (value === null) return '–';
  if (value === 'hidden') return locale.startsWith('nl') ? 'verborgen' : 'hidden';
  if (typeof value === 'string') return value;
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  switch (kind) {
    case 'percent':
      return `${n.format(value * 100)}%`;
    case 'euro':
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: 'EUR',
        maximumFractionDigits: 0,
      }).format(value / 100);
    case 'days':
      return new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: 'day',
        unitDisplay: 'long',
        maximumFractionDigits: 1,
      }).format(value);
    case 'seconds':
      return value >= 120 ? `${n.format(value / 60)} min` : `${n.format(value)} s`;
    default:
      return n.format(value);
  }
}

/** The number a chart draws: a suppressed or empty figure draws nothing. */
export const plotted = (value: Figure): number => (typeof value === 'number' ? value : 0);

/** A month key from the server ("2025-03") as the reader says it: "mrt 2025", "Mar 2025". */
export function formatMonth(key: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) return key;
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)),
  );
}
