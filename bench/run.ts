/**
 * `npm run bench`: for each engine (PostgreSQL when DATABASE_URL is set, and in-memory PGlite)
 * starts the platform in a child process and runs d, a, b, f, m, c, e, b-sat, h, j on it, then g and
 * i each on a fresh server (k once, l on PostgreSQL); writes BENCHMARKS.md with the targets summary at
 * the top and prints the figures. Loopback only; every load is bounded in count and time.
 */
import { writeFileSync } from 'node:fs';
import { DEMO } from '../server/src/demo/seed.ts';
import { signIn } from './console.ts';
import { decoderPerInput } from './decoder.ts';
import { leaderTakeover } from './failover.ts';
import { volumeSectionOf } from './figures.ts';
import { panicUnderFlood } from './flood.ts';
import { describeMachine } from './machine.ts';
import { massEvent } from './mass-event.ts';
import { PanicFleet } from './panics.ts';
import { installPeer, peerSideBySide } from './peer.ts';
import type { Engine, ServerReady } from './protocol.ts';
import { panicUnderReadStorm } from './read-storm.ts';
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

/**
 * Options (each also as an environment variable, for older scripts):
 *   --only a,b,...      scenarios to run (BENCH_SCENARIOS); ids as in the report
 *   --runs N            runs per scenario (BENCH_RUNS, default 3)
 *   --engine E[,E]      postgres and/or pglite (BENCH_ENGINES; postgres needs DATABASE_URL)
 *   --seconds N         measured window of the load scenarios (BENCH_HEARTBEAT_SECONDS, default 5)
 *   --output FILE       where the report goes (BENCH_OUTPUT, default BENCHMARKS.md)
 * e.g. `npm run bench -- --only a,b --runs 1 --engine pglite --output /tmp/b.md`
 */
function option(name: string, env: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return process.env[env];
  const arg = args[at]!;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[at + 1];
}

const RUNS = Math.max(1, Number(option('runs', 'BENCH_RUNS') ?? '3'));
const HEARTBEAT_SECONDS = Math.max(1, Number(option('seconds', 'BENCH_HEARTBEAT_SECONDS') ?? '5'));
/**
 * Both engines, 3 runs, in about 15 minutes: each engine gets its share. Scenarios behind a target of
 * issue 14 always run; the others are skipped once their engine has used its share minus what its
 * remaining target scenarios need.
 */
const BUDGET_MS = 15 * 60_000;
const RESERVE_MS = 150_000;
const OUTPUT = option('output', 'BENCH_OUTPUT') ?? 'BENCHMARKS.md';

const started = performance.now();
const only = option('only', 'BENCH_SCENARIOS')
  ?.split(',')
  .map((x) => x.trim())
  .filter(Boolean);
const elapsed = () => ((performance.now() - started) / 1000).toFixed(0).padStart(4);
const log = (text: string) => process.stderr.write(`[bench ${elapsed()} s] ${text}\n`);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const selected = (id: string) => !only || only.includes(id);

/** the scenarios with a row in the targets summary */
const TABLE = new Set(['a', 'b', 'f', 'g', 'i', 'm']);
let engineStarted = started;
let engineShare = BUDGET_MS;
let reserve = RESERVE_MS;

async function scenario(
  id: string,
  title: string,
  body: () => Promise<ScenarioResult>,
): Promise<ScenarioResult> {
  if (!selected(id)) return { id, title, figures: [], diagnostics: [], notes: [], error: 'not selected' };
  if (!TABLE.has(id) && performance.now() - engineStarted > engineShare - reserve) {
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

/** The scenarios that share one server: d first (a fresh server), then load, then j (it leaves failed sign-ins). */
async function mainServer(
  engine: Engine,
  result: EngineResult,
  done: Record<string, ScenarioResult>,
  describe: (r: ServerReady) => void,
): Promise<void> {
  log(`${engine}: starting the server child`);
  const server = await startServerChild(engine);
  const { ready } = server;
  describe(ready);
  let fleet: PanicFleet | undefined;
  try {
    log(`${engine}: server pid ${ready.pid} at ${ready.url}, DC-09 port ${ready.dc09Port}`);
    const session = await signIn(ready.url, ready.operatorEmail, ready.password, ready.totpSecret);
    const base = { server, session, runs: RUNS, heartbeatSeconds: HEARTBEAT_SECONDS };
    // first, so that "before" is the freshly started server
    done.d = await scenario('d', 'memory at 10,000 idle connections', () => idleConnections(base, 10_000));
    done.a = await scenario('a', 'heartbeat ceiling (closed loop)', () => heartbeatThroughput(base));
    // opened after (a): the receiver closes connections idle for two minutes
    fleet = await PanicFleet.open('127.0.0.1', ready.dc09Port, ready.panicDevices);
    const ctx: BenchContext = { ...base, fleet };
    done.b = await scenario('b', 'panic ACK latency, heartbeats paced at 5,000/s', () =>
      panicUnderLoad(ctx, 200),
    );
    done.f = await scenario('f', 'frame → console, heartbeats paced at 2,000/s', () =>
      consoleUnderLoad(ctx, 200),
    );
    done.m = await scenario('m', 'panic ACK latency while 50 clients read case pages', () =>
      panicUnderReadStorm(ctx, 200),
    );
    done.c = await scenario('c', 'frame-to-console latency', () => frameToConsole(ctx, 40));
    done.e = await scenario('e', 'API latency', () => apiLatency(ctx, 300, 200));
    done['b-sat'] = await scenario('b-sat', 'panic ACK latency at saturation', () =>
      panicAtSaturation(ctx, 200),
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
}

const ON_MAIN_SERVER = ['d', 'a', 'b', 'f', 'm', 'c', 'e', 'b-sat', 'h', 'j'];

async function benchEngine(engine: Engine): Promise<EngineResult> {
  const result: EngineResult = {
    engine,
    databaseVersion: engine,
    devices: { heartbeat: 0, panic: 0, keyed: 0 },
    scenarios: [],
  };
  const describe = (r: ServerReady) => {
    result.databaseVersion = r.databaseVersion;
    result.devices = {
      heartbeat: r.heartbeatDevices.length,
      panic: r.panicDevices.length,
      keyed: [...r.heartbeatDevices, ...r.panicDevices].filter((d) => d.key !== undefined).length,
    };
  };
  const done: Record<string, ScenarioResult> = {};
  engineStarted = performance.now();
  reserve = (selected('g') ? RESERVE_MS / 2 : 0) + (selected('i') ? RESERVE_MS / 2 : 0);
  if (ON_MAIN_SERVER.some(selected)) await mainServer(engine, result, done, describe);
  // g on a fresh server: the open alarms of the scenarios above would blur "1,000 open alarms"
  done.g = await scenario('g', 'mass event: 1,000 open alarms', async () => {
    const fresh = await startServerChild(engine, { BENCH_MASS_DEVICES: '1000' });
    let massFleet: PanicFleet | undefined;
    try {
      const r = fresh.ready;
      if (!ON_MAIN_SERVER.some(selected)) describe(r);
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
  reserve = selected('i') ? RESERVE_MS / 2 : 0;
  // i on a fresh server as well: its closed loop leaves thousands of open alarms behind
  done.i = await scenario(
    'i',
    'durable panics, closed loop, with a peer side by side (iobroker.sia)',
    async () => {
      const install = installPeer();
      if ('skipped' in install) throw new Error(`skipped: ${install.skipped}`);
      const fresh = await startServerChild(engine, { BENCH_ESCALATION_SWEEP_SECONDS: '600' });
      try {
        return await peerSideBySide(fresh, install, RUNS, HEARTBEAT_SECONDS);
      } finally {
        await fresh.stop();
      }
    },
  );
  reserve = 0;
  // k is in process and the same for every engine: measured once, with the first engine
  if (engine === engines[0]) {
    done.k = await scenario('k', 'DC-09 decoder time per hostile input', () => decoderPerInput(RUNS, 2_000));
  }
  if (engine === 'postgres') {
    done.l = await scenario('l', 'leader takeover after a kill', () => leaderTakeover(RUNS));
  }
  result.scenarios = [
    done.a,
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
    done.m,
  ].filter((x): x is ScenarioResult => x !== undefined && x.error !== 'not selected');
  return result;
}

const available: Engine[] = process.env.DATABASE_URL ? ['postgres', 'pglite'] : ['pglite'];
const wanted = option('engine', 'BENCH_ENGINES')?.split(',');
if (wanted?.includes('postgres') && !process.env.DATABASE_URL)
  log('--engine postgres needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres): skipped');
const engines = wanted ? available.filter((e) => wanted.includes(e)) : available;
if (!process.env.DATABASE_URL) log('DATABASE_URL is not set: PGlite only');
const machine = describeMachine();
const results: EngineResult[] = [];
for (const engine of engines) {
  engineShare = BUDGET_MS / engines.length;
  results.push(await benchEngine(engine));
}

const markdown = renderMarkdown(
  machine,
  {
    runs: RUNS,
    heartbeatSeconds: HEARTBEAT_SECONDS,
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(
      ' ',
    ),
    wallSeconds: (performance.now() - started) / 1000,
    postgresUrlSet: Boolean(process.env.DATABASE_URL),
  },
  results,
);
// Figures and case pages at volume (issues 5 and 6) take about 14 minutes of their own: `npm run bench:volume`
// writes that section. This run keeps the section as it was, so the file always shows both.
writeFileSync(OUTPUT, `${`${markdown.trimEnd()}\n\n${volumeSectionOf(OUTPUT)}`.trimEnd()}\n`);
process.stdout.write(`${renderConsole(results)}\n\nWrote ${OUTPUT}\n`);
