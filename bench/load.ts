import { type LineChild, spawnTsx } from './child.ts';
import type { BenchDevice } from './protocol.ts';

export interface HeartbeatConfig {
  host: string;
  port: number;
  devices: BenchDevice[];
  /** second octet of the 127/8 source addresses used */
  block: number;
  perSource: number;
  warmupMs: number;
  durationMs: number;
  /**
   * Absent: closed loop (one frame in flight per connection, the next sent when its ACK arrives:
   * the server's ceiling). Set: open loop at this offered rate, frames/s over all connections; each
   * connection sends on its own fixed schedule whether or not its previous frame was answered.
   */
  ratePerSecond?: number;
}

export interface HeartbeatResult {
  type: 'result';
  connections: number;
  durationMs: number;
  acked: number;
  naks: number;
  duhs: number;
  timeouts: number;
  closed: number;
  ackPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** CPU of the generator process during the measured window, % of one core */
  cpuPercent: number;
  loopP99Ms: number;
  /** open loop only (NaN in closed loop): what was offered and how far behind schedule it went out */
  paced: {
    offeredPerSecond: number;
    /** frames written in the measured window (scheduled there), and frames written per second */
    sent: number;
    sentPerSecond: number;
    /** frame written later than its slot: p99 and max of (written − scheduled), ms */
    lateP99Ms: number;
    lateMaxMs: number;
    /** share of frames written while the previous frame on the same connection was not yet answered */
    sentUnansweredPercent: number;
    /** frames sent but not answered, over all connections: most at any send, at the window's start and end */
    backlogMax: number;
    backlogAtStart: number;
    backlogAtEnd: number;
    /** frames sent in the window that had no reply when the generator stopped waiting (5 s timeout) */
    unanswered: number;
  } | null;
}

export type HeartbeatMessage =
  | { type: 'connected'; connections: number }
  | { type: 'measuring' }
  | HeartbeatResult;

export interface HeartbeatLoad {
  pid: number;
  /** starts sending; resolves when the warm-up is over and the measured window begins */
  go(): Promise<void>;
  result: Promise<HeartbeatResult>;
}

/** Starts bench/heartbeat.ts in its own process and waits until all its connections are open. */
export async function startHeartbeatLoad(config: HeartbeatConfig): Promise<HeartbeatLoad> {
  const child: LineChild = spawnTsx('bench/heartbeat.ts', { BENCH_HEARTBEAT: JSON.stringify(config) });
  await child.next((m) => m.type === 'connected', 60_000);
  const timeout = config.warmupMs + config.durationMs + 60_000;
  const measuring = child.next((m) => m.type === 'measuring', timeout);
  const result = child.next<HeartbeatResult>((m) => m.type === 'result', timeout);
  measuring.catch(() => {});
  return {
    pid: child.process.pid ?? 0,
    async go() {
      child.write('go');
      await measuring;
    },
    result: result.then(async (r) => {
      await child.exited;
      return r;
    }),
  };
}
