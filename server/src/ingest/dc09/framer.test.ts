import { describe, expect, it } from 'vitest';
import { Dc09Framer, type FramerItem } from './framer.ts';

const A = 'F4D20029"SIA-DCS"0001RF3L77#1234[#1234|NRR|Atest]';
const B = '96ED0016"SIA-DCS"0001L0#1234[]';
const frame = (text: string) => ({ kind: 'frame', text });

function feed(framer: Dc09Framer, ...chunks: string[]): FramerItem[] {
  return chunks.flatMap((chunk) => framer.push(Buffer.from(chunk, 'latin1')));
}

describe('Dc09Framer', () => {
  it('yields several frames from one read', () => {
    expect(feed(new Dc09Framer(), `\n${A}\r\n${B}\r\n${A}\r`)).toEqual([frame(A), frame(B), frame(A)]);
  });

  it('reassembles a frame split over reads, byte by byte', () => {
    const framer = new Dc09Framer();
    const items = feed(framer, ...`\n${A}\r`.split(''));
    expect(items).toEqual([frame(A)]);
  });

  it('keeps the start of the next frame after a complete one', () => {
    const framer = new Dc09Framer();
    expect(feed(framer, `\n${A}\r\n${B.slice(0, 10)}`)).toEqual([frame(A)]);
    expect(feed(framer, `${B.slice(10)}\r`)).toEqual([frame(B)]);
  });

  it('discards and counts bytes outside frames', () => {
    const framer = new Dc09Framer();
    expect(feed(framer, 'GET / HTTP/1.1\r', `xx\n${B}\rtrailing`)).toEqual([frame(B)]);
    expect(framer.discardedBytes).toBe('GET / HTTP/1.1\r'.length + 2 + 'trailing'.length);
  });

  it('reports a frame cut short by the next LF, then reads the next frame', () => {
    expect(feed(new Dc09Framer(), `\n${A.slice(0, 20)}\n${B}\r`)).toEqual([
      { kind: 'error', reason: 'truncated' },
      frame(B),
    ]);
  });

  it('bounds the buffer: an oversized frame is an error, the next frame still reads', () => {
    const framer = new Dc09Framer(64);
    const items = feed(framer, `\n${'X'.repeat(50)}`, 'Y'.repeat(50), `Z\r\n${B}\r`);
    expect(items).toEqual([{ kind: 'error', reason: 'oversized' }, frame(B)]);
  });

  it('accepts a frame of exactly the limit', () => {
    expect(feed(new Dc09Framer(B.length), `\n${B}\r`)).toEqual([frame(B)]);
    expect(feed(new Dc09Framer(B.length - 1), `\n${B}\r`)).toEqual([{ kind: 'error', reason: 'oversized' }]);
  });

  it('passes bytes through as latin1, one character per byte', () => {
    expect(feed(new Dc09Framer(), '\n\xff\xfe\r')).toEqual([frame('\xff\xfe')]);
  });
});
