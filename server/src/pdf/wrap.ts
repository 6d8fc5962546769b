/**
 * Breaks text into lines no wider than `width` as measured by `measure`: at spaces, and a word wider than
 * a line (a long address or id) by characters. Paragraphs ("\n") start a new line; an empty paragraph is
 * an empty line.
 */
export function wrapText(text: string, width: number, measure: (line: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (measure(rest) > width) {
        const chars = Array.from(rest);
        let cut = chars.length - 1;
        while (cut > 1 && measure(chars.slice(0, cut).join('')) > width) cut--;
        lines.push(chars.slice(0, cut).join(''));
        rest = chars.slice(cut).join('');
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** Shortens `value` with "…" until it fits `width`. */
export function truncate(value: string, width: number, measure: (line: string) => number): string {
  if (measure(value) <= width) return value;
  const chars = Array.from(value);
  let cut = chars.length;
  while (cut > 1 && measure(`${chars.slice(0, cut).join('')}…`) > width) cut--;
  return `${chars.slice(0, cut).join('')}…`;
}
