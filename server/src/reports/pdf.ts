import { createPdf, type PdfWriter, type TableColumn } from '../pdf/index.ts';
import { dateNl } from '../privacy/labels.ts';
import type { Dashboard } from './indicators.ts';
import { figureLines, fmt, SUPPRESSION_NOTE_NL, targetGroupNl } from './labels.ts';

export interface PdfOptions {
  kind: 'dashboard' | 'report';
  generatedAt: Date;
  /** the report's trend: trajectories per year over the report year and the two before it */
  trend?: Dashboard['trajectories']['perYear'];
}

/** Headings of the yearly report, in order (the test checks them). */
export const REPORT_HEADINGS = ['Samenvatting', 'Trajecten per jaar', 'Toelichting bij de cijfers'] as const;

/**
 * The figures as a Dutch A4 document: the dashboard export, or the yearly report for a region's board
 * (summary in sentences, a bar chart of trajectories per year, every figure in tables, definitions).
 */
export async function renderFiguresPdf(d: Dashboard, options: PdfOptions): Promise<Uint8Array> {
  const s = d.scope;
  const year = s.from.slice(0, 4);
  const title =
    options.kind === 'report' ? `Jaarverslag AWARE ${year} - ${s.region}` : `Cijfers AWARE - ${s.region}`;
  const pdf = await createPdf({
    language: 'nl-NL',
    footer: title,
    pageLabel: (n, total) => `Pagina ${n} van ${total}`,
    metadata: { title, createdAt: options.generatedAt },
  });

  pdf.title(title);
  pdf.text(
    `Periode ${dateNl(new Date(`${s.from}T12:00:00Z`))} t/m ${dateNl(new Date(`${s.to}T12:00:00Z`))}; ` +
      `doelgroep ${s.targetGroup ? targetGroupNl(s.targetGroup) : 'alle'}` +
      (s.organisation ? `; organisatie ${s.organisation}` : '') +
      `. Opgesteld op ${dateNl(options.generatedAt)}.`,
    { gap: 4 },
  );
  if (d.suppression.applied)
    pdf.text(`${SUPPRESSION_NOTE_NL} (${d.suppression.hiddenCells} cijfers verborgen.)`, { size: 9, gap: 4 });

  if (options.kind === 'report') {
    pdf.heading(REPORT_HEADINGS[0]);
    const t = d.trajectories;
    const dc = d.timeliness.decisionToConnection;
    for (const sentence of [
      `In ${year} zijn ${fmt(t.started)} AWARE-trajecten gestart, liepen er ${fmt(t.running)} en zijn er ${fmt(t.closed)} afgesloten.`,
      `Er zijn ${fmt(d.decisions.decided)} besluiten over een aanmelding genomen: ${fmt(d.decisions.granted)} toegekend en ${fmt(d.decisions.rejected)} afgewezen.`,
      `Van de gestarte trajecten is ${fmt(dc.shareOnTime, 'percent')} binnen de termijn aangesloten; de helft binnen ${fmt(dc.medianDays, 'days')} na het besluit.`,
      `Er kwamen ${fmt(d.alarms.total)} meldingen binnen (${fmt(d.alarms.perTrajectory)} per lopend traject); ${fmt(d.alarms.shareFalse, 'percent')} van de noodmeldingen was per ongeluk.`,
      `De politie was bij een noodmelding in de helft van de gevallen binnen ${fmt(d.response.find((r) => r.step === 'total')?.medianSeconds ?? null, 'seconds')} ter plaatse.`,
      `De alarmknoppen kostten ${fmt(d.devices.totalCents, 'euro')}, ${fmt(d.devices.costPerClientYearCents, 'euro')} per cliënt per jaar.`,
      `Het veiligheidsgevoel van cliënten (0-10) was ${d.ratings.safety.map((r) => `${fmt(r.mean)} (${r.moment === 'start' ? 'begin' : r.moment === 'end' ? 'einde' : 'tussentijds'})`).join(', ')}.`,
    ])
      pdf.text(sentence, { indent: 8, gap: 2 });

    if (options.trend && options.trend.length > 0) {
      pdf.heading(REPORT_HEADINGS[1]);
      barChart(pdf, options.trend);
    }
  }

  const sections = new Map<string, string[][]>();
  for (const line of figureLines(d))
    sections.set(line.section, [
      ...(sections.get(line.section) ?? []),
      [line.indicator, line.breakdown, fmt(line.value, line.kind)],
    ]);
  for (const [section, rows] of sections) {
    pdf.heading(section);
    pdf.table({ columns: FIGURE_COLUMNS, header: ['Indicator', 'Uitsplitsing', 'Waarde'], rows });
  }

  if (options.kind === 'report') {
    pdf.heading(REPORT_HEADINGS[2]);
    for (const note of [
      'Een traject start bij de aansluiting (knop uitgereikt); ontbreekt die datum, dan telt de dag waarop het traject actief werd.',
      'Lopend: gestart voor het einde van de periode en niet afgesloten voor het begin ervan.',
      'Op tijd aangesloten: aangesloten op of voor de aansluittermijn (werkdagen na het besluit).',
      'Meldingen zonder testmeldingen; loos alarm = noodmelding afgehandeld als "per ongeluk ingedrukt".',
      'Kosten: huur per kwartaal naar rato van de dagen dat een knop bij een cliënt was, plus vervanging van verloren of gestolen knoppen.',
      'De volledige definities staan in docs/indicators.md.',
    ])
      pdf.item(note, { size: 9 });
  }
  return pdf.finish();
}

const FIGURE_COLUMNS: TableColumn[] = [{ width: 270 }, { width: 140 }, { width: 73, align: 'right' }];

/** Trajectories started (dark) and running (light) per year, with their numbers above the bars. */
function barChart(pdf: PdfWriter, years: Dashboard['trajectories']['perYear']) {
  const chart = 120;
  const below = 36; // year labels and the legend
  pdf.figure(chart + below, (c) => {
    const values = years.flatMap((r) => [r.started, r.running]).map((v) => (typeof v === 'number' ? v : 0));
    const max = Math.max(1, ...values);
    const slot = c.width / years.length;
    years.forEach((r, i) => {
      const x0 = i * slot + 10;
      for (const [j, v] of [r.started, r.running].entries()) {
        const n = typeof v === 'number' ? v : 0;
        const height = (n / max) * (chart - 20);
        c.rect({
          x: x0 + j * 40,
          y: below,
          width: 34,
          height,
          color: j === 0 ? [0.16, 0.38, 0.6] : [0.6, 0.75, 0.88],
        });
        c.label(fmt(v), { x: x0 + j * 40 + 4, y: below + height + 3 });
      }
      c.label(r.year, { x: x0 + 20, y: below - 12, size: 9, bold: true });
    });
    c.label('donker = gestart, licht = lopend', { x: 0, y: below - 26 });
  });
}
