import fc from 'fast-check';
import { type AccountKey, decodeDc09 } from '../server/src/ingest/dc09/decoder.ts';
import { FIXTURE_NOW, FIXTURES } from '../server/src/ingest/dc09/fixtures.ts';
import type { Figure, ScenarioResult } from './results.ts';
import { percentile } from './stats.ts';

const KEY = Buffer.from('AwareDemoKey0001');
const lookupKey = (account: string): AccountKey => {
  if (account === '1002') return KEY;
  return ['1234', '0123', '1001'].includes(account) ? null : undefined;
};

/** The hostile inputs of server/src/ingest/dc09/decoder.property.test.ts, many more of each. */
function families(count: number): Record<string, string[]> {
  const valid = FIXTURES.filter((f) => f.expect.outcome === 'event' && f.key === undefined).map(
    (f) => f.frame,
  );
  const encrypted = FIXTURES.find((f) => f.name.includes('NUL padding'))!.frame;
  const sample = <T>(arbitrary: fc.Arbitrary<T>) => fc.sample(arbitrary, count);
  return {
    'random text': sample(fc.string({ maxLength: 300, unit: 'binary' })),
    'random bytes (latin1)': sample(fc.uint8Array({ maxLength: 1024 })).map((b) =>
      Buffer.from(b).toString('latin1'),
    ),
    'valid frame, one byte changed': sample(
      fc.tuple(fc.constantFrom(...valid), fc.nat(), fc.integer({ min: 0, max: 255 })),
    ).map(([frame, position, byte]) => {
      const at = position % frame.length;
      return frame.slice(0, at) + String.fromCharCode(byte) + frame.slice(at + 1);
    }),
    'encrypted frame, characters inserted or deleted': sample(
      fc.tuple(fc.nat(), fc.nat({ max: 5 }), fc.string({ maxLength: 8 })),
    ).map(([position, cut, insert]) => {
      const at = position % encrypted.length;
      return encrypted.slice(0, at) + insert + encrypted.slice(at + cut);
    }),
  };
}

/** k. Time to decide on one hostile DC-09 input (decode, CRC, decrypt, refuse): in process, no network. */
export async function decoderPerInput(runs: number, perFamily: number): Promise<ScenarioResult> {
  const byFamily = new Map<string, { p99: number[]; max: number[] }>();
  // warm-up: the first decodes compile the decoder
  for (const text of Object.values(families(100)).flat())
    await decodeDc09(text, { lookupKey, now: FIXTURE_NOW });
  for (let run = 0; run < runs; run++) {
    for (const [family, inputs] of Object.entries(families(perFamily))) {
      const times: number[] = [];
      for (const text of inputs) {
        const started = performance.now();
        await decodeDc09(text, { lookupKey, now: FIXTURE_NOW });
        times.push(performance.now() - started);
      }
      const row = byFamily.get(family) ?? { p99: [], max: [] };
      row.p99.push(percentile(times, 99));
      row.max.push(Math.max(...times));
      byFamily.set(family, row);
    }
  }
  const figures: Figure[] = [...byFamily].map(([family, row]) => ({
    label: `decode one input, ${family}: max`,
    unit: 'ms',
    runs: row.max,
    target: { op: '<=', value: 50 },
    proposed: true,
    decimals: 2,
  }));
  return {
    id: 'k',
    title: `DC-09 decoder under hostile input: ${perFamily.toLocaleString('en')} generated inputs per family per run, decoded one at a time in the bench process`,
    figures,
    diagnostics: [...byFamily].map(([family, row]) => ({
      label: `decode one input, ${family}: p99`,
      unit: 'ms',
      runs: row.p99,
      decimals: 3,
    })),
    notes: [
      'The inputs are those of the decoder property tests (fast-check), which check only that every input is answered; the 50 ms per input bound they once asserted on single samples is reported here instead.',
    ],
  };
}
