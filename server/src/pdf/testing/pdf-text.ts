import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFNumber,
  type PDFPage,
  PDFRawStream,
  type PDFRef,
} from 'pdf-lib';

/** One embedded font as a reader sees it: glyph id → text (its ToUnicode map) and glyph widths. */
interface ReadFont {
  name: string;
  text: Map<number, string>;
  width: Map<number, number>;
}

const UTF16 = new TextDecoder('utf-16be');
const ARABIC = /\p{Script=Arabic}/u;

function readFont(doc: PDFDocument, ref: PDFRef | PDFDict): ReadFont {
  const font = ref instanceof PDFDict ? ref : doc.context.lookup(ref, PDFDict);
  const text = new Map<number, string>();
  const toUnicode = font.lookup(PDFName.of('ToUnicode'));
  if (toUnicode instanceof PDFRawStream) {
    const cmap = Buffer.from(decodePDFRawStream(toUnicode).decode()).toString('latin1');
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const [, gid, unicode] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
        text.set(Number.parseInt(gid!, 16), UTF16.decode(Buffer.from(unicode!, 'hex')));
  }
  const width = new Map<number, number>();
  const descendant = font.lookup(PDFName.of('DescendantFonts'));
  if (descendant instanceof PDFArray) {
    const w = descendant.lookup(0, PDFDict).lookup(PDFName.of('W'));
    if (w instanceof PDFArray)
      for (let i = 0; i + 1 < w.size(); i += 2) {
        const first = (w.lookup(i) as PDFNumber).asNumber();
        const widths = w.lookup(i + 1);
        if (widths instanceof PDFArray)
          for (let j = 0; j < widths.size(); j++)
            width.set(first + j, (widths.lookup(j) as PDFNumber).asNumber());
      }
  }
  const name = font.lookup(PDFName.of('BaseFont'));
  return { name: name instanceof PDFName ? name.decodeText() : '', text, width };
}

interface Piece {
  x: number;
  y: number;
  end: number;
  size: number;
  /** glyphs in drawing order (left to right) */
  glyphs: string[];
}

/**
 * The text drawn on one page as lines from top to bottom, as a reader (pdftotext) gives it: glyph ids are
 * read back through the font's ToUnicode map, pieces on one baseline are joined (with a space where a gap
 * is), and a piece of Arabic, drawn right to left, is read back in logical order. `visual` keeps every
 * piece in drawing order.
 */
function pageText(page: PDFPage): { text: string; visual: string; right: number; fonts: ReadFont[] } {
  const doc = page.doc;
  const fontDict = page.node.Resources()?.lookup(PDFName.of('Font'));
  const fonts = new Map<string, ReadFont>();
  if (fontDict instanceof PDFDict)
    for (const [name, ref] of fontDict.entries()) fonts.set(name.decodeText(), readFont(doc, ref as PDFRef));
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  const pieces: Piece[] = [];
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue;
    const ops = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    let x = 0;
    let y = 0;
    let size = 10;
    let font: ReadFont | undefined;
    for (const op of ops.matchAll(
      /(-?[\d.]+) (-?[\d.]+) Tm|\/([^\s/]+) (-?[\d.]+) Tf|<([0-9A-Fa-f]*)> Tj/g,
    )) {
      if (op[1] !== undefined) {
        x = Number(op[1]);
        y = Number(op[2]);
      } else if (op[3] !== undefined) {
        font = fonts.get(op[3]);
        size = Number(op[4]);
      } else {
        const hex = op[5]!;
        const glyphs: string[] = [];
        let advance = 0;
        if (font && font.text.size > 0)
          for (let i = 0; i + 4 <= hex.length; i += 4) {
            const gid = Number.parseInt(hex.slice(i, i + 4), 16);
            glyphs.push(font.text.get(gid) ?? '\uFFFD');
            advance += ((font.width.get(gid) ?? 0) / 1000) * size;
          }
        else glyphs.push(...Buffer.from(hex, 'hex').toString('latin1'));
        pieces.push({ x, y, size, end: x + advance, glyphs });
      }
    }
  }
  const lines = new Map<number, Piece[]>();
  for (const piece of pieces) {
    const key = Math.round(piece.y * 10);
    lines.set(key, [...(lines.get(key) ?? []), piece]);
  }
  const join = (logical: boolean) =>
    [...lines.entries()]
      .sort(([a], [b]) => b - a)
      .map(([, line]) => {
        let out = '';
        let end: number | null = null;
        for (const p of line.sort((a, b) => a.x - b.x)) {
          if (end !== null && p.x - end > p.size * 0.2) out += ' ';
          const rtl = logical && p.glyphs.some((g) => ARABIC.test(g));
          out += (rtl ? [...p.glyphs].reverse() : p.glyphs).join('');
          end = p.end;
        }
        return out;
      })
      .join('\n');
  return {
    text: join(true),
    visual: join(false),
    right: Math.max(0, ...pieces.map((p) => p.end)),
    fonts: [...fonts.values()],
  };
}

/** Parses a PDF with pdf-lib (throws when it is not one) and answers its text, per page and in all, and its metadata. */
export async function pdfText(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = doc.getPages().map(pageText);
  return {
    doc,
    pages: pages.map((p) => p.text),
    text: pages.map((p) => p.text).join('\n'),
    visual: pages.map((p) => p.visual).join('\n'),
    /** per page, where the right-most text ends (points from the left edge) */
    right: pages.map((p) => p.right),
    /** the fonts drawn with: name and glyph id → text */
    fonts: pages.flatMap((p) => p.fonts),
    title: doc.getTitle() ?? null,
    author: doc.getAuthor() ?? null,
    keywords: doc.getKeywords() ?? null,
  };
}
