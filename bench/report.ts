import { cpus } from 'node:os';
import type { Machine } from './machine.ts';
import {
  type Diagnostic,
  type EngineResult,
  type Figure,
  HEADLINES,
  type Headline,
  type ScenarioResult,
  type Target,
} from './results.ts';
import { type Spread, spread } from './stats.ts';

export interface BenchSettings {
  runs: number;
  heartbeatSeconds: number;
  command: string;
  wallSeconds: number;
  postgresUrlSet: boolean;
}

function number(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '—';
  return value.toLocaleString('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function formatSpread(s: Spread, decimals = 1): string {
  if (s.runs === 0) return 'not measured';
  if (s.runs === 1) return number(s.median, decimals);
  return `${number(s.median, decimals)} (${number(s.min, decimals)}–${number(s.max, decimals)})`;
}

function targetText(figure: Figure): string {
  if (figure.target) {
    const { value } = figure.target;
    const text = `${figure.target.op === '>=' ? '≥' : '≤'} ${number(value, Number.isInteger(value) ? 0 : (figure.decimals ?? 1))} ${figure.unit}`;
    if (figure.reference) return `${text} (set for PostgreSQL; reference)`;
    return figure.proposed ? `${text} (proposed)` : text;
  }
  return figure.targetNote ?? 'none set';
}

/** compared as printed: a figure shown as "5,000" meets "≥ 5,000" */
const rounded = (value: number, decimals: number) => Number(value.toFixed(decimals));
const meets = (value: number, target: Target, decimals: number) =>
  target.op === '>=' ? rounded(value, decimals) >= target.value : rounded(value, decimals) <= target.value;

/** 'pass' / 'miss' on the median, with how many runs met the target; '—' when there is no target. */
export function verdict(figure: Figure): string {
  if (!figure.target) return '—';
  const s = spread(figure.runs);
  if (s.runs === 0) return 'not measured';
  const target = figure.target;
  const decimals = figure.decimals ?? 1;
  const met = figure.runs.filter((v) => Number.isFinite(v) && meets(v, target, decimals)).length;
  const pass = meets(s.median, target, decimals);
  if (figure.reference) return `${pass ? 'pass' : 'miss'} (reference; ${met}/${s.runs} runs)`;
  return `${pass ? '**pass**' : '**MISS**'} (${met}/${s.runs} runs)`;
}

const isMiss = (figure: Figure) =>
  figure.target !== null &&
  spread(figure.runs).runs > 0 &&
  !meets(spread(figure.runs).median, figure.target, figure.decimals ?? 1);

function diag(scenario: ScenarioResult, label: string): number {
  return spread(scenario.diagnostics.find((d) => d.label === label)?.runs ?? []).median;
}

const known = (value: number) => Number.isFinite(value);

/**
 * What the measurements say limits a missed figure: the figures measured alongside (CPU per process,
 * event-loop utilisation and delay, alarm-transaction time and its connection wait, database
 * occupancy, generator lateness and backlog), put side by side with the figure. No code is assumed.
 */
export function limitsOf(scenario: ScenarioResult, figure: Figure): string {
  const d = (label: string) => diag(scenario, label);
  const value = spread(figure.runs).median;
  const server = d('server child CPU');
  const elu = d('server event-loop utilisation');
  const pg = d('PostgreSQL processes CPU');
  const generator = d('load generator CPU');
  const others = d('CPU of other processes on the machine');
  const pressure = d('CPU pressure (PSI some)');
  const loop = d('server event-loop delay p99');
  const busy = d('database call in flight');
  const routineMs = d('routine-lane statement, call → resolved');
  const txP50 = d('alarm transaction, call → committed p50');
  const txP99 = d('alarm transaction, call → committed p99');
  const waitP99 = d('of which waiting for a connection and begin, p99');
  const statements = d('statements per alarm transaction (begin/commit not counted)');
  const lockP99 = d('of which in advisory-lock statements (device, audit chain), p99');
  const otherMax = d('longest other transaction');
  const otherStatements = d('statements in the longest other transaction');
  const naks = d('of which answered NAK');
  const hbP50 = d('heartbeat frame → ACK p50');
  const offered = d('heartbeats offered (schedule)');
  const written = d('heartbeats written in the window');
  const late = d('generator lateness (written − scheduled) p99');
  const backlogEnd = d('frames awaiting ACK at window end');
  const cpuPerRequest = d('server CPU per list request');
  const answerKiB = d('answer size (JSON)');
  const cores = cpus().length * 100;
  const facts = [
    `server child CPU ${number(server, 0)} % of one core, event loop not idle ${number(elu, 0)} % of the time, event-loop delay p99 ${number(loop, 1)} ms`,
    known(pg) ? `PostgreSQL processes ${number(pg, 0)} % of one core` : '',
    known(generator) ? `heartbeat generator ${number(generator, 0)} %` : '',
    `other processes on the machine ${number(others, 0)} %, CPU pressure ${number(pressure, 0)} % of the time (${cores} % = all cores)`,
    known(busy) ? `a database call in flight ${number(busy, 0)} % of the time` : '',
    known(routineMs) ? `routine-lane statement ${number(routineMs, 1)} ms call → result` : '',
    known(txP50)
      ? `alarm transaction ${number(txP50, 1)} ms p50 / ${number(txP99, 1)} ms p99 call → committed (p99 ${number(waitP99, 1)} ms waiting for a connection and begin, p99 ${number(lockP99, 1)} ms in advisory-lock statements; ${number(statements, 1)} statements each)`
      : '',
    known(otherMax) ? `longest transaction outside the alarm lane ${number(otherMax, 1)} ms` : '',
    known(naks) && naks > 0 ? `${number(naks, 0)} panics answered NAK` : '',
    known(hbP50) ? `heartbeat round trip p50 ${number(hbP50, 1)} ms` : '',
    known(offered)
      ? `heartbeats offered ${number(offered, 0)}/s, written ${number(written, 0)}/s, generator lateness p99 ${number(late, 1)} ms, ${number(backlogEnd, 0)} frames awaiting ACK at the window's end`
      : '',
    known(cpuPerRequest) ? `server CPU ${number(cpuPerRequest, 1)} ms per list request` : '',
  ].filter((f) => f !== '');
  const findings: string[] = [];
  if (figure.label.includes('heartbeat') && known(offered)) {
    if (known(late) && late > 50)
      findings.push(
        `The generator itself fell behind its schedule (lateness p99 ${number(late, 1)} ms), so part of the shortfall is the load generator on this machine, not the server.`,
      );
    if (known(backlogEnd) && backlogEnd > offered * 0.05)
      findings.push(
        `Frames were still waiting for an ACK when the window closed (${number(backlogEnd, 0)}, i.e. ${number((backlogEnd / offered) * 1000, 0)} ms of offered load): the server answered more slowly than frames arrived, so its backlog grew.`,
      );
  }
  if (known(txP99) && known(value) && figure.unit === 'ms' && figure.label.includes('panic')) {
    const share = Math.min(100, (txP99 / value) * 100);
    findings.push(
      `The alarm transaction accounts for roughly ${number(share, 0)} % of the p99 (${number(txP99, 1)} of ${number(value, 1)} ms, comparing p99 with p99)` +
        (share < 50
          ? '; most of the time is spent outside it: waiting for event-loop turns to read the frame, look up the device, run each statement, and write the ACK (and, for the console, to send the event).'
          : '.'),
    );
    if (known(waitP99) && waitP99 > txP99 * 0.3)
      findings.push(
        `Of that, ${number(waitP99, 1)} ms (p99) passes before the transaction body starts — waiting for one of the alarm lane's connections (and begin) — so alarm transactions queue behind each other: while some are slow, the few alarm-lane connections are all taken.`,
      );
    if (known(lockP99) && lockP99 > txP99 * 0.2)
      findings.push(
        `${number(lockP99, 1)} ms (p99) is spent inside advisory-lock statements (the per-device lock and the audit-chain lock, which every alarm transaction takes in turn): the audit chain serialises alarm transactions.`,
      );
    if (known(otherMax) && otherMax >= 200)
      findings.push(
        `A transaction outside the alarm lane ran ${number(otherMax, 1)} ms with ${number(otherStatements, 0)} statements (median over runs; which one is in the note above); while it holds a lock that alarm transactions need (the audit chain), every panic waits for it — compare its length with the lock-wait and connection-wait p99s.`,
      );
    if (known(naks) && naks > 0)
      findings.push(
        `${number(naks, 0)} panics were answered NAK rather than ACK (the device would retry): a panic whose transaction could not run in time is refused, which is what the connection-wait figures above show building up.`,
      );
  }
  if (known(elu) && elu >= 85)
    findings.push(
      `The server's event loop is nearly always busy (${number(elu, 0)} %): everything the server does shares that one loop, so work queues for turns${server < elu - 15 ? ` — and the process got only ${number(server, 0)} % of a core, i.e. it was runnable but waiting for a CPU part of that time (CPU pressure ${number(pressure, 0)} %)` : ''}.`,
    );
  else if (known(elu) && elu >= 50)
    findings.push(
      `The event loop is busy ${number(elu, 0)} % of the time: queueing for a turn grows quickly as that approaches 100 %, and the p99 event-loop delay (${number(loop, 1)} ms) is paid once for every turn a panic needs (${known(statements) ? `${number(statements + 2, 0)} database round trips in its transaction alone` : 'several per frame'}).`,
    );
  if (known(server) && server >= 85)
    findings.push('The server child is CPU-bound: it uses most of one core by itself.');
  if (known(pg) && pg >= 80) findings.push(`PostgreSQL is busy (${number(pg, 0)} % of a core).`);
  else if (known(pg) && known(txP50))
    findings.push(
      `PostgreSQL is not saturated (${number(pg, 0)} % of a core): database calls take long because of waiting (for pool connections and for event-loop turns), not work in PostgreSQL.`,
    );
  if (known(pressure) && pressure >= 30)
    findings.push(
      `The machine is contended: some runnable task waited for a CPU ${number(pressure, 0)} % of the time (2 cores shared by the server, PostgreSQL, the generator, the orchestrator and other work at ${number(others, 0)} %).`,
    );
  if (known(cpuPerRequest) && known(answerKiB))
    findings.push(
      `Each list request costs the server ${number(cpuPerRequest, 1)} ms of CPU to build and serialise ${number(answerKiB, 0)} KiB of JSON; with the event loop shared, the response time is that plus the wait for turns.`,
    );
  if (findings.length === 0)
    findings.push('No single resource is saturated in these figures; see the measured values above.');
  return `Measured (medians): ${facts.join('; ')}. ${findings.join(' ')}`;
}

/** the issue's wording of each target, beside the figure's own (which the verdict uses) */
const TARGET_TEXT: Record<Headline, string> = {
  durable: '≥ 2,000/s (aim 5,000)',
  peerRatio: '≥ 0.2',
  panicAt5000: '≤ 10 ms',
  consoleAt2000: '≤ 25 ms',
  ceiling: '≥ 20,000/s',
  burstAcked: 'all 1,000',
  burstP99: '≤ 50 ms',
  readStorm: '≤ 2 ms',
};

/** which scenario measures each row */
const SCENARIO_OF: Record<Headline, string> = {
  durable: 'i',
  peerRatio: 'i',
  panicAt5000: 'b',
  consoleAt2000: 'f',
  ceiling: 'a',
  burstAcked: 'g',
  burstP99: 'g',
  readStorm: 'm',
};

function headlineFigure(
  engine: EngineResult,
  headline: Headline,
): { figure: Figure; scenario: string } | null {
  for (const s of engine.scenarios) {
    const figure = s.figures.find((f) => f.headline === headline);
    if (figure) return { figure, scenario: s.id };
  }
  return null;
}

/** PASS / MISS on the median, or why there is no figure. */
function summaryCell(engine: EngineResult | undefined, headline: Headline): string {
  if (!engine) return 'not run';
  const found = headlineFigure(engine, headline);
  if (!found) {
    const ran = engine.scenarios.find((s) => s.id === SCENARIO_OF[headline]);
    return ran?.error ? `not measured (${ran.id}: ${ran.error})` : 'not measured';
  }
  const { figure, scenario } = found;
  const s = spread(figure.runs);
  if (s.runs === 0) return `not measured (${scenario})`;
  const value = `${formatSpread(s, figure.decimals ?? 1)} ${figure.unit}`;
  if (!figure.target) return `${value} (${scenario})`;
  const pass = meets(s.median, figure.target, figure.decimals ?? 1);
  return `${value} **${pass ? 'PASS' : 'MISS'}** (${scenario})`;
}

/** The targets of issue 14, one row each, both engines side by side. */
export function summaryLines(engines: EngineResult[]): string[] {
  const pg = engines.find((e) => e.engine === 'postgres');
  const lite = engines.find((e) => e.engine === 'pglite');
  const lines = [
    '## Targets',
    '',
    'The targets are set for PostgreSQL; PGlite (embedded mode) is measured against the same numbers for reference. ' +
      'Median (min–max) over the runs, PASS/MISS on the median, and the scenario that measured it.',
    '',
    '| Figure | Target | PostgreSQL | PGlite (reference) |',
    '|---|---|---|---|',
  ];
  for (const key of Object.keys(HEADLINES) as Headline[])
    lines.push(
      `| ${HEADLINES[key]} | ${TARGET_TEXT[key]} | ${summaryCell(pg, key)} | ${summaryCell(lite, key)} |`,
    );
  lines.push('');
  return lines;
}

function diagnosticRows(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map(
    (d) =>
      `| ${d.label} | ${d.unit} | ${formatSpread(spread(d.runs), d.decimals ?? 1)} | ${d.runs.map((v) => number(v, d.decimals ?? 1)).join(' / ')} |`,
  );
}

function engineTitle(engine: EngineResult): string {
  return engine.engine === 'postgres' ? `PostgreSQL (${engine.databaseVersion})` : engine.databaseVersion;
}

export function renderMarkdown(machine: Machine, settings: BenchSettings, engines: EngineResult[]): string {
  const out: string[] = [];
  out.push('# Benchmarks', '');
  out.push(
    `Written by \`${settings.command}\` (bench/run.ts) on ${machine.date.slice(0, 10)} ` +
      `(${machine.date}); the whole run took ${Math.round(settings.wallSeconds)} s. Do not edit by hand: run it again.`,
    '',
  );
  out.push(...summaryLines(engines));
  out.push('## Machine', '');
  out.push('| | |', '|---|---|');
  out.push(`| CPU | ${machine.cpuModel} |`);
  out.push(`| Cores | ${machine.cores} |`);
  out.push(`| RAM | ${number(machine.ramGiB, 1)} GiB |`);
  out.push(`| Node.js | ${machine.node} |`);
  const pg = engines.find((e) => e.engine === 'postgres');
  out.push(`| PostgreSQL | ${pg ? pg.databaseVersion : 'not measured (DATABASE_URL not set)'} |`);
  out.push(`| PGlite | ${machine.pglite} |`);
  out.push(`| Kernel | ${machine.kernel} |`);
  out.push('');
  out.push('## How it is measured', '');
  out.push(
    `- The platform runs in its own process (\`bench/server.ts\`, \`AWARE_LOG_LEVEL=silent\`) on a fresh ` +
      'database (a new PostgreSQL database made and dropped by `freshDatabase`, or in-memory PGlite), with the ' +
      `demo data and ${engines[0] ? `${engines[0].devices.heartbeat + engines[0].devices.panic} generated DC-09 devices (${engines[0].devices.keyed} of them AES-keyed)` : 'generated DC-09 devices'}. ` +
      'Everything is on loopback; load, orchestration and server share the same cores.',
    '- Heartbeat load comes from a second child process (`bench/heartbeat.ts`), one persistent TCP connection per ' +
      "device, spread over many 127/8 source addresses (50 each) to stay under the receiver's per-source limit of 64. " +
      'Two modes. **Open loop (paced)**, used where a target names a load (b at 5,000/s, f at 2,000/s): frame k is ' +
      'due at k/R seconds on connection k mod N, so each connection keeps its own fixed schedule (period N/R) and ' +
      'sends on it whether or not its previous frame was answered; the generator reports what it offered, what it ' +
      'wrote, how late it wrote (lateness against the schedule), the frames awaiting an ACK, and the **achieved** ' +
      'rate (ACKs that arrived inside the window), never the offered one. **Closed loop**, used for the ceiling ' +
      '(a, b-sat): one NULL frame in flight per connection, the next sent when the ACK arrives, so the server is ' +
      'saturated by construction and queueing dominates every latency measured alongside.',
    '- Panics, the SSE console and API calls come from the orchestrator process (`bench/run.ts`), so their timing is ' +
      "not queued behind the heartbeat generator's event loop. Latency is frame written → reply frame read.",
    '- Durable panics (i): 100 buttons over 50 persistent connections (two accounts taking turns on each), one ' +
      'panic frame in flight per connection, a fresh SEQ each; then the same generator against the `iobroker.sia` ' +
      'receiver (vendored in bench/vendor), which stores nothing. The read storm (m): 50 clients in a child process ' +
      'read case pages as the coordinator, one request at a time each, as fast as answers come; each run measures ' +
      'the same panics without them first, then with them.',
    "- The machine is shared: other work (e.g. colleagues' test suites) may run at the same time. Each scenario " +
      'reports the CPU used by processes outside the benchmark and the Linux CPU pressure during its runs; wide ' +
      'min–max spreads usually coincide with them.',
    `- Every figure: median over ${settings.runs} runs, with (min–max). Pass/miss compares the median with the ` +
      'target and says how many runs met it.',
    '- "Measured alongside" comes from the server child (CPU from /proc/<pid>/stat, event-loop delay from ' +
      '`monitorEventLoopDelay`, database statements and routine-lane batches counted by a pass-through wrapper around ' +
      'its database handle), and from /proc for the PostgreSQL processes.',
    '',
  );
  if (!settings.postgresUrlSet)
    out.push('> PostgreSQL was **not measured**: `DATABASE_URL` was not set for this run.', '');

  for (const engine of engines) {
    out.push(`## ${engineTitle(engine)}`, '');
    if (engine.error) out.push(`> Engine run failed: ${engine.error}`, '');
    out.push('| Scenario | Figure | Median (min–max) | Target | Result |', '|---|---|---|---|---|');
    for (const s of engine.scenarios) {
      if (s.error) {
        out.push(`| ${s.id} | ${s.title} | not measured: ${s.error} | | |`);
        continue;
      }
      for (const f of s.figures)
        out.push(
          `| ${s.id} | ${f.label} (${f.unit}) | ${formatSpread(spread(f.runs), f.decimals ?? 1)} | ${targetText(f)} | ${verdict(f)} |`,
        );
    }
    out.push('');
    for (const s of engine.scenarios) {
      out.push(`### ${engine.engine} ${s.id}. ${s.title}`, '');
      if (s.error) {
        out.push(`Not measured: ${s.error}`, '');
        continue;
      }
      out.push('Measured alongside:', '');
      out.push('| | unit | median (min–max) | per run |', '|---|---|---|---|');
      out.push(...diagnosticRows(s.diagnostics), '');
      for (const note of s.notes) out.push(`- ${note}`);
      if (s.notes.length > 0) out.push('');
      for (const f of s.figures.filter(isMiss)) {
        const which = f.reference ? 'missed the PostgreSQL target, for reference' : 'missed';
        out.push(`**What limits it (${f.label}, ${which}):** ${limitsOf(s, f)}`, '');
      }
    }
  }
  return `${out.join('\n')}\n`;
}

/** The figures table for the terminal. */
export function renderConsole(engines: EngineResult[]): string {
  const rows: string[][] = [['engine', 'scn', 'figure', 'median (min–max)', 'target', 'result']];
  for (const engine of engines)
    for (const s of engine.scenarios) {
      if (s.error) {
        rows.push([engine.engine, s.id, s.title.slice(0, 40), `not measured: ${s.error}`, '', '']);
        continue;
      }
      for (const f of s.figures)
        rows.push([
          engine.engine,
          s.id,
          `${f.label} (${f.unit})`,
          formatSpread(spread(f.runs), f.decimals ?? 1),
          targetText(f),
          verdict(f).replaceAll('**', ''),
        ]);
    }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const table = rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n');
  return `${table}\n\n${summaryLines(engines).slice(4).join('\n').replaceAll('**', '')}`;
}
