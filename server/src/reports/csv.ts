import { dateNl } from '../privacy/labels.ts';
import type { Dashboard } from './indicators.ts';
import { figureLines, SUPPRESSION_NOTE_NL, targetGroupNl } from './labels.ts';

/**
 * The header of every figures CSV. Made for Dutch spreadsheet programs: UTF-8 with a byte-order mark,
 * `;` between fields and a decimal comma (Excel in Dutch reads "0,8654" as a number, "0.8654" as text).
 */
export const CSV_HEADER = ['onderdeel', 'indicator', 'uitsplitsing', 'waarde'] as const;

function field(value: string): string {
  // quote what needs it, and defuse spreadsheet formulas
  const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number as a Dutch spreadsheet reads it: decimal comma, no thousands separator, at most 4 decimals. */
export function csvNumber(value: number): string {
  return String(Math.round(value * 10000) / 10000).replace('.', ',');
}

const day = (iso: string) => dateNl(new Date(`${iso}T12:00:00Z`));

/** The dashboard as CSV: a few lines saying what it covers, then one line per figure. */
export function toCsv(d: Dashboard): string {
  const s = d.scope;
  const meta: string[][] = [
    ['bereik', 'regio', s.region, ''],
    ['bereik', 'periode', `${day(s.from)} t/m ${day(s.to)}`, ''],
    ['bereik', 'doelgroep', s.targetGroup ? targetGroupNl(s.targetGroup) : 'alle', ''],
    ['bereik', 'organisatie', s.organisation ?? 'alle', ''],
    ...(d.suppression.applied ? [['bereik', 'let op', SUPPRESSION_NOTE_NL, '']] : []),
  ];
  const rows = figureLines(d).map((l) => [
    l.section,
    l.indicator,
    l.breakdown,
    l.value === null
      ? ''
      : typeof l.value === 'number'
        ? csvNumber(l.value)
        : l.value === 'hidden'
          ? 'verborgen'
          : l.value,
  ]);
  return `\uFEFF${[[...CSV_HEADER], ...meta, ...rows].map((r) => r.map(field).join(';')).join('\r\n')}\r\n`;
}
