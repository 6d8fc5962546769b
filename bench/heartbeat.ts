/**
 * Heartbeat load generator child: one persistent connection per device sending NULL frames.
 * Closed loop (no `ratePerSecond`): each connection sends its next frame when the ACK of the last
 * comes back, so the server runs at its ceiling. Open loop (`ratePerSecond` R): frame k goes out at
 * start + k/R on connection k mod N, so every connection keeps its own fixed schedule (period N/R)
 * and sends on it whether or not its previous frame was answered; lateness and backlog are counted.
 * Configured by the BENCH_HEARTBEAT JSON env; prints `connected`, waits for `go` on stdin, prints
 * `measuring` when the warm-up is over and one `result` line at the end, then exits.
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let paced: HeartbeatResult['paced'] = null;
let ackedInWindow = 0;

/** Open loop: frame k is due at started + k·1000/R on link k mod N; sent when due, answered or not. */
async function pace(rate: number): Promise<void> {
  const n = links.length;
  const step = 1000 / rate;
  const sequence = new Array<number>(n).fill(1);
  const replies: Promise<void>[] = [];
  const late: number[] = [];
  let sent = 0;
  let sentUnanswered = 0;
  let backlog = 0;
  let backlogMax = 0;
  let backlogAtStart = Number.NaN;
  let backlogAtEnd = Number.NaN;
  let unanswered = 0;
  let k = 0;
  const dueOf = (index: number) => started + index * step;
  for (;;) {
    const now = performance.now();
    if (Number.isNaN(backlogAtStart) && now >= measureFrom) backlogAtStart = backlog;
    if (Number.isNaN(backlogAtEnd) && now >= measureTo) backlogAtEnd = backlog;
    for (; dueOf(k) <= now && dueOf(k) < measureTo; k++) {
      const due = dueOf(k);
      const link = links[k % n]!;
      const inWindow = due >= measureFrom;
      if (link.closed) {
        if (inWindow) counts.closed += 1;
        continue;
      }
      if (inWindow) {
        sent += 1;
        late.push(now - due);
        if (link.outstanding > 0) sentUnanswered += 1;
      }
      const seq = sequence[k % n]!;
      sequence[k % n] = (seq % 9999) + 1;
      backlog += 1;
      backlogMax = Math.max(backlogMax, backlog);
      const sentAt = performance.now();
      replies.push(
        link.send('heartbeat', seq).then((reply) => {
          backlog -= 1;
          const arrived = sentAt + reply.latencyMs;
          if (reply.outcome === 'ACK' && arrived >= measureFrom && arrived < measureTo) ackedInWindow += 1;
          if (!inWindow) return;
          counts[reply.outcome] += 1;
          if (reply.outcome === 'ACK') latencies.push(reply.latencyMs);
          else if (reply.outcome === 'timeout') unanswered += 1;
        }),
      );
    }
    if (dueOf(k) >= measureTo) break;
    await sleep(Math.max(0, dueOf(k) - performance.now()));
  }
  if (Number.isNaN(backlogAtEnd)) backlogAtEnd = backlog;
  await Promise.all(replies);
  const seconds = config.durationMs / 1000;
  paced = {
    offeredPerSecond: rate,
    sent,
    sentPerSecond: sent / seconds,
    lateP99Ms: percentile(late, 99),
    lateMaxMs: late.length > 0 ? late.reduce((a, b) => Math.max(a, b), 0) : Number.NaN,
    sentUnansweredPercent: sent > 0 ? (sentUnanswered / sent) * 100 : Number.NaN,
    backlogMax,
    backlogAtStart,
    backlogAtEnd,
    unanswered,
  };
}

if (config.ratePerSecond) await pace(config.ratePerSecond);
else await Promise.all(links.map(drive));
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
  // open loop: ACKs that arrived inside the window (what the server achieved), not what was offered
  ackPerSecond: (config.ratePerSecond ? ackedInWindow : counts.ACK) / (config.durationMs / 1000),
  latencyP50Ms: percentile(latencies, 50),
  latencyP99Ms: percentile(latencies, 99),
  cpuPercent: ((cpu.user + cpu.system) / 1000 / (performance.now() - measureFrom)) * 100,
  loopP99Ms: loop.percentile(99) / 1e6,
  paced,
};
await Promise.all(links.map((l) => l.close()));
say(result);
process.exit(0);
