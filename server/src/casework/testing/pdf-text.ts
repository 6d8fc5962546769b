import { decodePDFRawStream, PDFArray, PDFDocument, type PDFPage, PDFRawStream } from 'pdf-lib';

const WINDOWS_1252 = new TextDecoder('windows-1252');

/** The text drawn on one page: pdf-lib writes standard-font text as hex strings in flate-compressed streams. */
function pageText(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  let text = '';
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue;
    const ops = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    for (const match of ops.matchAll(/<([0-9A-Fa-f]*)> Tj/g))
      text += `${WINDOWS_1252.decode(Buffer.from(match[1]!, 'hex'))}\n`;
  }
  return text;
}

/** Parses a PDF with pdf-lib (throws when it is not one) and answers all its text and its metadata. */
export async function pdfText(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return {
    text: doc.getPages().map(pageText).join('\n'),
    title: doc.getTitle() ?? null,
    author: doc.getAuthor() ?? null,
    keywords: doc.getKeywords() ?? null,
  };
}
