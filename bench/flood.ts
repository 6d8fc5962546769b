import type { FloodCounts, FloodRates } from '../server/src/faults/flood.ts';
import { spawnTsx } from './child.ts';
import type { Figure, ScenarioResult } from './results.ts';
import {
  ackLatencies,
  type BenchContext,
  failures,
  sleep,
  spreadPanics,
  targetFor,
  windowDiagnostics,
} from './scenarios.ts';
import { percentile } from './stats.ts';
import { openWindow, type WindowFigures } from './window.ts';

/** The same flood as server/src/faults/flood.test.ts, a little heavier: here nothing else shares the machine's work. */
export const BENCH_FLOOD: FloodRates = {
  garbageConnections: 16,
  badFrameConnections: 16,
  slowConnections: 1_000,
  udpPerSecond: 2_000,
  osmandPerSecond: 200,
};

type Counts = FloodCounts & { seconds: number };

/** h. Panic frame → ACK while garbage, broken frames and slow connections arrive from many sources. */
export async function panicUnderFlood(ctx: BenchContext, panicsPerRun: number): Promise<ScenarioResult> {
  const engine = ctx.server.ready.engine;
  const samples: Awaited<ReturnType<typeof spreadPanics>>[] = [];
  const windows: WindowFigures[] = [];
  const counts: Counts[] = [];
  for (let run = 0; run < ctx.runs; run++) {
    const flood = spawnTsx('server/src/faults/flood-child.ts', {
      FLOOD_TARGET: JSON.stringify({
        host: '127.0.0.1',
        dc09Port: ctx.server.ready.dc09Port,
        osmandPort: ctx.server.ready.osmandPort,
      }),
      FLOOD_RATES: JSON.stringify(BENCH_FLOOD),
    });
    await flood.next((m) => m.type === 'flooding', 30_000);
    await sleep(2_000);
    const window = await openWindow(ctx.server, [flood.process.pid ?? 0]);
    samples.push(await spreadPanics(ctx.fleet, panicsPerRun, ctx.heartbeatSeconds * 900));
    windows.push(await window.end());
    const done = flood.next<Counts>((m) => m.type === 'counts', 30_000);
    flood.write('stop');
    counts.push(await done);
    await flood.exited;
  }
  const rate = (pick: (c: Counts) => number) => counts.map((c) => pick(c) / c.seconds);
  const p = (q: number) => samples.map((s) => percentile(ackLatencies(s), q));
  const figures: Figure[] = [
    { label: 'panic frame → ACK p50, under flood', unit: 'ms', runs: p(50), target: null, decimals: 1 },
    {
      label: 'panic frame → ACK p99, under flood',
      unit: 'ms',
      runs: p(99),
      ...targetFor(engine, { op: '<=', value: 20 }),
      decimals: 1,
    },
  ];
  return {
    id: 'h',
    title: `Panics under a flood of garbage and slow connections: ${BENCH_FLOOD.garbageConnections} connections writing random bytes, ${BENCH_FLOOD.badFrameConnections} sending frames with a wrong CRC, ${BENCH_FLOOD.slowConnections.toLocaleString('en')} slow connections trickling a byte a second (DC-09 and OsmAnd), ${BENCH_FLOOD.udpPerSecond.toLocaleString('en')} random UDP datagrams/s, ${BENCH_FLOOD.osmandPerSecond} broken OsmAnd requests/s, from many loopback sources (server/src/faults/flood.ts in its own process); ${panicsPerRun} panics per run`,
    figures,
    diagnostics: [
      { label: 'panics not ACKed', unit: 'count', runs: samples.map(failures), decimals: 0 },
      {
        label: 'panic frame → ACK max',
        unit: 'ms',
        runs: samples.map((s) => Math.max(...ackLatencies(s))),
        decimals: 1,
      },
      { label: 'flood TCP bytes written', unit: 'KiB/s', runs: rate((c) => c.tcpBytes / 1024), decimals: 0 },
      { label: 'flood UDP datagrams', unit: '/s', runs: rate((c) => c.udpDatagrams), decimals: 0 },
      { label: 'flood OsmAnd requests', unit: '/s', runs: rate((c) => c.osmandRequests), decimals: 0 },
      {
        label: 'flood connections closed or refused by the server',
        unit: '/s',
        runs: rate((c) => c.dropped),
        decimals: 0,
      },
      ...windowDiagnostics(windows, engine),
    ],
    notes: [
      'Random bytes and wrong CRCs are answered NAK; after 16 refusals in a row the receiver closes the connection, and the flood reconnects from another source address. The receiver limits connections per source address (64) and closes connections idle for two minutes; a byte a second keeps a slow connection open, so those stay open for the whole run.',
    ],
  };
}
