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

const bytes = new Map<FontName, Buffer>();
const fontBytes = (name: FontName): Buffer => {
  let b = bytes.get(name);
  if (!b) {
    b = readFileSync(join(FONT_DIR, FILES[name]));
    bytes.set(name, b);
  }
  return b;
};

/** A piece of text in one font. */
export interface FontPiece {
  text: string;
  font: PDFFont;
}

interface Face {
  font: PDFFont;
  has: Set<number>;
}

const ARABIC_LETTER = /\p{Script=Arabic}/u;

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
    doc.registerFontkit(fontkit);
    const face = async (name: FontName): Promise<Face> => {
      const font = await doc.embedFont(fontBytes(name), { subset: true });
      return { font, has: new Set(font.getCharacterSet()) };
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
      else if (ch === '\n' || this.latin.regular.has.has(cp) || this.arabic.regular.has.has(cp)) out += ch;
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
        ARABIC_LETTER.test(ch) || (run.rtl && arabic.has.has(cp)) || !latin.has.has(cp) ? arabic : latin;
      const last = pieces[pieces.length - 1];
      if (last && last.face === face) last.text += ch;
      else pieces.push({ text: ch, face });
    }
    if (!run.rtl) return pieces.map((p) => ({ text: p.text, font: p.face.font }));
    // fontkit reverses a piece that holds an Arabic letter itself; any other piece is reversed here
    return pieces.reverse().map((p) => ({
      text: ARABIC_LETTER.test(p.text) ? p.text : Array.from(p.text).reverse().join(''),
      font: p.face.font,
    }));
  }
}
