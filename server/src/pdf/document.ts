import {
  beginText,
  endText,
  PDFDocument,
  type PDFFont,
  type PDFName,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  showText,
} from 'pdf-lib';
import { visualRuns } from './bidi.ts';
import { Fonts } from './fonts.ts';
import { truncate, wrapText } from './wrap.ts';

/** The marking on every page of a confidential document, and in its metadata. */
export const CONFIDENTIAL = 'VERTROUWELIJK';

/** red, green, blue from 0 to 1 */
export type Color = readonly [number, number, number];

export interface PdfOptions {
  /** language of the text (BCP 47), e.g. 'nl-NL' or 'en' */
  language: string;
  /**
   * The file's metadata, with creator and producer "AWARE". Without it the file names nothing: no title,
   * author, producer or dates that could tell a finder what it is.
   */
  metadata?: { title?: string; subject?: string; keywords?: string[]; author?: string; createdAt?: Date };
  /** "VERTROUWELIJK" in red at the top of every page, with `line` (for whom, when) under it */
  confidential?: { line: string };
  /** printed at the foot of every page, left; the page number stands right */
  footer?: string;
  /** the page number's text; default "1 / 3" */
  pageLabel?: (page: number, pages: number) => string;
  /** size of body text, items and fields; default 10 */
  fontSize?: number;
}

export interface TextOptions {
  indent?: number;
  bold?: boolean;
  /** default the document's fontSize */
  size?: number;
  /** grey, for notes */
  muted?: boolean;
  /** space after the text */
  gap?: number;
}

export interface TableColumn {
  /** width in points; the table is at most 483 points wide */
  width: number;
  align?: 'left' | 'right';
}

/** Where a figure is drawn; x and y in points from the figure's bottom-left corner. */
export interface FigureCanvas {
  width: number;
  height: number;
  rect(box: { x: number; y: number; width: number; height: number; color: Color }): void;
  label(text: string, at: { x: number; y: number; size?: number; bold?: boolean }): void;
}

export interface PdfWriter {
  /** the page's text width in points */
  readonly width: number;
  /** true when some character had no glyph in the fonts and was printed as "?" */
  readonly replacedCharacters: boolean;
  title(text: string): void;
  /** a section heading, never alone at the bottom of a page */
  heading(text: string): void;
  /** wrapped text; "\n" starts a new line */
  text(text: string, options?: TextOptions): void;
  /** a bulleted line with a hanging indent */
  item(text: string, options?: { indent?: number; size?: number }): void;
  /** a label in bold and its value beside it, wrapped in its own column */
  field(label: string, value: string | null | undefined, options?: { labelWidth?: number }): void;
  /** rows of cells, shortened with "…" to fit their column; the header is repeated on a new page */
  table(table: { columns: TableColumn[]; header?: string[]; rows: string[][] }): void;
  /** a drawing of `height` points across the text width, e.g. a bar chart */
  figure(height: number, draw: (canvas: FigureCanvas) => void): void;
  gap(points: number): void;
  finish(): Promise<Uint8Array>;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;
const BOTTOM = 64;
const LEADING = 1.4;
const BLACK: Color = [0, 0, 0];
const GREY: Color = [0.35, 0.35, 0.35];
const RED: Color = [0.7, 0, 0];
const color = (c: Color) => rgb(c[0], c[1], c[2]);

/**
 * An A4 document in Noto Sans (Noto Sans Arabic for Arabic, right to left), written top to bottom: each
 * call adds below the last and starts a new page when the page is full.
 */
export async function createPdf(options: PdfOptions): Promise<PdfWriter> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await Fonts.embed(doc);
  doc.setLanguage(options.language);
  const m = options.metadata;
  if (m) {
    if (m.title) doc.setTitle(fonts.printable(m.title));
    if (m.subject) doc.setSubject(fonts.printable(m.subject));
    if (m.keywords) doc.setKeywords(m.keywords.map((k) => fonts.printable(k)));
    if (m.author) doc.setAuthor(fonts.printable(m.author));
    doc.setCreator('AWARE');
    doc.setProducer('AWARE');
    if (m.createdAt) {
      doc.setCreationDate(m.createdAt);
      doc.setModificationDate(m.createdAt);
    }
  }
  const bodySize = options.fontSize ?? 10;
  const top = options.confidential ? A4[1] - 100 : A4[1] - 64;

  /** the width of one line of printable text (laying out is costly, and words repeat) */
  const widths = new Map<string, number>();
  const measure = (line: string, size: number, bold = false) => {
    const key = `${bold ? 'b' : 'r'}${line}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = visualRuns(line)
        .flatMap((run) => fonts.pieces(run, bold))
        .reduce((sum, piece) => sum + piece.advance, 0);
      widths.set(key, width);
    }
    return (width * size) / 1000;
  };
  /** each font once in a page's resources (pdf-lib's drawText adds it again on every call) */
  const fontKeys = new Map<PDFPage, Map<PDFFont, PDFName>>();
  const fontKey = (target: PDFPage, font: PDFFont): PDFName => {
    const keys = fontKeys.get(target) ?? new Map<PDFFont, PDFName>();
    fontKeys.set(target, keys);
    let key = keys.get(font);
    if (!key) {
      key = target.node.newFontDictionary(font.name, font.ref);
      keys.set(font, key);
    }
    return key;
  };
  /** draws one line of printable text with its baseline at y */
  const drawLine = (
    target: PDFPage,
    line: string,
    at: { x: number; y: number; size: number; bold?: boolean; color?: Color },
  ) => {
    const c = at.color ?? BLACK;
    const operators = [pushGraphicsState(), beginText(), setFillingRgbColor(c[0], c[1], c[2])];
    let x = at.x;
    for (const run of visualRuns(line))
      for (const piece of fonts.pieces(run, at.bold ?? false)) {
        operators.push(
          setFontAndSize(fontKey(target, piece.font), at.size),
          setTextMatrix(1, 0, 0, 1, x, at.y),
          showText(piece.font.encodeText(piece.text)),
        );
        x += (piece.advance * at.size) / 1000;
      }
    target.pushOperators(...operators, endText(), popGraphicsState());
  };

  const newPage = (): PDFPage => {
    const p = doc.addPage(A4);
    if (options.confidential) {
      drawLine(p, CONFIDENTIAL, { x: MARGIN, y: A4[1] - 44, size: 14, bold: true, color: RED });
      drawLine(p, fonts.printable(options.confidential.line), {
        x: MARGIN,
        y: A4[1] - 62,
        size: 9,
        color: GREY,
      });
      p.drawLine({
        start: { x: MARGIN, y: A4[1] - 72 },
        end: { x: A4[0] - MARGIN, y: A4[1] - 72 },
        thickness: 0.5,
        color: rgb(0.6, 0.6, 0.6),
      });
    }
    return p;
  };
  let page = newPage();
  let y = top;
  /** starts a new page unless `height` points fit; answers whether it did */
  const ensure = (height: number): boolean => {
    if (y - height >= BOTTOM) return false;
    page = newPage();
    y = top;
    return true;
  };

  const lines = (value: string, width: number, size: number, bold: boolean) =>
    wrapText(fonts.printable(value), width, (line) => measure(line, size, bold));

  const writer: PdfWriter = {
    width: WIDTH,
    get replacedCharacters() {
      return fonts.replaced;
    },
    text(value, o = {}) {
      const size = o.size ?? bodySize;
      const indent = o.indent ?? 0;
      for (const line of lines(value, WIDTH - indent, size, o.bold ?? false)) {
        ensure(size * LEADING);
        drawLine(page, line, {
          x: MARGIN + indent,
          y: y - size,
          size,
          bold: o.bold,
          color: o.muted ? GREY : BLACK,
        });
        y -= size * LEADING;
      }
      y -= o.gap ?? 0;
    },
    title(value) {
      writer.text(value, { bold: true, size: 17, gap: 6 });
    },
    heading(value) {
      ensure(48);
      y -= 10;
      writer.text(value, { bold: true, size: 13, gap: 3 });
    },
    item(value, o = {}) {
      const indent = (o.indent ?? 8) + 10;
      const size = o.size ?? bodySize;
      lines(value, WIDTH - indent, size, false).forEach((line, i) => {
        ensure(size * LEADING);
        if (i === 0) drawLine(page, '•', { x: MARGIN + indent - 9, y: y - size, size });
        drawLine(page, line, { x: MARGIN + indent, y: y - size, size });
        y -= size * LEADING;
      });
    },
    field(label, value, o = {}) {
      const labelWidth = o.labelWidth ?? 140;
      const size = bodySize;
      const labelLines = lines(label, labelWidth - 8, size, true);
      const valueLines = lines(value?.trim() || '-', WIDTH - labelWidth, size, false);
      const count = Math.max(labelLines.length, valueLines.length);
      for (let i = 0; i < count; i++) {
        const broke = ensure(size * LEADING);
        // a row continued on a new page repeats its label there
        const labelLine = labelLines[i] ?? (broke ? labelLines[0] : undefined);
        if (labelLine) drawLine(page, labelLine, { x: MARGIN, y: y - size, size, bold: true });
        const valueLine = valueLines[i];
        if (valueLine !== undefined) drawLine(page, valueLine, { x: MARGIN + labelWidth, y: y - size, size });
        y -= size * LEADING;
      }
      y -= 3;
    },
    table({ columns, header, rows }) {
      const size = 9;
      const rowHeight = size * 1.45;
      const row = (cells: string[], bold: boolean) => {
        let x = MARGIN;
        columns.forEach((column, i) => {
          const cell = truncate(fonts.printable(cells[i] ?? ''), column.width - 6, (t) =>
            measure(t, size, bold),
          );
          const dx = column.align === 'right' ? column.width - measure(cell, size, bold) : 0;
          drawLine(page, cell, { x: x + dx, y: y - size, size, bold });
          x += column.width;
        });
        y -= rowHeight;
      };
      if (header) {
        ensure(rowHeight * 3); // never a header alone at the bottom of a page
        row(header, true);
      }
      for (const cells of rows) {
        if (ensure(rowHeight) && header) row(header, true);
        row(cells, false);
      }
    },
    figure(height, draw) {
      ensure(height);
      const bottom = y - height;
      const target = page;
      draw({
        width: WIDTH,
        height,
        rect: (b) =>
          target.drawRectangle({
            x: MARGIN + b.x,
            y: bottom + b.y,
            width: b.width,
            height: b.height,
            color: color(b.color),
          }),
        label: (text, at) =>
          drawLine(target, fonts.printable(text), {
            x: MARGIN + at.x,
            y: bottom + at.y,
            size: at.size ?? 8,
            bold: at.bold,
          }),
      });
      y = bottom - 6;
    },
    gap(points) {
      y -= points;
    },
    async finish() {
      const pages = doc.getPages();
      const footer = options.footer ? fonts.printable(options.footer) : '';
      pages.forEach((p, i) => {
        const label = (options.pageLabel ?? ((n, total) => `${n} / ${total}`))(i + 1, pages.length);
        if (footer) drawLine(p, footer, { x: MARGIN, y: 32, size: 8, color: GREY });
        drawLine(p, label, { x: A4[0] - MARGIN - measure(label, 8), y: 32, size: 8, color: GREY });
      });
      return doc.save({ useObjectStreams: false });
    },
  };
  return writer;
}
