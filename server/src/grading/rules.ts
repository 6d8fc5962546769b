/**
 * Response grading (issue 16, EN 50518-style): how long each link of the alarm chain took, counted from the
 * alarm's receipt, as p50/p90/p99 and as the share within 30 s and within 60 s against the region's norms.
 * Pure. A link that did not happen has no time: it is counted as not reached, never as zero.
 */

export const STAGES = ['shown', 'claimed', 'voice', 'forwarded', 'dispatched', 'on_scene'] as const;
export type Stage = (typeof STAGES)[number];

export type StageSeconds = Record<Stage, number | null>;

export interface Norm {
  stage: Stage;
  /** the share (0-1) that should reach the link within 30 s, and within 60 s; null: no norm */
  within30: number | null;
  within60: number | null;
}

/** Until a region writes its own: the common EN 50518 reading for accepting an alarm (80 % / 98.5 %). */
export const DEFAULT_NORMS: readonly Norm[] = [{ stage: 'claimed', within30: 0.8, within60: 0.985 }];

export interface StageStats {
  stage: Stage;
  /** alarms that reached this link */
  n: number;
  /** alarms of the group that never reached it (no time, not zero) */
  notReached: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  within30: number | null;
  within60: number | null;
  /** against the region's norm; null without a norm or without alarms */
  meets30: boolean | null;
  meets60: boolean | null;
}

/** Nearest rank: the smallest observed time that at least p of the alarms reached the link within. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

const share = (count: number, n: number) => (n === 0 ? null : Math.round((count / n) * 1000) / 1000);

export function stageStats(group: readonly StageSeconds[], stage: Stage, norm: Norm | undefined): StageStats {
  const values = group
    .map((a) => a[stage])
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b);
  const n = values.length;
  const within30 = share(values.filter((v) => v <= 30).length, n);
  const within60 = share(values.filter((v) => v <= 60).length, n);
  const meets = (actual: number | null, target: number | null | undefined) =>
    actual === null || target === null || target === undefined ? null : actual >= target;
  return {
    stage,
    n,
    notReached: group.length - n,
    p50: percentile(values, 0.5),
    p90: percentile(values, 0.9),
    p99: percentile(values, 0.99),
    within30,
    within60,
    meets30: meets(within30, norm?.within30),
    meets60: meets(within60, norm?.within60),
  };
}

export const allStages = (group: readonly StageSeconds[], norms: readonly Norm[]) =>
  STAGES.map((stage) =>
    stageStats(
      group,
      stage,
      norms.find((n) => n.stage === stage),
    ),
  );

/** Seconds from receipt to each link, to a tenth; null where the link has no time. */
export function secondsOf(receivedAt: Date, at: Record<Stage, Date | null>): StageSeconds {
  const out = {} as StageSeconds;
  for (const stage of STAGES) {
    const t = at[stage];
    out[stage] = t ? Math.round((t.getTime() - receivedAt.getTime()) / 100) / 10 : null;
  }
  return out;
}

const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The ISO week ("2026-W49") of a calendar day "yyyy-mm-dd". */
export function isoWeekOfDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week of an instant, as the Dutch calendar counts it. */
export const isoWeekOf = (at: Date) => isoWeekOfDay(AMSTERDAM_DAY.format(at));

export const WEEK = /^(\d{4})-W(\d{2})$/;

/** The Monday ("yyyy-mm-dd") of an ISO week; null for a week that does not exist (e.g. 2026-W54). */
export function mondayOf(week: string): string | null {
  const m = WEEK.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  const day = new Date(monday.getTime() + (Number(m[2]) - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
  return isoWeekOfDay(day) === week ? day : null;
}

export const addDays = (day: string, days: number) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** The weeks from `from` to `to`, both included. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let day = mondayOf(from)!; day <= mondayOf(to)!; day = addDays(day, 7)) weeks.push(isoWeekOfDay(day));
  return weeks;
}

export interface GradedAlarm {
  id: string;
  week: string;
  kind: string;
  priority: number;
  receivedAt: Date;
  operatorName: string | null;
  seconds: StageSeconds;
}

export interface GradingReport {
  regionId: string;
  region: string;
  from: string;
  to: string;
  norms: { configured: boolean; stages: Norm[] };
  total: number;
  overall: StageStats[];
  weeks: { week: string; alarms: number; stages: StageStats[] }[];
  byPriority: { priority: number; alarms: number; stages: StageStats[] }[];
  byOperator: { operatorName: string | null; alarms: number; stages: StageStats[] }[];
  /** the newest alarms of the period, each with its own times */
  alarms: GradedAlarm[];
}
