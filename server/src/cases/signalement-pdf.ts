import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';

export interface SignalementData {
  reference: string;
  perpetrator: {
    name: string;
    description: string | null;
    vehicle: string | null;
    registration: string | null;
    weapons: string | null;
    riskFlags: string[];
  } | null;
  bans: { kind: string; description: string }[];
  recipient: string | null;
  printedFor: string;
  at: Date;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;

const dateTimeNl = (d: Date) =>
  new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(d);

/**
 * The signalement form (perpetrator description) for the police, one A4 page, marked VERTROUWELIJK.
 * It carries nothing about the client: no name, address or phone — only what the police need to
 * recognise the perpetrator and the bans they enforce.
 */
export async function renderSignalementPdf(data: SignalementData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const known = new Set(regular.getCharacterSet());
  const clean = (text: string) =>
    Array.from(text.normalize('NFC'))
      .map((ch) => (known.has(ch.codePointAt(0)!) ? ch : ch.normalize('NFD').replace(/\p{M}/gu, '') || '?'))
      .map((ch) => (Array.from(ch).every((c) => known.has(c.codePointAt(0)!)) ? ch : '?'))
      .join('');
  doc.setTitle(clean(`Signalement - traject ${data.reference}`));
  doc.setSubject('VERTROUWELIJK');
  doc.setKeywords(['VERTROUWELIJK', data.reference]);
  doc.setCreator('AWARE');
  doc.setProducer('AWARE');
  doc.setLanguage('nl-NL');
  doc.setCreationDate(data.at);

  const page = doc.addPage(A4);
  page.drawText('VERTROUWELIJK', { x: MARGIN, y: A4[1] - 44, size: 14, font: bold, color: rgb(0.7, 0, 0) });
  page.drawText(clean(`Afgedrukt voor ${data.printedFor}, ${dateTimeNl(data.at)}`), {
    x: MARGIN,
    y: A4[1] - 62,
    size: 9,
    font: regular,
  });
  let y = A4[1] - 100;

  const wrap = (value: string, font: PDFFont, size: number) => {
    const lines: string[] = [];
    for (const paragraph of clean(value).split('\n')) {
      let line = '';
      for (const word of paragraph.split(/ +/)) {
        const next = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) > WIDTH - 140 && line) {
          lines.push(line);
          line = word;
        } else line = next;
      }
      lines.push(line);
    }
    return lines;
  };
  const heading = (value: string) => {
    y -= 8;
    page.drawText(clean(value), { x: MARGIN, y, size: 13, font: bold });
    y -= 20;
  };
  const row = (label: string, value: string | null | undefined) => {
    page.drawText(clean(label), { x: MARGIN, y, size: 10, font: bold });
    for (const line of wrap(value?.trim() || '-', regular, 10)) {
      page.drawText(line, { x: MARGIN + 140, y, size: 10, font: regular });
      y -= 14;
    }
    y -= 4;
  };

  heading(`Signalement pleger - traject ${data.reference}`);
  row('Verstuurd aan', data.recipient);
  heading('Pleger');
  const p = data.perpetrator;
  row('Naam', p?.name);
  row('Signalement', p?.description);
  row('Voertuig', p?.vehicle);
  row('Kenteken', p?.registration);
  row('Wapens', p?.weapons);
  row('Risicofactoren', p?.riskFlags.join(', '));
  heading('Verboden');
  if (data.bans.length === 0) row('Verboden', 'geen vastgelegd');
  for (const ban of data.bans)
    row(ban.kind === 'contact' ? 'Contactverbod' : 'Gebiedsverbod', ban.description);
  y -= 12;
  for (const line of wrap(
    'Dit formulier bevat geen gegevens van de cliënt. Deel het niet met de pleger of derden; bewaar het volgens de regels voor politiegegevens.',
    regular,
    9,
  )) {
    page.drawText(line, { x: MARGIN, y, size: 9, font: regular, color: rgb(0.3, 0.3, 0.3) });
    y -= 12;
  }
  return doc.save();
}
