import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { dateNl } from '../privacy/labels.ts';
import type { Dashboard } from './indicators.ts';
import { figureLines, fmt, SUPPRESSION_NOTE_NL, targetGroupNl } from './labels.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const TOP = A4[1] - 60;
const BOTTOM = 60;

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
 * Helvetica knows Windows-1252 only; arrows and other characters outside it are written as ASCII.
 */
export async function renderFiguresPdf(d: Dashboard, options: PdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const known = new Set(regular.getCharacterSet());
  const clean = (text: string) =>
    Array.from(text.replace(/→/g, '->').replace(/’/g, "'"))
      .map((ch) => (known.has(ch.codePointAt(0)!) ? ch : ch.normalize('NFD').replace(/\p{M}/gu, '') || '?'))
      .join('');

  const s = d.scope;
  const year = s.from.slice(0, 4);
  const title =
    options.kind === 'report' ? `Jaarverslag AWARE ${year} - ${s.region}` : `Cijfers AWARE - ${s.region}`;
  doc.setTitle(clean(title));
  doc.setLanguage('nl-NL');
  doc.setCreator('AWARE');
  doc.setProducer('AWARE');
  doc.setCreationDate(options.generatedAt);

  let page: PDFPage = doc.addPage(A4);
  let y = TOP;
  const ensure = (h: number) => {
    if (y - h < BOTTOM) {
      page = doc.addPage(A4);
      y = TOP;
    }
  };
  const text = (value: string, o: { font?: PDFFont; size?: number; x?: number; gap?: number } = {}) => {
    const size = o.size ?? 10;
    const font = o.font ?? regular;
    const words = clean(value).split(' ');
    let line = '';
    const width = A4[0] - 2 * MARGIN - (o.x ?? 0);
    const flush = () => {
      ensure(size * 1.4);
      page.drawText(line, { x: MARGIN + (o.x ?? 0), y: y - size, size, font, color: rgb(0, 0, 0) });
      y -= size * 1.4;
      line = '';
    };
    for (const w of words) {
      const candidate = line ? `${line} ${w}` : w;
      if (font.widthOfTextAtSize(candidate, size) > width && line) flush();
      line = line ? `${line} ${w}` : w;
    }
    if (line) flush();
    y -= o.gap ?? 0;
  };
  const heading = (value: string) => {
    ensure(50);
    y -= 10;
    text(value, { font: bold, size: 13, gap: 4 });
  };
  const row = (cells: [string, string, string], o: { font?: PDFFont } = {}) => {
    ensure(14);
    const font = o.font ?? regular;
    const [a, b, c] = cells.map(clean) as [string, string, string];
    page.drawText(truncate(a, font, 260), { x: MARGIN, y: y - 9, size: 9, font });
    page.drawText(truncate(b, font, 150), { x: MARGIN + 270, y: y - 9, size: 9, font });
    page.drawText(c, { x: A4[0] - MARGIN - font.widthOfTextAtSize(c, 9), y: y - 9, size: 9, font });
    y -= 13;
  };

  text(title, { font: bold, size: 17, gap: 4 });
  text(
    `Periode ${dateNl(new Date(`${s.from}T12:00:00Z`))} t/m ${dateNl(new Date(`${s.to}T12:00:00Z`))}; ` +
      `doelgroep ${s.targetGroup ? targetGroupNl(s.targetGroup) : 'alle'}` +
      (s.organisation ? `; organisatie ${s.organisation}` : '') +
      `. Opgesteld op ${dateNl(options.generatedAt)}.`,
    { gap: 4 },
  );
  if (d.suppression.applied)
    text(`${SUPPRESSION_NOTE_NL} (${d.suppression.hiddenCells} cijfers verborgen.)`, { size: 9, gap: 4 });

  if (options.kind === 'report') {
    heading(REPORT_HEADINGS[0]);
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
      text(sentence, { x: 8, gap: 2 });

    if (options.trend && options.trend.length > 0) {
      heading(REPORT_HEADINGS[1]);
      barChart(options.trend);
    }
  }

  let section = '';
  for (const line of figureLines(d)) {
    if (line.section !== section) {
      section = line.section;
      heading(section);
      row(['Indicator', 'Uitsplitsing', 'Waarde'], { font: bold });
    }
    row([line.indicator, line.breakdown, fmt(line.value, line.kind)]);
  }

  if (options.kind === 'report') {
    heading(REPORT_HEADINGS[2]);
    for (const note of [
      'Een traject start bij de aansluiting (knop uitgereikt); ontbreekt die datum, dan telt de dag waarop het traject actief werd.',
      'Lopend: gestart voor het einde van de periode en niet afgesloten voor het begin ervan.',
      'Op tijd aangesloten: aangesloten op of voor de aansluittermijn (werkdagen na het besluit).',
      'Meldingen zonder testmeldingen; loos alarm = noodmelding afgehandeld als "per ongeluk ingedrukt".',
      'Kosten: huur per kwartaal naar rato van de dagen dat een knop bij een cliënt was, plus vervanging van verloren of gestolen knoppen.',
      'De volledige definities staan in docs/indicators.md.',
    ])
      text(`- ${note}`, { size: 9, x: 8 });
  }

  function barChart(years: Dashboard['trajectories']['perYear']) {
    const h = 120;
    ensure(h + 40);
    const values = years.flatMap((r) => [r.started, r.running]).map((v) => (typeof v === 'number' ? v : 0));
    const max = Math.max(1, ...values);
    const baseY = y - h;
    const slot = (A4[0] - 2 * MARGIN) / years.length;
    years.forEach((r, i) => {
      const x0 = MARGIN + i * slot + 10;
      for (const [j, v] of [r.started, r.running].entries()) {
        const n = typeof v === 'number' ? v : 0;
        const bh = (n / max) * (h - 20);
        page.drawRectangle({
          x: x0 + j * 40,
          y: baseY,
          width: 34,
          height: bh,
          color: j === 0 ? rgb(0.16, 0.38, 0.6) : rgb(0.6, 0.75, 0.88),
        });
        page.drawText(clean(fmt(v)), { x: x0 + j * 40 + 4, y: baseY + bh + 3, size: 8, font: regular });
      }
      page.drawText(r.year, { x: x0 + 20, y: baseY - 12, size: 9, font: bold });
    });
    page.drawText('donker = gestart, licht = lopend', { x: MARGIN, y: baseY - 26, size: 8, font: regular });
    y = baseY - 36;
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const label = `Pagina ${i + 1} van ${pages.length}`;
    p.drawText(clean(title), { x: MARGIN, y: 30, size: 8, font: regular, color: rgb(0.4, 0.4, 0.4) });
    p.drawText(label, {
      x: A4[0] - MARGIN - regular.widthOfTextAtSize(label, 8),
      y: 30,
      size: 8,
      font: regular,
      color: rgb(0.4, 0.4, 0.4),
    });
  });
  return doc.save({ useObjectStreams: false });
}

function truncate(value: string, font: PDFFont, width: number): string {
  if (font.widthOfTextAtSize(value, 9) <= width) return value;
  let cut = value.length;
  while (cut > 1 && font.widthOfTextAtSize(`${value.slice(0, cut)}...`, 9) > width) cut--;
  return `${value.slice(0, cut)}...`;
}
