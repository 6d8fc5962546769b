import { cpus } from 'node:os';
import type { Machine } from './machine.ts';
import type { Diagnostic, EngineResult, Figure, ScenarioResult, Target } from './results.ts';
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
  if (figure.target)
    return `${figure.target.op === '>=' ? '≥' : '≤'} ${number(figure.target.value, 0)} ${figure.unit}`;
  return figure.targetNote ?? 'none set';
}

const meets = (value: number, target: Target) =>
  target.op === '>=' ? value >= target.value : value <= target.value;

/** 'pass' / 'miss' on the median, with how many runs met the target; '' when there is no target. */
export function verdict(figure: Figure): string {
  if (!figure.target) return '—';
  const s = spread(figure.runs);
  if (s.runs === 0) return 'not measured';
  const target = figure.target;
  const met = figure.runs.filter((v) => Number.isFinite(v) && meets(v, target)).length;
  return `${meets(s.median, target) ? '**pass**' : '**MISS**'} (${met}/${s.runs} runs)`;
}

const isMiss = (figure: Figure) =>
  figure.target !== null && !meets(spread(figure.runs).median, figure.target);

function diag(scenario: ScenarioResult, label: string): number {
  return spread(scenario.diagnostics.find((d) => d.label === label)?.runs ?? []).median;
}

/**
 * What the measurements say limits a missed figure. Derived from the figures measured alongside
 * (CPU per process, event-loop delay, database occupancy, routine-lane batching), not guessed.
 */
export function limitsOf(scenario: ScenarioResult, figure: Figure): string {
  const d = (label: string) => diag(scenario, label);
  const server = d('server child CPU');
  const elu = d('server event-loop utilisation');
  const pg = d('PostgreSQL processes CPU');
  const generator = d('load generator CPU');
  const others = d('CPU of other processes on the machine');
  const pressure = d('CPU pressure (PSI some)');
  const loop = d('server event-loop delay p99');
  const busy = d('database call in flight');
  const batches = d('routine-lane batches');
  const rows = d('routine-lane rows per batch');
  const routineMs = d('routine-lane statement, call → resolved');
  const lookups = d('device-directory lookups (cache misses)');
  const lookupMs = d('device-directory lookup, call → resolved');
  const txP50 = d('alarm transaction, call → committed p50');
  const txP99 = d('alarm transaction, call → committed p99');
  const hbP50 = d('heartbeat frame → ACK p50');
  const facts = [
    `server child CPU ${number(server, 0)} % of one core with its event loop not idle ${number(elu, 0)} % of the time`,
    Number.isFinite(pg) ? `PostgreSQL processes ${number(pg, 0)} %` : '',
    Number.isFinite(generator) ? `heartbeat generator ${number(generator, 0)} %` : '',
    `other processes on the machine ${number(others, 0)} %, CPU pressure ${number(pressure, 0)} % (of ${cpus().length * 100} %)`,
    `event-loop delay p99 ${number(loop, 1)} ms`,
    `a database call in flight ${number(busy, 0)} % of the time`,
    Number.isFinite(batches)
      ? `routine lane ${number(batches, 0)} statements/s of ${number(rows, 0)} rows, each ${number(routineMs, 1)} ms from call to result`
      : '',
    Number.isFinite(lookups)
      ? `${number(lookups, 0)} device-directory lookups/s at ${number(lookupMs, 1)} ms each`
      : '',
    Number.isFinite(txP50)
      ? `alarm transactions ${number(txP50, 1)} ms p50 / ${number(txP99, 1)} ms p99`
      : '',
    Number.isFinite(hbP50) ? `heartbeat round trip p50 ${number(hbP50, 1)} ms` : '',
  ].filter((f) => f !== '');
  const findings: string[] = [];
  if (elu >= 85 && server < 80)
    findings.push(
      `The server's event loop is almost never idle (${number(elu, 0)} %) although the process gets only ` +
        `${number(server, 0)} % of a core: it is runnable but waiting for a CPU part of the time (CPU pressure ` +
        `${number(pressure, 0)} %, other processes ${number(others, 0)} %). Every database round trip and every ` +
        'ACK needs a turn of that one loop, so turn length, not PostgreSQL, sets the pace.',
    );
  else if (server >= 85)
    findings.push(
      'The server child is CPU-bound: its single event loop is busy with per-frame work nearly all the time.',
    );
  if (Number.isFinite(pg) && pg < 40 && Number.isFinite(routineMs) && routineMs >= 5)
    findings.push(
      `PostgreSQL is not the limit (${number(pg, 0)} % CPU; a commit on this machine takes well under 1 ms), yet a ` +
        `routine-lane statement takes ${number(routineMs, 1)} ms from call to result: the time is spent queueing for ` +
        'one of the 10 pool connections and for event-loop turns. The lane writes one batch at a time and cuts a ' +
        'batch every 10 ms, so batches queue behind each other instead of merging into one larger write.',
    );
  if (Number.isFinite(lookupMs) && lookupMs >= 10)
    findings.push(
      `The device directory caches each account for 5 s and all entries were filled together, so they expire ` +
        `together: about every 5 s a burst of ~${number(lookups * 5, 0)} lookups (${number(lookupMs, 1)} ms each) ` +
        'fills the 10-connection pool, and every frame of those devices — heartbeats and panics alike — waits for it.',
    );
  if (figure.label.includes('panic') && Number.isFinite(txP50))
    findings.push(
      `The alarm lane has its own transaction but not its own connections: a panic's transaction (${number(txP50, 1)} ms ` +
        'p50 here, against a few ms idle) waits for a pool connection behind routine-lane and directory-lookup ' +
        'statements, then makes ~9 sequential round trips (begin, device lock, retransmission check, insert alarm, ' +
        'timeline, audit lock, last audit hash, audit insert, commit), each of which waits for an event-loop turn ' +
        'shared with the heartbeat traffic.',
    );
  if (findings.length === 0)
    findings.push('No single resource is saturated in these figures; see the measured values above.');
  return `Measured (medians): ${facts.join('; ')}. ${findings.join(' ')}`;
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
    '- Heartbeat load comes from a second child process (`bench/heartbeat.ts`): one persistent TCP connection per ' +
      'device, one NULL frame in flight per connection (the next is sent when the ACK arrives), connections spread ' +
      "over many 127/8 source addresses (50 each) to stay under the receiver's per-source limit of 64.",
    '- Panics, the SSE console and API calls come from the orchestrator process (`bench/run.ts`), so their timing is ' +
      "not queued behind the heartbeat generator's event loop. Latency is frame written → reply frame read.",
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
        out.push(`**What limits it (${f.label}, missed):** ${limitsOf(s, f)}`, '');
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
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n');
}
