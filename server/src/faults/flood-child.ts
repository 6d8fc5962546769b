/**
 * Runs startFlood in a process of its own (so the flood does not share an event loop with whoever
 * measures latency): FLOOD_TARGET and FLOOD_RATES as JSON; prints `{"type":"flooding"}` once started
 * and the counts as one JSON line when stdin says `stop` (or closes).
 */
import { createInterface } from 'node:readline';
import { type FloodRates, type FloodTarget, startFlood } from './flood.ts';

const target = JSON.parse(process.env.FLOOD_TARGET ?? '{}') as FloodTarget;
const rates = JSON.parse(process.env.FLOOD_RATES ?? '{}') as FloodRates;
const started = performance.now();
const flood = startFlood(target, rates);
process.stdout.write(`${JSON.stringify({ type: 'flooding' })}\n`);

let done = false;
const finish = () => {
  if (done) return;
  done = true;
  flood.stop();
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ type: 'counts', seconds, ...flood.counts })}\n`);
  setTimeout(() => process.exit(0), 100);
};
const input = createInterface({ input: process.stdin });
input.on('line', finish);
input.on('close', finish);
