import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, fuzzParameters, timed, withBoundedHeap } from '../fuzz-budget.ts';
import { crcHex } from './crc.ts';
import { type AccountKey, decodeDc09 } from './decoder.ts';
import { encodeDc09, locationXdata, siaData } from './encoder.ts';
import { Dc09Framer, type FramerItem } from './framer.ts';

const NOW = new Date(Date.UTC(2026, 2, 14, 9, 27, 0));
const MAX_FRAME = 1024;

/** Any reply the receiver can write: a frame with a valid CRC and length. */
function expectWellFormedReply(reply: string) {
  const match = /^\n([0-9A-F]{4})(0[0-9A-F]{3})(.*)\r$/s.exec(reply);
  expect(match).not.toBeNull();
  const [, crc, length, body] = match!;
  expect(crc).toBe(crcHex(body!));
  expect(Number.parseInt(length!, 16)).toBe(body!.length);
}

async function decodeAny(text: string, lookupKey: (account: string) => AccountKey) {
  const decision = await timed(() => decodeDc09(text, { lookupKey, now: NOW }));
  expectWellFormedReply(decision.outcome === 'event' ? decision.reply(true, NOW) : decision.reply);
  return decision;
}

const frames = (items: FramerItem[]) => items.filter((i) => i.kind === 'frame').map((i) => i.text);

/** Splits bytes at the given cut points, as TCP may deliver them. */
function chunked(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const at of [...points, bytes.length]) {
    chunks.push(bytes.subarray(from, at));
    from = at;
  }
  return chunks;
}

const byteStream = fc.array(
  fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.constantFrom(
      Buffer.from('\n'),
      Buffer.from('\r'),
      Buffer.from(
        encodeDc09({ token: 'SIA-DCS', sequence: 1, account: '1001', data: siaData('1001', 'PA') }),
      ),
      Buffer.alloc(MAX_FRAME + 10, 0x41),
    ),
  ),
  { maxLength: 12 },
);

describe(`DC-09 decoders under a fuzzer (${FUZZ_RUNS} inputs per property, AWARE_FUZZ_RUNS)`, () => {
  it('frames any byte stream the same however TCP splits it, never beyond the frame limit', () =>
    withBoundedHeap(() =>
      fc.assert(
        fc.asyncProperty(byteStream, fc.array(fc.nat(), { maxLength: 20 }), async (parts, cuts) => {
          const bytes = Buffer.concat(parts);
          const whole = frames(new Dc09Framer(MAX_FRAME).push(bytes));
          const framer = new Dc09Framer(MAX_FRAME);
          const pieces = await timed(() => chunked(bytes, cuts).flatMap((c) => framer.push(c)));
          expect(frames(pieces)).toEqual(whole);
          for (const text of whole) {
            expect(text.length).toBeLessThanOrEqual(MAX_FRAME);
            await decodeAny(text, () => null);
          }
        }),
        fuzzParameters(),
      ),
    ));

  it('reads an encrypted frame under any AES key of 16, 24 or 32 bytes, and refuses it under another', () =>
    withBoundedHeap(() =>
      fc.assert(
        fc.asyncProperty(
          fc
            .constantFrom(16, 24, 32)
            .chain((n) =>
              fc.tuple(
                fc.uint8Array({ minLength: n, maxLength: n }),
                fc.uint8Array({ minLength: n, maxLength: n }),
              ),
            ),
          fc.stringMatching(/^[0-9A-F]{3,16}$/),
          fc.integer({ min: 0, max: 9999 }),
          fc.option(
            fc.tuple(
              fc.double({ min: -90, max: 90, noNaN: true }),
              fc.double({ min: -180, max: 180, noNaN: true }),
            ),
          ),
          async ([key, other], account, sequence, position) => {
            const frame = encodeDc09({
              token: 'SIA-DCS',
              sequence,
              account,
              data: siaData(account, 'PA', '1'),
              xdata: position ? locationXdata(position[0], position[1]) : [],
              timestamp: NOW,
              key: Buffer.from(key),
            });
            const text = frame.slice(1, -1);
            const right = await decodeAny(text, () => Buffer.from(key));
            expect(right.outcome).toBe('event');
            if (right.outcome === 'event') expect(right.event.deviceAccount).toBe(account);
            if (Buffer.compare(Buffer.from(key), Buffer.from(other)) !== 0)
              expect((await decodeAny(text, () => Buffer.from(other))).outcome).not.toBe('event');
          },
        ),
        fuzzParameters(),
      ),
    ));

  it('survives random ciphertext in a correctly framed encrypted message', () =>
    withBoundedHeap(() =>
      fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ minLength: 16, maxLength: 16 }),
          fc.oneof(fc.stringMatching(/^[0-9A-F]{0,200}$/), fc.string({ maxLength: 200 })),
          async (key, ciphertext) => {
            const body = `"*SIA-DCS"0001L0#1002[${ciphertext}`;
            const text = `${crcHex(body)}0${body.length.toString(16).toUpperCase().padStart(3, '0')}${body}`;
            await decodeAny(text, () => Buffer.from(key));
          },
        ),
        fuzzParameters(),
      ),
    ));
});
