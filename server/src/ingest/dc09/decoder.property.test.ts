import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AccountKey, decodeDc09 } from './decoder.ts';
import { encodeDc09, locationXdata, siaData } from './encoder.ts';
import { FIXTURE_NOW, FIXTURES } from './fixtures.ts';
import { Dc09Framer } from './framer.ts';

const KEY = Buffer.from('AwareDemoKey0001');
const lookupKey = (account: string): AccountKey => {
  if (account === '1002') return KEY;
  return ['1234', '0123', '1001'].includes(account) ? null : undefined;
};

const OUTCOMES = ['event', 'nak', 'duh'];

// Time per input is measured by `npm run bench` (scenario k); here a hang fails the test by its timeout.
async function decodeChecked(text: string) {
  const decision = await decodeDc09(text, { lookupKey, now: FIXTURE_NOW });
  expect(OUTCOMES).toContain(decision.outcome);
  if (decision.outcome === 'event') {
    expect(() => decision.reply(true)).not.toThrow();
  } else {
    expect(decision.reply).toMatch(/^\n[0-9A-F]{4}0[0-9A-F]{3}"(NAK|DUH)"/);
  }
  return decision;
}

const validFrames = FIXTURES.filter((f) => f.expect.outcome === 'event' && f.key === undefined).map(
  (f) => f.frame,
);

describe('decoder under hostile input', () => {
  it('never throws on random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300, unit: 'binary' }), async (text) => {
        await decodeChecked(text);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random bytes read as latin1', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 1024 }), async (bytes) => {
        await decodeChecked(Buffer.from(bytes).toString('latin1'));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses any single-byte change of a valid frame, or still reads it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...validFrames),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        async (frame, position, byte) => {
          const at = position % frame.length;
          const mutated = frame.slice(0, at) + String.fromCharCode(byte) + frame.slice(at + 1);
          const decision = await decodeChecked(mutated);
          // CRC-16 catches every single-byte error in the checked span
          if (mutated !== frame && at >= 8) expect(decision.outcome).not.toBe('event');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('survives mutated encrypted frames: inserted, deleted and replaced characters', async () => {
    const encrypted = FIXTURES.find((f) => f.name.includes('NUL padding'))!.frame;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat({ max: 5 }),
        fc.string({ maxLength: 8 }),
        async (position, cut, insert) => {
          const at = position % encrypted.length;
          await decodeChecked(encrypted.slice(0, at) + insert + encrypted.slice(at + cut));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('encoder and decoder agree', () => {
  it('decodes what the encoder builds, plain or encrypted', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 9999 }),
        fc.constantFrom('PA', 'QA', 'HA', 'RX', 'RP', 'YT', 'TA'),
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.boolean(),
        fc.constantFrom('decimal', 'minutes') as fc.Arbitrary<'decimal' | 'minutes'>,
        async (sequence, code, lat, lon, encrypted, form) => {
          const account = encrypted ? '1002' : '1001';
          const frame = encodeDc09({
            token: 'SIA-DCS',
            sequence,
            prefix: '0',
            account,
            data: siaData(account, code, '1'),
            xdata: locationXdata(lat, lon, form),
            timestamp: FIXTURE_NOW,
            ...(encrypted ? { key: KEY } : {}),
          });
          const decision = await decodeChecked(frame.slice(1, -1));
          expect(decision.outcome).toBe('event');
          if (decision.outcome !== 'event') return;
          expect(decision.event.sequence).toBe(String(sequence).padStart(4, '0'));
          expect(decision.event.code).toBe(`SIA ${code}`);
          expect(decision.event.position?.lat).toBeCloseTo(lat, 5);
          expect(decision.event.position?.lon).toBeCloseTo(lon, 5);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('framer under random chunking', () => {
  it('reassembles the same frames however the stream is cut', () => {
    const frames = FIXTURES.map((f) => f.frame);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...frames), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 40 }),
        fc.string({ maxLength: 5, unit: fc.constantFrom('x', ' ', '\r', '\0') }),
        (chosen, cuts, noise) => {
          const stream = Buffer.from(noise + chosen.map((f) => `\n${f}\r${noise}`).join(''), 'latin1');
          const framer = new Dc09Framer();
          const texts: string[] = [];
          let at = 0;
          for (let i = 0; at < stream.length; i++) {
            const size = cuts[i % cuts.length]!;
            for (const item of framer.push(stream.subarray(at, at + size))) {
              expect(item.kind).toBe('frame');
              if (item.kind === 'frame') texts.push(item.text);
            }
            at += size;
          }
          expect(texts).toEqual(chosen);
        },
      ),
      { numRuns: 500 },
    );
  });
});
