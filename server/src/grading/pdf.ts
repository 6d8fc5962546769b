import { CONFIDENTIAL, createPdf, type TableColumn } from '../pdf/index.ts';
import { alarmKindNl, dateNl, dateTimeNl } from '../privacy/labels.ts';
import {
  addDays,
  type GradingReport,
  mondayOf,
  type Norm,
  STAGES,
  type Stage,
  type StageStats,
} from './rules.ts';

/** The links of the chain in Dutch, in order. */
export const STAGE_NL: Record<Stage, string> = {
  shown: 'Getoond op console',
  claimed: 'Geclaimd',
  voice: 'Spreek-luisterverbinding',
  forwarded: 'Doorgezet naar politie',
  dispatched: 'Eenheid uitgestuurd',
  on_scene: 'Politie ter plaatse',
};

const NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
/** seconds as "12,4 s"; a link without a time as "–", never as 0 */
export const secondsNl = (s: number | null) => (s === null ? '–' : `${NUMBER.format(s)} s`);
const percentNl = (share: number | null) => (share === null ? '–' : `${NUMBER.format(share * 100)}%`);
/** whether the share meets the region's norm: "ja" / "nee", nothing without a norm */
const verdict = (meets: boolean | null) => (meets === null ? '' : meets ? ' (ja)' : ' (nee)');

const STAGE_COLUMNS: TableColumn[] = [
  { width: 130 },
  { width: 38, align: 'right' },
  { width: 32, align: 'right' },
  { width: 42, align: 'right' },
  { width: 42, align: 'right' },
  { width: 42, align: 'right' },
  { width: 78.5, align: 'right' },
  { width: 78.5, align: 'right' },
];
const STAGE_HEADER = ['Schakel', 'Aantal', 'Niet', 'p50', 'p90', 'p99', '≤ 30 s', '≤ 60 s'];
const STAGE_NOTE =
  'Aantal: meldingen die de schakel bereikten; niet: meldingen zonder die schakel. Achter elk aandeel staat of de norm is gehaald (ja/nee).';

const stageRows = (stages: readonly StageStats[]) =>
  stages.map((s) => [
    STAGE_NL[s.stage],
    String(s.n),
    String(s.notReached),
    secondsNl(s.p50),
    secondsNl(s.p90),
    secondsNl(s.p99),
    percentNl(s.within30) + verdict(s.meets30),
    percentNl(s.within60) + verdict(s.meets60),
  ]);

const normText = (n: Norm) =>
  [
    n.within30 === null ? null : `${percentNl(n.within30)} binnen 30 s`,
    n.within60 === null ? null : `${percentNl(n.within60)} binnen 60 s`,
  ]
    .filter(Boolean)
    .join(', ');

/**
 * The weekly response grading for the alarm centre's manager: Dutch, VERTROUWELIJK on every page (it names
 * operators), the norms, every link of the chain against them, by priority and operator, and each alarm.
 */
export async function renderGradingPdf(
  report: GradingReport,
  options: { printedFor: string; at: Date },
): Promise<Uint8Array> {
  const monday = mondayOf(report.from)!;
  const title = `Responsbeoordeling ${report.from} - ${report.region}`;
  const pdf = await createPdf({
    language: 'nl-NL',
    confidential: { line: `Opgesteld voor ${options.printedFor}, ${dateTimeNl(options.at)}` },
    footer: `${CONFIDENTIAL} - responsbeoordeling ${report.from}`,
    pageLabel: (n, total) => `Pagina ${n} van ${total}`,
    metadata: { title, subject: CONFIDENTIAL, keywords: [CONFIDENTIAL], createdAt: options.at },
  });
  pdf.title(title);
  pdf.text(
    `Week ${report.from}: ${dateNl(new Date(`${monday}T12:00:00Z`))} t/m ${dateNl(new Date(`${addDays(monday, 6)}T12:00:00Z`))}. ` +
      `${report.total} meldingen (zonder testmeldingen; herhaalde drukken tellen bij hun eerste melding). ` +
      'Tijden in seconden vanaf ontvangst. Een schakel die niet plaatsvond heeft geen tijd en telt als "niet", nooit als 0.',
    { gap: 6 },
  );

  pdf.heading('Normen');
  pdf.text(
    report.norms.configured
      ? 'Door de regio vastgesteld:'
      : 'De regio stelde geen normen vast; de standaard geldt:',
  );
  for (const norm of report.norms.stages) pdf.item(`${STAGE_NL[norm.stage]}: ${normText(norm)}`);

  pdf.heading('Deze week');
  pdf.text(STAGE_NOTE, { size: 9, muted: true, gap: 4 });
  pdf.table({ columns: STAGE_COLUMNS, header: STAGE_HEADER, rows: stageRows(report.overall) });

  pdf.heading('Per prioriteit');
  if (report.byPriority.length === 0) pdf.text('Geen meldingen.');
  for (const group of report.byPriority) {
    pdf.text(`Prioriteit ${group.priority}: ${group.alarms} meldingen`, { bold: true });
    pdf.table({ columns: STAGE_COLUMNS, header: STAGE_HEADER, rows: stageRows(group.stages) });
  }

  pdf.heading('Per operator');
  if (report.byOperator.length === 0) pdf.text('Geen meldingen.');
  for (const group of report.byOperator) {
    pdf.text(`${group.operatorName ?? 'Niet geclaimd'}: ${group.alarms} meldingen`, { bold: true });
    pdf.table({ columns: STAGE_COLUMNS, header: STAGE_HEADER, rows: stageRows(group.stages) });
  }

  pdf.heading('Meldingen');
  pdf.table({
    columns: [
      { width: 75 },
      { width: 70 },
      { width: 28, align: 'right' },
      ...STAGES.map(() => ({ width: 51.6, align: 'right' as const })),
    ],
    header: [
      'Ontvangen',
      'Soort',
      'Prio',
      'Getoond',
      'Geclaimd',
      'Spraak',
      'Doorgezet',
      'Uitgest.',
      'Ter pl.',
    ],
    rows: [...report.alarms]
      .reverse()
      .map((a) => [
        dateTimeNl(a.receivedAt),
        alarmKindNl(a.kind),
        String(a.priority),
        ...STAGES.map((s) => secondsNl(a.seconds[s])),
      ]),
  });
  return pdf.finish();
}
