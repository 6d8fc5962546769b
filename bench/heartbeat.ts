/**
 * Heartbeat load generator child: one persistent connection per device, each sending NULL frames
 * as fast as its ACKs come back (one in flight per connection, like a dialler). Configured by the
 * BENCH_HEARTBEAT JSON env; prints `connected`, waits for `go` on stdin, prints `measuring` when
 * the warm-up is over and one `result` line at the end, then exits.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { type BenchLink, openLinks } from './dc09-link.ts';
import type { HeartbeatConfig, HeartbeatMessage, HeartbeatResult } from './load.ts';
import { percentile } from './stats.ts';

const config = JSON.parse(process.env.BENCH_HEARTBEAT ?? '{}') as HeartbeatConfig;
const say = (message: HeartbeatMessage) => process.stdout.write(`${JSON.stringify(message)}\n`);

const links = await openLinks({
  host: config.host,
  port: config.port,
  devices: config.devices,
  block: config.block,
  perSource: config.perSource,
  timeoutMs: 5_000,
});
say({ type: 'connected', connections: links.length });
await new Promise<void>((resolve) => {
  const input = createInterface({ input: process.stdin });
  input.once('line', () => resolve());
});

const counts = { ACK: 0, NAK: 0, DUH: 0, timeout: 0, closed: 0 };
const latencies: number[] = [];
const started = performance.now();
const measureFrom = started + config.warmupMs;
const measureTo = measureFrom + config.durationMs;
let cpuAtStart = process.cpuUsage();
const loop = monitorEventLoopDelay({ resolution: 5 });
setTimeout(() => {
  cpuAtStart = process.cpuUsage();
  loop.enable();
  say({ type: 'measuring' });
}, config.warmupMs);

async function drive(link: BenchLink): Promise<void> {
  let sequence = 1;
  while (performance.now() < measureTo && !link.closed) {
    const reply = await link.send('heartbeat', sequence);
    sequence = (sequence % 9999) + 1;
    const now = performance.now();
    if (now >= measureFrom && now < measureTo) {
      counts[reply.outcome] += 1;
      if (reply.outcome === 'ACK') latencies.push(reply.latencyMs);
    }
  }
}

await Promise.all(links.map(drive));
const cpu = process.cpuUsage(cpuAtStart);
loop.disable();
const result: HeartbeatResult = {
  type: 'result',
  connections: links.length,
  durationMs: config.durationMs,
  acked: counts.ACK,
  naks: counts.NAK,
  duhs: counts.DUH,
  timeouts: counts.timeout,
  closed: counts.closed,
  ackPerSecond: counts.ACK / (config.durationMs / 1000),
  latencyP50Ms: percentile(latencies, 50),
  latencyP99Ms: percentile(latencies, 99),
  cpuPercent: ((cpu.user + cpu.system) / 1000 / (performance.now() - measureFrom)) * 100,
  loopP99Ms: loop.percentile(99) / 1e6,
};
await Promise.all(links.map((l) => l.close()));
say(result);
process.exit(0);
