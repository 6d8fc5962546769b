import { DEMO } from '../server/src/demo/seed.ts';
import { spawnTsx } from './child.ts';
import { clientFrom, signIn, timedGet } from './console.ts';
import type { ReadersConfig, ReadersResult } from './readers.ts';
import type { Diagnostic, ScenarioResult } from './results.ts';
import {
  ackLatencies,
  type BenchContext,
  failureNotes,
  failures,
  type PanicSample,
  spreadPanics,
  targetFor,
  windowDiagnostics,
} from './scenarios.ts';
import { percentile } from './stats.ts';
import { openWindow, type WindowFigures } from './window.ts';

const CLIENTS = 50;
/** issue 14: panic ACK p99 with the read storm within 2 ms of the same figure without it */
const STORM_TARGET_MS = 2;

/**
 * m. Panic ACK latency while 50 clients read case pages as fast as they can (each read is audited),
 * against the same panics without them: each run measures without, then with, on the same server.
 */
export async function panicUnderReadStorm(ctx: BenchContext, panicsPerRun: number): Promise<ScenarioResult> {
  const engine = ctx.server.ready.engine;
  const { url, password, totpSecret } = ctx.server.ready;
  const coordinator = await signIn(url, `coordinator@${DEMO.domain}`, password, totpSecret);
  const agent = clientFrom('127.63.0.1');
  const { body: cases } = await timedGet<{ id: string }[]>(coordinator, '/api/v1/cases', agent);
  agent.destroy();
  if (cases.length === 0) throw new Error('the coordinator sees no cases');
  const paths = cases.slice(0, 20).map((c) => `/api/v1/cases/${c.id}`);
  const spanMs = ctx.heartbeatSeconds * 900;

  const without: PanicSample[][] = [];
  const withStorm: PanicSample[][] = [];
  const reads: ReadersResult[] = [];
  const windows: WindowFigures[] = [];
  for (let run = 0; run < ctx.runs; run++) {
    without.push(await spreadPanics(ctx.fleet, panicsPerRun, spanMs));
    const config: ReadersConfig = {
      url,
      cookie: coordinator.cookie,
      paths,
      // its own source addresses per run: the API allows 600 requests a minute per address
      addresses: Array.from({ length: CLIENTS }, (_, c) => `127.63.${run + 1}.${c + 1}`),
    };
    const readers = spawnTsx('bench/readers.ts', { BENCH_READERS: JSON.stringify(config) });
    await readers.next((m) => m.type === 'ready', 60_000);
    const result = readers.next<ReadersResult>((m) => m.type === 'result', spanMs + 60_000);
    readers.write('go');
    // let the storm build up before the first panic
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const window = await openWindow(ctx.server, [readers.process.pid ?? 0]);
    withStorm.push(await spreadPanics(ctx.fleet, panicsPerRun, spanMs));
    windows.push(await window.end());
    readers.write('stop');
    reads.push(await result);
    await readers.exited;
  }
  const p99 = (samples: PanicSample[][]) => samples.map((s) => percentile(ackLatencies(s), 99));
  const before = p99(without);
  const during = p99(withStorm);
  const diagnostics: Diagnostic[] = [
    { label: 'case-page reads', unit: '/s', runs: reads.map((r) => r.requests / r.seconds), decimals: 0 },
    {
      label: 'case-page reads answered other than 200',
      unit: 'count',
      runs: reads.map((r) => r.requests - r.ok),
      decimals: 0,
    },
    { label: 'panics not ACKed, without', unit: 'count', runs: without.map(failures), decimals: 0 },
    { label: 'panics not ACKed, with the reads', unit: 'count', runs: withStorm.map(failures), decimals: 0 },
    ...windowDiagnostics(windows, engine),
  ];
  const refused = [...new Set(reads.flatMap((r) => Object.keys(r.refused)))];
  return {
    id: 'm',
    title: `Panic ACK latency while ${CLIENTS} clients read case pages as fast as they can (the coordinator's session, ${paths.length} case pages in turn, one request at a time per client, from a child process), against the same ${panicsPerRun} panics per run spread over ${(spanMs / 1000).toFixed(1)} s without them; no heartbeat load`,
    figures: [
      {
        label: 'panic frame → ACK p99, without the reads',
        unit: 'ms',
        runs: before,
        target: null,
        decimals: 1,
      },
      {
        label: `panic frame → ACK p99, ${CLIENTS} clients reading case pages`,
        unit: 'ms',
        runs: during,
        target: null,
        decimals: 1,
      },
      {
        label: 'difference (with − without)',
        unit: 'ms',
        runs: during.map((d, i) => d - before[i]!),
        ...targetFor(engine, { op: '<=', value: STORM_TARGET_MS }),
        headline: 'readStorm',
        decimals: 1,
      },
    ],
    diagnostics,
    notes: [
      'The server window ("measured alongside") covers the panics with the reads.',
      ...(refused.length > 0
        ? [
            `Some reads were answered ${refused.join(', ')} (429: the API's limit of 600 a minute per address).`,
          ]
        : []),
      ...failureNotes(windows),
    ],
  };
}
