/**
 * `npm run bench`: for each engine (PostgreSQL when DATABASE_URL is set, and in-memory PGlite)
 * starts the platform in a child process, runs the scenarios a–f, then g on a second, fresh
 * server; writes BENCHMARKS.md and prints the figures. Loopback only; every load is bounded in
 * count and time.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { DEMO } from '../server/src/demo/seed.ts';
import { signIn } from './console.ts';
import { decoderPerInput } from './decoder.ts';
import { leaderTakeover } from './failover.ts';
import { volumeSectionOf } from './figures.ts';
import { panicUnderFlood } from './flood.ts';
import { describeMachine } from './machine.ts';
import { massEvent } from './mass-event.ts';
import { PanicFleet } from './panics.ts';
import { installPeer, type PeerInstall, peerSideBySide } from './peer.ts';
import type { Engine } from './protocol.ts';
import { renderConsole, renderMarkdown } from './report.ts';
import type { EngineResult, ScenarioResult } from './results.ts';
import {
  apiLatency,
  type BenchContext,
  consoleUnderLoad,
  frameToConsole,
  heartbeatThroughput,
  idleConnections,
  panicAtSaturation,
  panicUnderLoad,
} from './scenarios.ts';
import { startServerChild } from './server-child.ts';
import { signInRefusals } from './sign-in.ts';

/** BENCH_RUNS / BENCH_HEARTBEAT_SECONDS / BENCH_ENGINES only shorten a trial run; the defaults are the benchmark */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? '3'));
const HEARTBEAT_SECONDS = Math.max(1, Number(process.env.BENCH_HEARTBEAT_SECONDS ?? '8'));
/** stop starting scenarios after this, so the whole command stays within 15 minutes */
const BUDGET_MS = 13 * 60_000;
/** BENCH_OUTPUT: where a trial run writes its report instead of BENCHMARKS.md */
const OUTPUT = process.env.BENCH_OUTPUT ?? 'BENCHMARKS.md';

const started = performance.now();
const only = process.env.BENCH_SCENARIOS?.split(',');
const elapsed = () => ((performance.now() - started) / 1000).toFixed(0).padStart(4);
const log = (text: string) => process.stderr.write(`[bench ${elapsed()} s] ${text}\n`);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function scenario(
  id: string,
  title: string,
  body: () => Promise<ScenarioResult>,
): Promise<ScenarioResult> {
  if (only && !only.includes(id))
    return { id, title, figures: [], diagnostics: [], notes: [], error: 'not selected' };
  if (performance.now() - started > BUDGET_MS) {
    log(`${id}: skipped, time budget used up`);
    return { id, title, figures: [], diagnostics: [], notes: [], error: 'time budget of the run used up' };
  }
  log(`${id}: ${title}`);
  try {
    return await body();
  } catch (error) {
    log(`${id} failed: ${message(error)}`);
    return { id, title, figures: [], diagnostics: [], notes: [], error: message(error) };
  }
}

async function benchEngine(engine: Engine, peer: Promise<PeerInstall>): Promise<EngineResult> {
  log(`${engine}: starting the server child`);
  const server = await startServerChild(engine);
  const { ready } = server;
  const result: EngineResult = {
    engine,
    databaseVersion: ready.databaseVersion,
    devices: {
      heartbeat: ready.heartbeatDevices.length,
      panic: ready.panicDevices.length,
      keyed: [...ready.heartbeatDevices, ...ready.panicDevices].filter((d) => d.key !== undefined).length,
    },
    scenarios: [],
  };
  let fleet: PanicFleet | undefined;
  let a: ScenarioResult | undefined;
  const done: Record<string, ScenarioResult> = {};
  try {
    log(`${engine}: server pid ${ready.pid} at ${ready.url}, DC-09 port ${ready.dc09Port}`);
    const session = await signIn(ready.url, ready.operatorEmail, ready.password, ready.totpSecret);
    const base = { server, session, runs: RUNS, heartbeatSeconds: HEARTBEAT_SECONDS };
    // first, so that "before" is the freshly started server
    done.d = await scenario('d', 'memory at 10,000 idle connections', () => idleConnections(base, 10_000));
    a = await scenario('a', 'heartbeat ceiling (closed loop)', () => heartbeatThroughput(base));
    // opened after (a): the receiver closes connections idle for two minutes
    fleet = await PanicFleet.open('127.0.0.1', ready.dc09Port, ready.panicDevices);
    const ctx: BenchContext = { ...base, fleet };
    done.c = await scenario('c', 'frame-to-console latency', () => frameToConsole(ctx, 40));
    done.e = await scenario('e', 'API latency', () => apiLatency(ctx, 300, 200));
    done.b = await scenario('b', 'panic ACK latency, heartbeats paced at 5,000/s', () =>
      panicUnderLoad(ctx, 200),
    );
    done['b-sat'] = await scenario('b-sat', 'panic ACK latency at saturation', () =>
      panicAtSaturation(ctx, 200),
    );
    done.f = await scenario('f', 'frame → console, heartbeats paced at 2,000/s', () =>
      consoleUnderLoad(ctx, 200),
    );
    done.h = await scenario('h', 'panic ACK latency under a flood of garbage and slow connections', () =>
      panicUnderFlood(ctx, 200),
    );
    // last on this server: it leaves a failed sign-in on each demo account
    done.j = await scenario('j', 'refused sign-ins take the same time', () =>
      signInRefusals(ready.url, DEMO.domain, ready.password, ready.totpSecret, RUNS),
    );
  } catch (error) {
    result.error = message(error);
    log(`${engine} failed: ${result.error}`);
  } finally {
    await fleet?.close();
    await server.stop();
  }
  // g on a fresh server: the open alarms of the scenarios above would blur "1,000 open alarms"
  done.g = await scenario('g', 'mass event: 1,000 open alarms', async () => {
    const fresh = await startServerChild(engine, { BENCH_MASS_DEVICES: '1000' });
    let massFleet: PanicFleet | undefined;
    try {
      const r = fresh.ready;
      const session = await signIn(r.url, r.operatorEmail, r.password, r.totpSecret);
      massFleet = await PanicFleet.open('127.0.0.1', r.dc09Port, r.panicDevices);
      return await massEvent(
        { server: fresh, session, fleet: massFleet, runs: RUNS },
        { alarms: 1_000, perSecond: 250, listRequests: 30, newConsoles: 5, panicsPerRun: 40 },
      );
    } finally {
      await massFleet?.close();
      await fresh.stop();
    }
  });
  // i on a fresh server as well: its closed loop leaves thousands of open alarms behind
  done.i = await scenario('i', `a peer side by side (iobroker.sia)`, async () => {
    const install = await peer;
    if ('skipped' in install) throw new Error(`skipped: ${install.skipped}`);
    const fresh = await startServerChild(engine, { BENCH_ESCALATION_SWEEP_SECONDS: '600' });
    try {
      return await peerSideBySide(fresh, install, RUNS, HEARTBEAT_SECONDS);
    } finally {
      await fresh.stop();
    }
  });
  // k is in process and the same for every engine: measured once, with the first engine
  if (engine === engines[0]) {
    done.k = await scenario('k', 'DC-09 decoder time per hostile input', () => decoderPerInput(RUNS, 2_000));
  }
  if (engine === 'postgres') {
    done.l = await scenario('l', 'leader takeover after a kill', () => leaderTakeover(RUNS));
  }
  result.scenarios = [
    a,
    done.b,
    done['b-sat'],
    done.c,
    done.d,
    done.e,
    done.f,
    done.g,
    done.h,
    done.i,
    done.j,
    done.k,
    done.l,
  ].filter((x): x is ScenarioResult => x !== undefined);
  return result;
}

const available: Engine[] = process.env.DATABASE_URL ? ['postgres', 'pglite'] : ['pglite'];
const wanted = process.env.BENCH_ENGINES?.split(',');
const engines = wanted ? available.filter((e) => wanted.includes(e)) : available;
if (!process.env.DATABASE_URL) log('DATABASE_URL is not set: PGlite only');
const machine = describeMachine();
const results: EngineResult[] = [];
// the peer installs from the npm registry while the first scenarios run
const peer =
  only && !only.includes('i') ? Promise.resolve<PeerInstall>({ skipped: 'not selected' }) : installPeer();
peer.then((p) =>
  log('skipped' in p ? `peer: ${p.skipped}` : `peer: iobroker.sia ${p.version} installed in ${p.dir}`),
);
for (const engine of engines) results.push(await benchEngine(engine, peer));
const installed = await peer;
if (!('skipped' in installed)) rmSync(installed.dir, { recursive: true, force: true });

const markdown = renderMarkdown(
  machine,
  {
    runs: RUNS,
    heartbeatSeconds: HEARTBEAT_SECONDS,
    command: 'npm run bench',
    wallSeconds: (performance.now() - started) / 1000,
    postgresUrlSet: Boolean(process.env.DATABASE_URL),
  },
  results,
);
// Figures and case pages at volume (issues 5 and 6) take about 14 minutes of their own: `npm run bench:volume`
// writes that section. This run keeps the section as it was, so the file always shows both.
writeFileSync(OUTPUT, `${markdown.trimEnd()}\n\n${volumeSectionOf(OUTPUT)}`.trimEnd() + '\n');
process.stdout.write(`${renderConsole(results)}\n\nWrote ${OUTPUT}\n`);
