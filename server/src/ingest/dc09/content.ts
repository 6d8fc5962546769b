/** The readable part of a message: `[data][xdata]..._timestamp`. */
export interface Dc09Content {
  /** inside the first bracket pair; undefined when the message has no brackets at all */
  data?: string;
  /** inside each further bracket pair, e.g. `X006E07.7777777` */
  xdata: string[];
  /** after `_`, without it; undefined when absent */
  timestamp?: string;
}

export type ContentResult = { ok: true; content: Dc09Content } | { ok: false; detail: string };

export function parseContent(text: string): ContentResult {
  const blocks: string[] = [];
  let at = 0;
  while (text[at] === '[') {
    const close = text.indexOf(']', at + 1);
    if (close < 0) return { ok: false, detail: 'unclosed "["' };
    const block = text.slice(at + 1, close);
    if (block.includes('[')) return { ok: false, detail: 'nested "["' };
    blocks.push(block);
    at = close + 1;
  }
  const tail = text.slice(at);
  if (tail !== '' && !tail.startsWith('_')) return { ok: false, detail: 'text after the data blocks' };
  const [data, ...xdata] = blocks;
  const content: Dc09Content = { xdata };
  if (data !== undefined) content.data = data;
  if (tail !== '') content.timestamp = tail.slice(1);
  return { ok: true, content };
}
