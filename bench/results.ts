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
}

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
