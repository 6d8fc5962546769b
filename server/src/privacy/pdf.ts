import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { PositionView } from '../crypto/sealed-position.ts';
import type { DataSubjectExport } from './export.ts';
import {
  alarmKindNl,
  alarmStateNl,
  auditActionNl,
  banKindNl,
  caseStatusNl,
  dateNl,
  dateTimeNl,
  languageNl,
  outcomeNl,
  requestKindNl,
  targetGroupNl,
  taskKindNl,
} from './labels.ts';

/** The marking on every page and in the document's metadata. */
export const CONFIDENTIAL = 'VERTROUWELIJK';

/** Letters that Unicode does not decompose into a base letter plus accent. */
const TRANSLITERATE: Record<string, string> = {
  ı: 'i',
  İ: 'I',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  ə: 'e',
  Ə: 'E',
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BODY_TOP = A4[1] - 100;
const BODY_BOTTOM = 64;
const WIDTH = A4[0] - 2 * MARGIN;

/**
 * Renders the export as a readable Dutch A4 document: headings, simple text lines for the tables, on every
 * page "VERTROUWELIJK" with the recipient and the date, and "pagina x van y". The standard Helvetica font
 * only knows Windows-1252; a character outside it (e.g. Turkish ş) is written without its accent or as "?",
 * and the document then says that the JSON export holds the exact spelling.
 */
export async function renderExportPdf(data: DataSubjectExport): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const known = new Set(regular.getCharacterSet());
  let replaced = false;
  const clean = (text: string): string =>
    Array.from(text.replace(/\r\n?/g, '\n').replace(/\t/g, ' '))
      .map((ch) => {
        if (ch === '\n' || known.has(ch.codePointAt(0)!)) return ch;
        replaced = true;
        const base = TRANSLITERATE[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
        return Array.from(base).every((b) => known.has(b.codePointAt(0)!)) && base ? base : '?';
      })
      .join('');

  const generated = new Date(data.about.generatedAt);
  const marking = `Opgesteld voor: ${data.about.preparedFor}, ${dateNl(generated)}`;
  const title = `Inzage in persoonsgegevens - dossier ${data.about.caseReference}`;

  doc.setTitle(clean(title));
  doc.setSubject(clean(`${CONFIDENTIAL} - ${marking}`));
  doc.setKeywords([CONFIDENTIAL, data.about.caseReference]);
  doc.setAuthor(clean(data.about.organisation));
  doc.setCreator('AWARE');
  doc.setProducer('AWARE');
  doc.setLanguage('nl-NL');
  doc.setCreationDate(generated);
  doc.setModificationDate(generated);

  let page: PDFPage = newPage();
  let y = BODY_TOP;

  function newPage(): PDFPage {
    const p = doc.addPage(A4);
    p.drawText(CONFIDENTIAL, { x: MARGIN, y: A4[1] - 44, size: 14, font: bold, color: rgb(0.7, 0, 0) });
    p.drawText(clean(marking), {
      x: MARGIN,
      y: A4[1] - 62,
      size: 9,
      font: regular,
      color: rgb(0.2, 0.2, 0.2),
    });
    p.drawLine({
      start: { x: MARGIN, y: A4[1] - 72 },
      end: { x: A4[0] - MARGIN, y: A4[1] - 72 },
      thickness: 0.5,
      color: rgb(0.6, 0.6, 0.6),
    });
    return p;
  }

  function ensure(height: number) {
    if (y - height < BODY_BOTTOM) {
      page = newPage();
      y = BODY_TOP;
    }
  }

  function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of clean(text).split('\n')) {
      let line = '';
      for (const word of paragraph.split(/ +/)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        // a word wider than the line (a long address or id) is broken by characters
        let rest = word;
        while (font.widthOfTextAtSize(rest, size) > width) {
          let cut = rest.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }

  function text(
    value: string,
    options: { font?: PDFFont; size?: number; indent?: number; gap?: number } = {},
  ) {
    const font = options.font ?? regular;
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    const leading = size * 1.35;
    for (const line of wrap(value, font, size, WIDTH - indent)) {
      ensure(leading);
      page.drawText(line, { x: MARGIN + indent, y: y - size, size, font, color: rgb(0, 0, 0) });
      y -= leading;
    }
    y -= options.gap ?? 0;
  }

  function heading(value: string) {
    ensure(40); // never a heading alone at the bottom of a page
    y -= 8;
    text(value, { font: bold, size: 13, gap: 4 });
  }

  function field(name: string, value: string | null | undefined) {
    text(`${name}: ${value == null || value === '' ? '-' : value}`, { indent: 8 });
  }

  function item(value: string) {
    text(`- ${value}`, { indent: 8 });
  }

  function none(list: readonly unknown[], sentence = 'Geen.') {
    if (list.length === 0) text(sentence, { indent: 8 });
    return list.length > 0;
  }

  const where = (p: PositionView | null) =>
    p
      ? `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}${p.accuracy != null ? ` (nauwkeurig tot ${Math.round(p.accuracy)} m)` : ''}`
      : null;

  // -- title and explanation
  text(title, { font: bold, size: 17, gap: 6 });
  text(
    `Opgesteld op ${dateTimeNl(generated)} door ${data.about.organisation} op verzoek van cliënt, ` +
      `voor ${data.about.preparedFor}.`,
    { gap: 6 },
  );
  heading('Over dit overzicht');
  for (const note of data.about.notes) item(note);

  heading('Persoonsgegevens van cliënt');
  if (data.client) {
    field('Naam', data.client.name);
    field('Taal', `${languageNl(data.client.language)} (${data.client.language})`);
    field('Telefoon', data.client.phone);
    field('Adres', data.client.address);
    field('Foto', data.client.photo ? 'aanwezig (opgenomen in de JSON-export)' : 'geen');
  } else {
    text('Er zijn geen persoonsgegevens van cliënt vastgelegd.', { indent: 8 });
  }

  heading('Kinderen');
  if (none(data.children))
    for (const c of data.children) item(`${c.firstName}${c.birthYear ? `, geboren in ${c.birthYear}` : ''}`);

  heading('Verboden die cliënt beschermen');
  if (none(data.bans)) for (const b of data.bans) item(`${banKindNl(b.kind)}: ${b.description}`);
  text(data.perpetratorData.statement, { indent: 8, size: 9 });

  heading('Afspraken in het veiligheidsplan bij een melding');
  if (none(data.safetyPlanAgreements))
    for (const [i, a] of data.safetyPlanAgreements.entries()) item(`${i + 1}. ${a}`);

  heading('Dossier');
  field('Dossiernummer', data.case.reference);
  field('Status', caseStatusNl(data.case.status));
  field('Doelgroep', targetGroupNl(data.case.targetGroup));
  field('Regio', data.case.region);
  field('Organisatie', data.case.organisation);
  field('Hulpverlener', data.case.caseworker);
  field('Aangemaakt', dateTimeNl(data.case.createdAt));
  field('Besluit genomen', dateTimeNl(data.case.decidedAt));
  field('Testmelding bij uitgifte', dateTimeNl(data.case.testAlarmAt));

  heading('Alarmknoppen');
  if (none(data.devices))
    for (const d of data.devices) {
      item(
        `${d.vendor} ${d.model}, serienummer ${d.serial}: uitgegeven ${dateTimeNl(d.assignedAt)}` +
          (d.returnedAt ? `, ingenomen ${dateTimeNl(d.returnedAt)}` : ', nog in gebruik'),
      );
      if (d.lastSeenAt) text(`laatste contact: ${dateTimeNl(d.lastSeenAt)}`, { indent: 20 });
      if (d.lastKnownPosition) text(`laatst bekende positie: ${where(d.lastKnownPosition)}`, { indent: 20 });
    }

  heading('Meldingen');
  if (none(data.alarms))
    for (const a of data.alarms) {
      const outcome = a.outcome ? `, ${outcomeNl(a.outcome)}` : '';
      item(
        `${dateTimeNl(a.receivedAt)} - ${alarmKindNl(a.kind)}${a.test ? ' (test)' : ''} - ` +
          `${alarmStateNl(a.state)}${outcome}`,
      );
      if (a.resolvedAt) text(`afgehandeld: ${dateTimeNl(a.resolvedAt)}`, { indent: 20 });
      if (a.outcomeNote) text(`toelichting: ${a.outcomeNote}`, { indent: 20 });
      text(`positie: ${where(a.position) ?? 'niet (meer) bewaard'}`, { indent: 20 });
      for (const t of a.trail) text(`vervolgpositie ${dateTimeNl(t.at)}: ${where(t)}`, { indent: 20 });
      if (a.steps.length > 0)
        text(`verloop: ${a.steps.map((s) => `${dateTimeNl(s.at)} ${alarmStateNl(s.state)}`).join('; ')}`, {
          indent: 20,
        });
    }

  heading('Incidenten');
  if (none(data.incidents))
    for (const i of data.incidents)
      item(`${dateTimeNl(i.occurredAt)}${i.outcome ? ` (${outcomeNl(i.outcome)})` : ''}: ${i.summary}`);

  heading('Taken van de hulpverlening');
  if (none(data.tasks))
    for (const t of data.tasks)
      item(
        `${taskKindNl(t.kind)}: uiterlijk ${dateTimeNl(t.dueAt)}` +
          (t.doneAt ? `, gedaan ${dateTimeNl(t.doneAt)}` : ', nog open') +
          (t.assignee ? ` (${t.assignee})` : ''),
      );

  heading('Verzoeken over de eigen gegevens (AVG)');
  if (none(data.privacyRequests))
    for (const r of data.privacyRequests) {
      item(`${dateTimeNl(r.receivedAt)} - ${requestKindNl(r.kind)}, vastgelegd door ${r.createdBy}`);
      text(`verzoek: ${r.description}`, { indent: 20 });
      text(
        r.decision
          ? `besluit (${dateTimeNl(r.decidedAt)}, ${r.decidedBy}): ${r.decision}`
          : `nog geen besluit; uiterlijk te beantwoorden op ${dateNl(r.answerDueAt)}`,
        { indent: 20 },
      );
    }

  heading('Wie heeft het dossier ingezien of gewijzigd');
  if (none(data.accessLog))
    for (const e of data.accessLog) {
      const reason = e.reason?.startsWith('alarm:')
        ? `bij melding ${e.reason.slice(6, 14)}`
        : (e.reason ?? '');
      item(
        `${dateTimeNl(e.at)} - ${e.who}${e.organisation ? ` (${e.organisation})` : ''} - ` +
          `${auditActionNl(e.action)}${reason ? ` - reden: ${reason}` : ''}`,
      );
    }

  if (replaced) {
    heading('Schrijfwijze');
    text(
      'Enkele letters konden in dit document niet exact worden weergegeven; de JSON-export bevat de exacte schrijfwijze.',
      { indent: 8 },
    );
  }

  // -- page numbers, now that the count is known
  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const label = `Pagina ${i + 1} van ${pages.length}`;
    const footer = clean(`${CONFIDENTIAL} - ${data.about.caseReference}`);
    p.drawText(footer, { x: MARGIN, y: 32, size: 8, font: regular, color: rgb(0.4, 0.4, 0.4) });
    p.drawText(label, {
      x: A4[0] - MARGIN - regular.widthOfTextAtSize(label, 8),
      y: 32,
      size: 8,
      font: regular,
      color: rgb(0.4, 0.4, 0.4),
    });
  });

  return doc.save({ useObjectStreams: false });
}
