import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/** Vendored in the repository (server/assets/fonts, SIL Open Font License): never fetched at run time. */
const FONT_DIR = join(import.meta.dirname, '..', '..', 'assets', 'fonts');
const FILES = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  arabicRegular: 'NotoSansArabic-Regular.ttf',
  arabicBold: 'NotoSansArabic-Bold.ttf',
} as const;
type FontName = keyof typeof FILES;
type ParsedFont = ReturnType<typeof fontkit.create>;

/** A font file, read and parsed once per process and shared by every document. */
interface FontFile {
  bytes: Uint8Array;
  parsed: ParsedFont;
  has: Set<number>;
  /** advance widths in thousandths of the font size, by code point */
  advances: Map<number, number>;
}

const files = new Map<FontName, FontFile>();
const fontFile = (name: FontName): FontFile => {
  let file = files.get(name);
  if (!file) {
    const bytes = new Uint8Array(readFileSync(join(FONT_DIR, FILES[name])));
    const parsed = keepCodePoints(fontkit.create(bytes));
    file = { bytes, parsed, has: new Set(parsed.characterSet), advances: new Map() };
    files.set(name, file);
  }
  return file;
};
/**
 * fontkit caches glyphs by id, with the characters of whoever asked first. Subsetting asks for the parts of
 * a composed glyph (the "g" in "ğ") without characters; a later document that prints "g" would get that
 * glyph and pdf-lib would leave it out of the text map, so the "g" could not be read or copied. A glyph
 * asked for with its characters gets them.
 */
function keepCodePoints(font: ParsedFont): ParsedFont {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id: number, codePoints?: number[]) => {
    const glyph = getGlyph(id, codePoints);
    if (codePoints && codePoints.length > 0 && glyph.codePoints.length === 0) glyph.codePoints = codePoints;
    return glyph;
  };
  return font;
}
/** pdf-lib asks this fontkit for the parsed font, so glyph and layout caches stay warm across documents. */
const sharedFontkit = {
  create(bytes: Uint8Array): ParsedFont {
    const file = [...files.values()].find((f) => f.bytes === bytes);
    return file ? file.parsed : fontkit.create(bytes);
  },
};
/**
 * OpenType features fontkit applies when it lays text out. pdf-lib draws glyphs by their advance widths
 * only, so positioning (kerning, marks) is lost anyway and is left out: it costs most of the time. Latin
 * text (NFC) needs no substitution either; Arabic keeps its letter forms and ligatures.
 */
const NO_POSITIONING = { kern: false, mark: false, mkmk: false, curs: false };
const FEATURES: Record<FontName, Record<string, boolean>> = {
  regular: Object.fromEntries(
    ['ccmp', 'locl', 'rlig', 'calt', 'clig', 'liga', 'rclt', 'rvrn', ...Object.keys(NO_POSITIONING)].map(
      (f) => [f, false],
    ),
  ),
  bold: {},
  arabicRegular: NO_POSITIONING,
  arabicBold: NO_POSITIONING,
};
FEATURES.bold = FEATURES.regular;

/** A piece of text in one font, and its width in thousandths of the font size. */
export interface FontPiece {
  text: string;
  font: PDFFont;
  advance: number;
}

interface Face {
  font: PDFFont;
  file: FontFile;
}

const ARABIC = /\p{Script=Arabic}/u;
/** text whose glyphs depend on their neighbours, so it must be laid out to be measured */
const SHAPED = /[\p{Script=Arabic}\p{M}]/u;

/** Signs Noto Sans lacks, written as plain characters. */
const SUBSTITUTES: Record<string, string> = { '→': '->', '←': '<-', '≥': '>=', '≤': '<=' };

/**
 * The document's fonts: Noto Sans for Latin, Greek and Cyrillic, Noto Sans Arabic for Arabic, each regular
 * and bold, embedded as subsets (only the glyphs used). A character neither font has is printed as "?".
 */
export class Fonts {
  private constructor(
    private readonly latin: { regular: Face; bold: Face },
    private readonly arabic: { regular: Face; bold: Face },
  ) {}

  /** set when some character could not be printed and became "?" */
  replaced = false;

  static async embed(doc: PDFDocument): Promise<Fonts> {
    doc.registerFontkit(sharedFontkit);
    const face = async (name: FontName): Promise<Face> => {
      const file = fontFile(name);
      return { font: await doc.embedFont(file.bytes, { subset: true, features: FEATURES[name] }), file };
    };
    return new Fonts(
      { regular: await face('regular'), bold: await face('bold') },
      { regular: await face('arabicRegular'), bold: await face('arabicBold') },
    );
  }

  /** Normalises text (NFC, tabs to spaces) and replaces what no font can print; drops invisible format characters. */
  printable(text: string): string {
    let out = '';
    for (const ch of text.normalize('NFC').replace(/\t/g, ' ')) {
      const cp = ch.codePointAt(0)!;
      const substitute = SUBSTITUTES[ch];
      if (substitute) out += substitute;
      else if (ch === '\n' || this.latin.regular.file.has.has(cp) || this.arabic.regular.file.has.has(cp))
        out += ch;
      else if (/\p{Cf}/u.test(ch)) continue;
      else {
        this.replaced = true;
        out += '?';
      }
    }
    return out;
  }

  /**
   * A run of printable text split by font. In a right-to-left run Arabic letters and the spaces and marks
   * between them go to the Arabic font, so that fontkit shapes and lays the run out as one; the pieces of
   * such a run are returned in visual order (right-most piece last).
   */
  pieces(run: { text: string; rtl: boolean }, bold: boolean): FontPiece[] {
    const latin = bold ? this.latin.bold : this.latin.regular;
    const arabic = bold ? this.arabic.bold : this.arabic.regular;
    const pieces: { text: string; face: Face }[] = [];
    for (const ch of run.text) {
      const cp = ch.codePointAt(0)!;
      const face =
        ARABIC.test(ch) || (run.rtl && arabic.file.has.has(cp)) || !latin.file.has.has(cp) ? arabic : latin;
      const last = pieces[pieces.length - 1];
      if (last && last.face === face) last.text += ch;
      else pieces.push({ text: ch, face });
    }
    const piece = (text: string, face: Face): FontPiece => ({
      text,
      font: face.font,
      advance: advance(text, face),
    });
    if (!run.rtl) return pieces.map((p) => piece(p.text, p.face));
    // fontkit reverses a piece that holds an Arabic letter itself; any other piece is reversed here
    return pieces
      .reverse()
      .map((p) => piece(ARABIC.test(p.text) ? p.text : Array.from(p.text).reverse().join(''), p.face));
  }
}

/** The width of `text` in thousandths of the font size: laid out when shaped, else glyph by glyph. */
function advance(text: string, face: Face): number {
  if (SHAPED.test(text)) return face.font.widthOfTextAtSize(text, 1000);
  const { parsed, advances } = face.file;
  let sum = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let width = advances.get(cp);
    if (width === undefined) {
      width = (parsed.glyphForCodePoint(cp).advanceWidth * 1000) / parsed.unitsPerEm;
      advances.set(cp, width);
    }
    sum += width;
  }
  return sum;
}
