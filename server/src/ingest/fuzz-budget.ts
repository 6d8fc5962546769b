import v8 from 'node:v8';
import vm from 'node:vm';
import type fc from 'fast-check';
import { expect } from 'vitest';

/**
 * The fixed budget of the decoder fuzz tests: AWARE_FUZZ_RUNS inputs per property (CI leaves the
 * default; a long local hunt sets it higher), each decoded within PER_INPUT_MS, and the heap after a
 * full GC grown by less than HEAP_BOUND_BYTES over a whole property.
 */
export const FUZZ_RUNS = Math.max(1, Number(process.env.AWARE_FUZZ_RUNS ?? '400'));
export const PER_INPUT_MS = 50;
export const HEAP_BOUND_BYTES = 16 * 1024 * 1024;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const heapAfterGc = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

/** fast-check parameters: the run count, no shrinking time beyond the budget, a seed to replay in the report */
export const fuzzParameters = (): fc.Parameters<unknown> => ({ numRuns: FUZZ_RUNS, endOnFailure: true });

/** Runs one decode under the per-input time bound (a hang or a catastrophic regex shows up here). */
export async function timed<T>(decode: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await decode();
  expect(performance.now() - started).toBeLessThan(PER_INPUT_MS);
  return result;
}

/** Runs a whole property and fails when the heap it leaves behind grew beyond the bound. */
export async function withBoundedHeap(property: () => Promise<void>): Promise<void> {
  const before = heapAfterGc();
  await property();
  expect(heapAfterGc() - before).toBeLessThan(HEAP_BOUND_BYTES);
}
