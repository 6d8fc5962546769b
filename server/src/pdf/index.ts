/**
 * The one PDF writer: every document the platform prints is laid out here, in embedded Noto Sans (and
 * Noto Sans Arabic, right to left and shaped), so Turkish, Polish and Arabic names print as written.
 *
 *   const pdf = await createPdf({
 *     language: 'nl-NL',
 *     confidential: { line: `Opgesteld voor: ${name}, ${date}` }, // red VERTROUWELIJK + this line, every page
 *     footer: `${CONFIDENTIAL} - ${reference}`,                  // foot of every page, left
 *     pageLabel: (n, total) => `Pagina ${n} van ${total}`,       // foot, right (default "1 / 3")
 *     metadata: { title, subject, keywords, author, createdAt }, // leave out to name nothing in the file
 *   });
 *   pdf.title('Bewijsoverzicht');
 *   pdf.heading('Documenten');                 // never alone at the bottom of a page
 *   pdf.text(long, { indent: 8, size: 9, bold: false, muted: false, gap: 4 }); // wraps over lines and pages
 *   pdf.item('a bulleted line');
 *   pdf.field('Naam', value);                  // bold label, value wrapped beside it
 *   pdf.table({ columns: [{ width: 300 }, { width: 183, align: 'right' }], header: ['Bestand', 'SHA-256'], rows });
 *   pdf.figure(120, (c) => c.rect({ x: 0, y: 0, width: 30, height: 80, color: [0.2, 0.4, 0.6] }));
 *   const bytes: Uint8Array = await pdf.finish();
 *
 * Characters no font has (emoji, CJK) print as "?" and set `pdf.replacedCharacters`.
 * Tests read a PDF back with `pdfText` from `pdf/testing/pdf-text.ts`.
 */
export {
  CONFIDENTIAL,
  type Color,
  createPdf,
  type FigureCanvas,
  type PdfOptions,
  type PdfWriter,
  type TableColumn,
  type TextOptions,
} from './document.ts';
