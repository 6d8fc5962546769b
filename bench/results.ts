/** The shape of everything measured, as the report reads it. */

export interface Target {
  op: '>=' | '<=';
  value: number;
}

export interface Figure {
  label: string;
  unit: string;
  /** one value per run */
  runs: number[];
  /** null: no target was set for this figure */
  target: Target | null;
  /** shown instead of a target when none applies (e.g. "ceiling, no target") */
  targetNote?: string;
  /** the target is set for the other engine: compared for reference, not a pass/miss of this one */
  reference?: boolean;
  /** the target is a proposal of the benchmark, not (yet) set by an issue */
  proposed?: boolean;
  decimals?: number;
  /** one of HEADLINES: this figure is a row of the targets summary at the top of the report */
  headline?: Headline;
}

/** The rows of the targets summary (issue 14), in its order. */
export const HEADLINES = {
  durable: 'durable panics/s, 100 buttons, 50 connections, closed loop',
  peerRatio: 'same, ratio to `iobroker.sia` in the same run',
  panicAt5000: 'panic ACK p99 with 5,000 heartbeats/s offered',
  consoleAt2000: 'panic frame → console p99 at 2,000 heartbeats/s',
  ceiling: 'heartbeat ceiling, closed loop',
  burstAcked: 'burst: 1,000 panics at 250/s, ACKed first try',
  burstP99: 'burst: 1,000 panics at 250/s, ACK p99',
  readStorm: 'panic ACK p99 while 50 clients read case pages, minus the same without them',
} as const;
export type Headline = keyof typeof HEADLINES;

export interface Diagnostic {
  label: string;
  unit: string;
  runs: number[];
  decimals?: number;
}

export interface ScenarioResult {
  id: string;
  title: string;
  figures: Figure[];
  diagnostics: Diagnostic[];
  notes: string[];
  /** set when the scenario could not be measured */
  error?: string;
}

export interface EngineResult {
  engine: string;
  databaseVersion: string;
  devices: { heartbeat: number; panic: number; keyed: number };
  scenarios: ScenarioResult[];
  error?: string;
}
