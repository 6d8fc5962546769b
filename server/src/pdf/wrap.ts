/**
 * Breaks text into lines no wider than `width` as measured by `measure`: at spaces, and a word wider than
 * a line (a long address or id) by characters. Paragraphs ("\n") start a new line; an empty paragraph is
 * an empty line. Widths add up word by word (glyph advances do), so each word is measured once.
 */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  const space = measure(' ');
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      const wordWidth = measure(word);
      if (line === '' ? wordWidth <= width : lineWidth + space + wordWidth <= width) {
        lineWidth = line === '' ? wordWidth : lineWidth + space + wordWidth;
        line = line === '' ? word : `${line} ${word}`;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      let restWidth = wordWidth;
      while (restWidth > width) {
        const chars = Array.from(rest);
        const cut = longestFit(chars, width, measure);
        lines.push(chars.slice(0, cut).join(''));
        rest = chars.slice(cut).join('');
        restWidth = measure(rest);
      }
      line = rest;
      lineWidth = restWidth;
    }
    lines.push(line);
  }
  return lines;
}

/** How many of `chars` fit `width` (at least one), by halving. */
function longestFit(chars: string[], width: number, measure: (text: string) => number): number {
  let fits = 1;
  let tooWide = chars.length;
  while (tooWide - fits > 1) {
    const mid = Math.floor((fits + tooWide) / 2);
    if (measure(chars.slice(0, mid).join('')) <= width) fits = mid;
    else tooWide = mid;
  }
  return fits;
}

/** Shortens `value` with "…" until it fits `width`. */
export function truncate(value: string, width: number, measure: (text: string) => number): string {
  if (measure(value) <= width) return value;
  const chars = Array.from(value);
  const cut = longestFit(chars, width - measure('…'), measure);
  return `${chars.slice(0, cut).join('')}…`;
}
