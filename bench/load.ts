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
