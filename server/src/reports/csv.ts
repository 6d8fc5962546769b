import type { Dashboard } from './indicators.ts';
import { figureLines, targetGroupNl } from './labels.ts';

/** The header of every figures CSV (Dutch, semicolon-separated as Dutch spreadsheets expect). */
export const CSV_HEADER = ['onderdeel', 'indicator', 'uitsplitsing', 'waarde'] as const;

function field(value: string): string {
  // quote what needs it, and defuse spreadsheet formulas
  const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The dashboard as CSV: a few lines saying what it covers, then one line per figure. Numbers unformatted. */
export function toCsv(d: Dashboard): string {
  const s = d.scope;
  const meta: string[][] = [
    ['bereik', 'regio', s.region, ''],
    ['bereik', 'periode', `${s.from} t/m ${s.to}`, ''],
    ['bereik', 'doelgroep', s.targetGroup ? targetGroupNl(s.targetGroup) : 'alle', ''],
    ['bereik', 'organisatie', s.organisation ?? 'alle', ''],
    ...(d.suppression.applied
      ? [['bereik', 'let op', '"< 5" = gebaseerd op 1 tot 4 casussen (afgeschermd)', '']]
      : []),
  ];
  const rows = figureLines(d).map((l) => [
    l.section,
    l.indicator,
    l.breakdown,
    l.value === null
      ? ''
      : typeof l.value === 'number'
        ? String(Math.round(l.value * 10000) / 10000)
        : l.value,
  ]);
  return `\uFEFF${[[...CSV_HEADER], ...meta, ...rows].map((r) => r.map(field).join(';')).join('\r\n')}\r\n`;
}
