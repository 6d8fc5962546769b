import type { Audience, FigureScope, TargetGroup } from './filters.ts';
import type * as repo from './repository.ts';
import {
  type Cell,
  cell,
  count,
  type Group,
  type Published,
  protect,
  publish,
  share,
} from './suppression.ts';

/**
 * Every indicator, defined once (docs/indicators.md gives the words). The repository counts; the pure
 * functions here turn its rows into the dashboard, attach to every figure the number of cases it rests on,
 * and publish it for an audience.
 */

/** Handbook norms per trajectory (seed 000; PRODUCT.md phase 3). */
export const NORMS = {
  stalking: {
    client: [16, 20] as [number, number],
    clientTypical: 18,
    perChild: [2, 3] as [number, number],
    network: 9,
    hours: 50,
    months: [6, 9] as [number, number],
  },
  acute_unsafety: {
    client: [6, 10] as [number, number],
    clientTypical: 8,
    perChild: [2, 3] as [number, number],
    network: 4,
    hours: 25,
    months: [0, 3] as [number, number],
  },
} as const satisfies Record<TargetGroup, unknown>;

/** Screening: the five indications should all hold; any of the three contra-indications excludes. */
export const INDICATIONS = [
  'unsafety_or_stalking',
  'threat_of_violence',
  'contact_broken',
  'willing_to_report',
  'open_to_help',
] as const;
export const CONTRA_INDICATIONS = ['several_perpetrators', 'few_safety_risks', 'too_high_risks'] as const;
/** Why a case was not granted, as the figures count it: a screening item, or none recorded. */
export const REJECTION_REASONS = [...INDICATIONS, ...CONTRA_INDICATIONS, 'none'] as const;

export const ALARM_KINDS = ['panic', 'test', 'low_battery', 'tamper', 'fault', 'supervision'] as const;
export const ALARM_OUTCOMES = [
  'arrest_in_act',
  'perpetrator_gone',
  'no_threat',
  'pressed_by_accident',
  'technical_fault',
  'cleared_by_device',
  'other',
  'open',
] as const;
export const RESPONSE_STEPS = ['claimed', 'forwarded', 'on_scene', 'total'] as const;
export const MOMENTS = ['start', 'interim', 'end'] as const;
export const GOAL_RESULTS = ['met', 'partly_met', 'not_met'] as const;

/** Days in a year and in a quarter, for pro-rata rent and client-years. */
export const DAYS_PER_YEAR = 365.25;

export interface RawFigures {
  years: repo.TrajectoryRow[];
  period: repo.TrajectoryRow;
  months: { key: string; started: number }[];
  monthKeys: string[];
  decisions: repo.DecisionRow;
  reasons: { reason: string; n: number }[];
  connections: repo.ConnectionRow;
  durations: repo.DurationRow;
  care: repo.CareRow[];
  alarms: repo.AlarmRow[];
  response: repo.ResponseRow[];
  rent: repo.RentRow[];
  losses: repo.DeviceLossRow;
  ratings: repo.RatingRow[];
  goals: { result: string; value: number; n: number }[];
}

const round = (v: number | null, digits: number) =>
  v == null || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** The dashboard with every figure as a Cell (value + cases behind it). */
export function buildFigures(raw: RawFigures) {
  const byKey = new Map(raw.months.map((m) => [m.key, m.started]));
  const years = raw.years.map((y) => ({
    year: y.key,
    started: count(y.started),
    running: count(y.running),
    closed: count(y.closed),
  }));
  const months = raw.monthKeys.map((key) => ({ month: key, started: count(byKey.get(key) ?? 0) }));
  const trajectories = {
    started: count(raw.period.started),
    running: count(raw.period.running),
    closed: count(raw.period.closed),
    perYear: years,
    perMonth: months,
  };

  const d = raw.decisions;
  const decided = count(d.granted + d.rejected);
  const rejected = count(d.rejected);
  const reasons = REJECTION_REASONS.map((reason) => ({
    reason,
    cases: count(raw.reasons.find((r) => r.reason === reason)?.n ?? 0),
  }));
  const decisions = {
    decided,
    granted: count(d.granted),
    rejected,
    shareGranted: share(count(d.granted), decided),
    reasons,
  };

  const c = raw.connections;
  const withDeadline = count(c.onTime + c.late);
  const timeliness = {
    referralToDecision: {
      cases: count(d.n),
      medianDays: cell(round(d.median, 1), d.n),
      p90Days: cell(round(d.p90, 1), d.n),
    },
    decisionToConnection: {
      cases: count(c.n),
      medianDays: cell(round(c.median, 1), c.n),
      p90Days: cell(round(c.p90, 1), c.n),
      onTime: count(c.onTime),
      late: count(c.late),
      noDeadline: count(c.noDeadline),
      shareOnTime: share(count(c.onTime), withDeadline),
    },
  };

  const u = raw.durations;
  const duration = {
    closed: count(u.n),
    medianDays: cell(round(u.median, 1), u.n),
    meanDays: cell(round(u.mean, 1), u.n),
    closedWithExtension: count(u.extended),
    shareExtended: share(count(u.extended), count(u.n)),
    extensionsDecided: cell(u.extensions, u.extensionCases),
  };

  const care = (['stalking', 'acute_unsafety'] as const).map((group) => {
    const row = raw.care.find((r) => r.targetGroup === group);
    const n = row?.n ?? 0;
    const norm = NORMS[group];
    return {
      targetGroup: group,
      closed: count(n),
      clientConversations: cell(round(row?.client ?? null, 1), n),
      clientConversationsNorm: `${norm.client[0]}-${norm.client[1]}`,
      shareClientWithinNorm: share(count(row?.clientWithinNorm ?? 0), count(n)),
      childConversationsPerChild: cell(
        row && row.children > 0 ? round(row.childConversations / row.children, 1) : null,
        n,
      ),
      childConversationsNorm: `${norm.perChild[0]}-${norm.perChild[1]}`,
      networkContacts: cell(round(row?.network ?? null, 1), n),
      networkContactsNorm: norm.network,
      hours: cell(round(row?.hours ?? null, 1), n),
      hoursNorm: norm.hours,
      shareHoursWithinNorm: share(count(row?.hoursWithinNorm ?? 0), count(n)),
    };
  });

  const alarmCell = (dimension: repo.AlarmRow['dimension'], key = 'all') => {
    const row = raw.alarms.find((a) => a.dimension === dimension && a.key === key);
    return cell(row?.value ?? 0, row?.n ?? 0);
  };
  const nonTest = alarmCell('total');
  const panics = alarmCell('panic');
  const falseAlarms = alarmCell('false');
  const technical = alarmCell('technical');
  const running = raw.period.running;
  const alarms = {
    total: nonTest,
    perTrajectory: cell(running > 0 ? round((nonTest.value ?? 0) / running, 2) : null, nonTest.n),
    byKind: ALARM_KINDS.map((kind) => ({ kind, alarms: alarmCell('kind', kind) })),
    byOutcome: ALARM_OUTCOMES.map((outcome) => ({ outcome, alarms: alarmCell('outcome', outcome) })),
    panics,
    falseAlarms,
    shareFalse: ratio(falseAlarms, panics),
    technical,
    shareTechnical: ratio(technical, nonTest),
  };

  const response = RESPONSE_STEPS.map((step) => {
    const row = raw.response.find((r) => r.step === step);
    const n = row?.cases ?? 0;
    return {
      step,
      alarms: cell(row?.n ?? 0, n),
      medianSeconds: cell(round(row?.median ?? null, 0), n),
      p90Seconds: cell(round(row?.p90 ?? null, 0), n),
    };
  });

  const l = raw.losses;
  const rentCents = raw.rent.reduce((sum, r) => sum + r.cents, 0);
  const rentCases = Math.max(0, ...raw.rent.map((r) => r.n));
  const replacementCents = l.replacements * l.replacementCents;
  const clientYears = l.clientDays / DAYS_PER_YEAR;
  const devices = {
    rentCents: cell(Math.round(rentCents), rentCases),
    perQuarter: raw.rent.map((r) => ({ quarter: r.key, rentCents: cell(Math.round(r.cents), r.n) })),
    replacements: count(l.replacements),
    replacementPriceCents: l.replacementCents,
    replacementCents: cell(replacementCents, l.replacements),
    totalCents: cell(Math.round(rentCents + replacementCents), Math.max(rentCases, l.replacements)),
    clientYears: cell(round(clientYears, 2), l.clients),
    costPerClientYearCents: cell(
      clientYears > 0 ? Math.round((rentCents + replacementCents) / clientYears) : null,
      l.clients,
    ),
  };

  const rating = (moment: RatingRow['moment']) => raw.ratings.find((r) => r.moment === moment);
  const all = rating(null);
  const ratings = {
    safety: MOMENTS.map((moment) => {
      const r = rating(moment);
      return {
        moment,
        cases: count(r?.safetyN ?? 0),
        mean: cell(round(r?.safety ?? null, 1), r?.safetyN ?? 0),
      };
    }),
    caseworker: {
      cases: count(all?.caseworkerN ?? 0),
      mean: cell(round(all?.caseworker ?? null, 1), all?.caseworkerN ?? 0),
    },
    collaboration: {
      cases: count(all?.collaborationN ?? 0),
      mean: cell(round(all?.collaboration ?? null, 1), all?.collaborationN ?? 0),
    },
  };

  const goalCell = (result: string) => {
    const g = raw.goals.find((x) => x.result === result);
    return cell(g?.value ?? 0, g?.n ?? 0);
  };
  const goalResults = GOAL_RESULTS.map((result) => ({ result, goals: goalCell(result) }));
  const evaluatedGoals = cell(
    goalResults.reduce((s, g) => s + (g.goals.value ?? 0), 0),
    // the largest result's cases: a lower bound of the distinct cases, so suppression errs on the safe side
    Math.max(0, ...raw.goals.map((g) => g.n)),
  );
  const goals = {
    evaluated: evaluatedGoals,
    byResult: goalResults,
    shareMet: ratio(goalResults[0]!.goals, evaluatedGoals),
  };

  return { trajectories, decisions, timeliness, duration, care, alarms, response, devices, ratings, goals };
}
type RatingRow = repo.RatingRow;
export type Figures = ReturnType<typeof buildFigures>;

/** A share of two counts of events (not of cases): it rests on as few cases as the smaller part. */
function ratio(part: Cell, whole: Cell): Cell {
  const bases = [part.n, whole.n].filter((n) => n > 0);
  return {
    value: (whole.value ?? 0) > 0 ? (part.value ?? 0) / (whole.value ?? 1) : null,
    n: bases.length > 0 ? Math.min(...bases) : 0,
  };
}

/** The groups of cells that add up to a shown total (for secondary suppression). */
export function additiveGroups(f: Figures): Group[] {
  const years = f.trajectories.perYear;
  const groups: Group[] = [
    { cells: years.map((y) => y.started), total: f.trajectories.started },
    { cells: years.map((y) => y.closed), total: f.trajectories.closed },
    { cells: [f.decisions.granted, f.decisions.rejected], total: f.decisions.decided },
    {
      cells: [
        f.timeliness.decisionToConnection.onTime,
        f.timeliness.decisionToConnection.late,
        f.timeliness.decisionToConnection.noDeadline,
      ],
      total: f.timeliness.decisionToConnection.cases,
    },
    { cells: f.care.map((c) => c.closed), total: f.duration.closed },
    { cells: f.alarms.byKind.filter((k) => k.kind !== 'test').map((k) => k.alarms), total: f.alarms.total },
    { cells: f.alarms.byOutcome.map((o) => o.alarms), total: f.alarms.total },
    { cells: f.goals.byResult.map((g) => g.goals), total: f.goals.evaluated },
    // rent + replacements = total, and the quarters add up to the rent: a hidden replacement count must not
    // come back as (total − rent) / price
    { cells: [f.devices.rentCents, f.devices.replacementCents], total: f.devices.totalCents },
    { cells: f.devices.perQuarter.map((q) => q.rentCents), total: f.devices.rentCents },
  ];
  // months add up to their year's figure
  for (const y of years) {
    const months = f.trajectories.perMonth
      .filter((m) => m.month.startsWith(`${y.year}-`))
      .map((m) => m.started);
    groups.push({ cells: months, total: y.started });
  }
  return groups;
}

/**
 * Cells that give each other away: replacements × the published price = their cost; total cost =
 * cost per client-year × client-years (both shown).
 */
function linkedCells(f: ReturnType<typeof buildFigures>): Cell[][] {
  return [
    [f.devices.replacements, f.devices.replacementCents],
    [f.devices.totalCents, f.devices.costPerClientYearCents],
  ];
}

/** Every cell of the figures (for primary suppression). */
function allCells(value: unknown, out: Cell[] = []): Cell[] {
  if (isCell(value)) out.push(value);
  else if (Array.isArray(value)) for (const v of value) allCells(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) allCells(v, out);
  return out;
}

function isCell(value: unknown): value is Cell {
  return (
    !!value && typeof value === 'object' && 'value' in value && 'n' in value && Object.keys(value).length <= 4
  );
}

export type Publish<T> = T extends Cell
  ? Published
  : T extends readonly (infer U)[]
    ? Publish<U>[]
    : T extends object
      ? { [K in keyof T]: Publish<T[K]> }
      : T;

function publishAll<T>(value: T, suppress: boolean): Publish<T> {
  if (isCell(value)) return publish(value, suppress) as Publish<T>;
  if (Array.isArray(value)) return value.map((v) => publishAll(v, suppress)) as Publish<T>;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, publishAll(v, suppress)]),
    ) as Publish<T>;
  return value as Publish<T>;
}

export interface DashboardScope {
  regionId: string;
  region: string;
  organisationId: string | null;
  organisation: string | null;
  targetGroup: TargetGroup | null;
  from: string;
  to: string;
  audience: Audience;
}

/**
 * The dashboard as an audience may see it. For the funder every small cell (and what would betray it) is
 * "< 5"; the team sees every number and may drill down to the cases they can open.
 */
export function publishDashboard(
  raw: RawFigures,
  scope: FigureScope,
  names: { region: string; organisation: string | null },
) {
  const figures = buildFigures(raw);
  const suppress = scope.audience === 'funder';
  const hidden = suppress ? protect(allCells(figures), additiveGroups(figures), linkedCells(figures)) : 0;
  return {
    scope: {
      regionId: scope.regionId,
      region: names.region,
      organisationId: scope.organisationId,
      organisation: names.organisation,
      targetGroup: scope.targetGroup,
      from: scope.from,
      to: scope.to,
      audience: scope.audience,
    } satisfies DashboardScope,
    suppression: { applied: suppress, hiddenCells: hidden, minimumCases: 5 },
    drillDown: scope.audience === 'team',
    ...publishAll(figures, suppress),
  };
}
export type Dashboard = ReturnType<typeof publishDashboard>;
