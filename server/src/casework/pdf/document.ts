import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

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
const TOP = A4[1] - 64;
const BOTTOM = 64;
const WIDTH = A4[0] - 2 * MARGIN;

export interface PdfWriter {
  title(text: string): void;
  heading(text: string): void;
  text(text: string, options?: { indent?: number; bold?: boolean; size?: number }): void;
  item(text: string): void;
  gap(points: number): void;
  finish(): Promise<Uint8Array>;
}

/**
 * A plain A4 document in the standard Helvetica font (as the privacy export): it knows Windows-1252, which
 * covers Dutch, English and most western languages; other letters are written without their accent
 * (Turkish ş → s) or as "?". `footer` is printed on every page with "x / y".
 * The metadata names nothing: no title, author or producer that could tell a finder what this is.
 */
export async function createPdf(options: { language: string; footer: string }): Promise<PdfWriter> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const known = new Set(regular.getCharacterSet());
  const clean = (text: string): string =>
    Array.from(text.replace(/\r\n?/g, '\n').replace(/\t/g, ' '))
      .map((ch) => {
        if (ch === '\n' || known.has(ch.codePointAt(0)!)) return ch;
        const base = TRANSLITERATE[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
        return base && Array.from(base).every((b) => known.has(b.codePointAt(0)!)) ? base : '?';
      })
      .join('');
  doc.setProducer('');
  doc.setCreator('');
  doc.setLanguage(options.language);

  let page: PDFPage = doc.addPage(A4);
  let y = TOP;
  const ensure = (height: number) => {
    if (y - height < BOTTOM) {
      page = doc.addPage(A4);
      y = TOP;
    }
  };

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

  const writer: PdfWriter = {
    text(value, o = {}) {
      const font = o.bold ? bold : regular;
      const size = o.size ?? 11;
      const indent = o.indent ?? 0;
      for (const line of wrap(value, font, size, WIDTH - indent)) {
        ensure(size * 1.4);
        page.drawText(line, { x: MARGIN + indent, y: y - size, size, font, color: rgb(0, 0, 0) });
        y -= size * 1.4;
      }
    },
    title(value) {
      writer.text(value, { bold: true, size: 18 });
      y -= 6;
    },
    heading(value) {
      ensure(48); // never a heading alone at the bottom of a page
      y -= 10;
      writer.text(value, { bold: true, size: 13 });
      y -= 2;
    },
    item(value) {
      writer.text(`- ${value}`, { indent: 10 });
    },
    gap(points) {
      y -= points;
    },
    async finish() {
      const pages = doc.getPages();
      pages.forEach((p, i) => {
        p.drawText(clean(`${options.footer}  ${i + 1} / ${pages.length}`), {
          x: MARGIN,
          y: 32,
          size: 8,
          font: regular,
          color: rgb(0.4, 0.4, 0.4),
        });
      });
      return doc.save();
    },
  };
  return writer;
}
