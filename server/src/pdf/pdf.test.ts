import { describe, expect, it } from 'vitest';
import { visualRuns } from './bidi.ts';
import { CONFIDENTIAL, createPdf } from './index.ts';
import { pdfText } from './testing/pdf-text.ts';
import { wrapText } from './wrap.ts';

const TURKISH = 'Şule Yılmaz-İğdır';
const POLISH = 'Łucja Wąsowska-Żółć';
const ARABIC = 'محمد علي';
const A4_WIDTH = 595.28;
const MARGIN = 56;

const reversed = (s: string) => Array.from(s).reverse().join('');

describe('the PDF writer', () => {
  it('prints Turkish, Polish and Arabic names as written, in the embedded Noto fonts', async () => {
    const pdf = await createPdf({ language: 'nl-NL' });
    pdf.field('Cliënt', TURKISH);
    pdf.field('Contactpersoon', POLISH);
    pdf.field('Pleger', ARABIC);
    pdf.text(`Gesprek met ${ARABIC} (tolk) op 12 maart.`);
    pdf.text('م');
    const read = await pdfText(await pdf.finish());
    expect(pdf.replacedCharacters).toBe(false);
    expect(read.text).toContain(`Cliënt ${TURKISH}`);
    expect(read.text).toContain(`Contactpersoon ${POLISH}`);
    // read in logical order, as pdftotext gives it, beside the Latin label on the left
    expect(read.text).toContain(`Pleger ${ARABIC}`);
    expect(read.text).toContain(`Gesprek met ${ARABIC} (tolk) op 12 maart.`);
    // drawn right to left: the glyphs of the name stand in reverse order from the left
    expect(read.visual).toContain(reversed(ARABIC));
    expect(read.visual).not.toContain(ARABIC);
    expect(read.fonts.map((f) => f.name.replace(/^.*?(NotoSans(Arabic)?-\w+).*$/, '$1'))).toEqual(
      expect.arrayContaining(['NotoSans-Regular', 'NotoSans-Bold', 'NotoSansArabic-Regular']),
    );
    // shaped: meem at the start of محمد and meem alone are different glyphs (joined and isolated forms)
    const arabic = read.fonts.find((f) => f.name.includes('NotoSansArabic-Regular'))!;
    const meems = [...arabic.text.entries()].filter(([, text]) => text === 'م');
    expect(meems.length).toBeGreaterThanOrEqual(2);
  });

  it('marks every page VERTROUWELIJK, wraps a long text over pages within the margins and numbers them', async () => {
    const words = Array.from({ length: 1800 }, (_, i) => `woord${i}`);
    const pdf = await createPdf({
      language: 'nl-NL',
      confidential: { line: `Opgesteld voor: ${TURKISH}, 4 december 2026` },
      footer: `${CONFIDENTIAL} - AW-2026-0001`,
      pageLabel: (n, total) => `Pagina ${n} van ${total}`,
    });
    pdf.title('Lange tekst');
    pdf.text(words.join(' '));
    pdf.text(`adres: ${'x'.repeat(300)}`);
    const read = await pdfText(await pdf.finish());
    expect(read.pages.length).toBeGreaterThan(2);
    read.pages.forEach((page, i) => {
      const lines = page.split('\n');
      expect(lines[0]).toBe(CONFIDENTIAL);
      expect(lines[1]).toBe(`Opgesteld voor: ${TURKISH}, 4 december 2026`);
      expect(lines.at(-1)).toBe(`${CONFIDENTIAL} - AW-2026-0001 Pagina ${i + 1} van ${read.pages.length}`);
      expect(read.right[i]).toBeLessThanOrEqual(A4_WIDTH - MARGIN + 0.01);
    });
    // every word once, in order, none cut: the body read back is the text
    const body = read.pages.map((p) => p.split('\n').slice(2, -1).join(' ')).join(' ');
    expect(body.includes(words.join(' '))).toBe(true);
    // a word wider than the line is broken by characters, and nothing of it is lost
    expect(body.replace(/(?<=x) (?=x)/g, '').includes(`adres: ${'x'.repeat(300)}`)).toBe(true);
  });

  it('prints a character no font has as "?" and says so; a document without metadata names nothing', async () => {
    const pdf = await createPdf({ language: 'en' });
    pdf.text('Smile 🙂 please');
    const read = await pdfText(await pdf.finish());
    expect(read.text).toContain('Smile ? please');
    expect(pdf.replacedCharacters).toBe(true);
    expect(read.doc.getTitle()).toBeUndefined();
    expect(read.doc.getProducer()).toBeUndefined();
    expect(read.doc.getCreator()).toBeUndefined();
    expect(read.doc.getCreationDate()).toBeUndefined();
  });

  it('keeps a table header on a new page and shortens a cell that does not fit', async () => {
    const pdf = await createPdf({ language: 'nl-NL', metadata: { title: `Cijfers ${TURKISH}` } });
    pdf.table({
      columns: [{ width: 200 }, { width: 100, align: 'right' }],
      header: ['Indicator', 'Waarde'],
      rows: Array.from({ length: 80 }, (_, i) => [`rij ${i} ${'lang '.repeat(i === 0 ? 40 : 1)}`, `${i}`]),
    });
    const read = await pdfText(await pdf.finish());
    expect(read.title).toBe(`Cijfers ${TURKISH}`);
    expect(read.pages.length).toBe(2);
    for (const page of read.pages) expect(page.split('\n')[0]).toBe('Indicator Waarde');
    expect(read.text).toMatch(/rij 0 lang lang [a-z ]*… 0\n/);
    expect(read.text).toMatch(/rij 79 lang +79\n/);
  });
});

describe('right-to-left runs', () => {
  it('orders the runs of a line for drawing, each in logical order', () => {
    expect(visualRuns('Naam: محمد علي')).toEqual([
      { text: 'Naam: ', rtl: false },
      { text: 'محمد علي', rtl: true },
    ]);
    // an Arabic line: its first word right-most, the number left to right between
    expect(visualRuns('رقم 42 هو')).toEqual([
      { text: ' هو', rtl: true },
      { text: '42', rtl: false },
      { text: 'رقم ', rtl: true },
    ]);
    // brackets in right-to-left text are mirrored
    expect(visualRuns('(محمد)')).toEqual([{ text: ')محمد(', rtl: true }]);
    expect(visualRuns(`${TURKISH} ${POLISH}`)).toEqual([{ text: `${TURKISH} ${POLISH}`, rtl: false }]);
  });
});

describe('wrapping', () => {
  const measure = (s: string) => Array.from(s).length; // one point per character
  it('breaks at spaces, keeps paragraphs and breaks a too-long word by characters', () => {
    expect(wrapText('een twee drie vier', 9, measure)).toEqual(['een twee', 'drie vier']);
    expect(wrapText('een\n\ntwee', 9, measure)).toEqual(['een', '', 'twee']);
    expect(wrapText('abcdefghijklmnopqrstu', 9, measure)).toEqual(['abcdefghi', 'jklmnopqr', 'stu']);
    expect(wrapText('Żółć ığüş', 4, measure)).toEqual(['Żółć', 'ığüş']);
  });
});
