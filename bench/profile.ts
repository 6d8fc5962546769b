/**
 * `npx tsx bench/profile.ts [seconds] [pglite|postgres]`: the heartbeat path under closed-loop load with
 * `node --cpu-prof` on the server child; prints the heartbeat rate and the server's self time by function
 * and by file. A diagnostic, not part of `npm run bench`. Profiles go to BENCH_PROFILE_DIR (default a
 * temporary folder), one per run.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monotonicUs, selfTimeByFile, selfTimes } from './cpu-profile.ts';
import { startHeartbeatLoad } from './load.ts';
import type { Engine } from './protocol.ts';
import { startServerChild } from './server-child.ts';

const seconds = Number(process.argv[2] ?? '20');
const engine: Engine = process.argv[3] === 'postgres' ? 'postgres' : 'pglite';
const dir = process.env.BENCH_PROFILE_DIR ?? mkdtempSync(join(tmpdir(), 'aware-profile-'));
const before = new Set(readdirSync(dir));

const server = await startServerChild(engine, { BENCH_NODE_ARGS: `--cpu-prof --cpu-prof-dir=${dir}` });
const load = await startHeartbeatLoad({
  host: '127.0.0.1',
  port: server.ready.dc09Port,
  devices: server.ready.heartbeatDevices,
  block: 30,
  perSource: 50,
  warmupMs: 2_000,
  durationMs: seconds * 1000,
});
await load.go();
const fromUs = monotonicUs();
const result = await load.result;
const toUs = monotonicUs();
await server.stop();

const written = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile') && !before.has(f));
process.stdout.write(
  `${engine}: ${result.connections} connections, closed loop ${seconds} s: ${result.ackPerSecond.toFixed(0)} heartbeats ACKed/s (p50 ${result.latencyP50Ms.toFixed(1)} ms, p99 ${result.latencyP99Ms.toFixed(1)} ms; NAK ${result.naks}, timeout ${result.timeouts})\n`,
);
for (const file of written) {
  const { totalMs, rows, inclusive } = selfTimes(join(dir, file), { fromUs, toUs });
  // the other profile is tsx's loader thread, idle once the modules are loaded
  if (rows[0]?.name === '(idle)' && rows[0].percent > 80) continue;
  process.stdout.write(
    `\n${join(dir, file)}: ${(totalMs / 1000).toFixed(1)} s sampled in the measured window\n\nself time by function:\n`,
  );
  for (const r of rows.slice(0, 45))
    process.stdout.write(`${r.percent.toFixed(1).padStart(5)} %  ${r.name}  ${r.where}\n`);
  process.stdout.write('\ntotal time (self and callees) by project function:\n');
  for (const r of inclusive.slice(0, 40))
    process.stdout.write(`${r.percent.toFixed(1).padStart(5)} %  ${r.name}  ${r.where}\n`);
  process.stdout.write('\nself time by file:\n');
  for (const f of selfTimeByFile(rows).slice(0, 30))
    process.stdout.write(`${f.percent.toFixed(1).padStart(5)} %  ${f.file}\n`);
}
