import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** Letters written right to left, and the controls that force that direction: without them a line is left to right. */
const RIGHT_TO_LEFT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\u200F\u202B\u202E\u2067]/u;

/** A piece of one line, in the order it is drawn from left to right. */
export interface VisualRun {
  /** the run's characters in logical (typed) order */
  text: string;
  /** right-to-left: drawn with its first character at the right */
  rtl: boolean;
}

/**
 * Splits one line (no line breaks) into runs of one direction, in visual order, by the Unicode
 * bidirectional algorithm; the paragraph's direction is that of its first strong letter. Each run keeps
 * its characters in logical order, because the font engine (fontkit) shapes Arabic from logical order and
 * lays a right-to-left run out itself. Brackets in right-to-left runs are mirrored here.
 */
export function visualRuns(line: string): VisualRun[] {
  if (line === '') return [];
  if (!RIGHT_TO_LEFT.test(line)) return [{ text: line, rtl: false }];
  const embedding = bidi.getEmbeddingLevels(line);
  const { levels } = embedding;
  if (levels.every((level) => level === 0)) return [{ text: line, rtl: false }];
  const mirrored = bidi.getMirroredCharactersMap(line, levels);
  // code-unit indices in visual order; within one run a surrogate pair stays together, because
  // an odd-level run is reversed back to logical order below
  const order = Array.from({ length: line.length }, (_, i) => i);
  for (const [start = 0, end = -1] of bidi.getReorderSegments(line, embedding)) {
    order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse());
  }
  const runs: VisualRun[] = [];
  let indices: number[] = [];
  let level = -1;
  const flush = () => {
    if (indices.length === 0) return;
    const rtl = level % 2 === 1;
    const logical = rtl ? indices.reverse() : indices;
    runs.push({ text: logical.map((i) => mirrored.get(i) ?? line[i]).join(''), rtl });
  };
  for (const i of order) {
    if (levels[i] !== level) {
      flush();
      indices = [];
      level = levels[i]!;
    }
    indices.push(i);
  }
  flush();
  return runs;
}
