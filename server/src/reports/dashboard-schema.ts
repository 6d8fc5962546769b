// The response schema of GET /api/v1/figures/dashboard: every indicator as publishDashboard builds it
// (indicators.ts), exactly, so the web's types are generated from it.
import { Type } from '@sinclair/typebox';
import { Day, Literals, Nullable, Uuid } from '../http/schema.ts';
import { TARGET_GROUPS } from './filters.ts';
import {
  ALARM_KINDS,
  ALARM_OUTCOMES,
  GOAL_RESULTS,
  MOMENTS,
  REJECTION_REASONS,
  RESPONSE_STEPS,
} from './indicators.ts';
import { HIDDEN, SUPPRESSED } from './suppression.ts';

/** A published figure: a number, "< 5" or "hidden" for the funder, null when there is nothing to compute. */
const Figure = Nullable(
  Type.Union([Type.Number(), Type.Literal(SUPPRESSED), Type.Literal(HIDDEN)], {
    description: `"${SUPPRESSED}": rests on 1–4 cases; "${HIDDEN}": hidden so a small cell cannot be recovered`,
  }),
);

const Spread = Type.Object({ cases: Figure, medianDays: Figure, p90Days: Figure });
const Mean = Type.Object({ cases: Figure, mean: Figure });

export const Dashboard = Type.Object({
  scope: Type.Object({
    regionId: Uuid,
    region: Type.String(),
    organisationId: Nullable(Uuid),
    organisation: Nullable(Type.String()),
    targetGroup: Nullable(Literals(TARGET_GROUPS)),
    from: Day,
    to: Day,
    audience: Literals(['team', 'funder'] as const),
  }),
  suppression: Type.Object({
    applied: Type.Boolean(),
    hiddenCells: Type.Integer(),
    minimumCases: Type.Integer(),
  }),
  drillDown: Type.Boolean({ description: 'the caller may open the cases behind a figure' }),
  trajectories: Type.Object({
    started: Figure,
    running: Figure,
    closed: Figure,
    perYear: Type.Array(
      Type.Object({ year: Type.String(), started: Figure, running: Figure, closed: Figure }),
    ),
    perMonth: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM' }), started: Figure })),
  }),
  decisions: Type.Object({
    decided: Figure,
    granted: Figure,
    rejected: Figure,
    shareGranted: Figure,
    reasons: Type.Array(Type.Object({ reason: Literals(REJECTION_REASONS), cases: Figure })),
  }),
  timeliness: Type.Object({
    referralToDecision: Spread,
    decisionToConnection: Type.Object({
      ...Spread.properties,
      onTime: Figure,
      late: Figure,
      noDeadline: Figure,
      shareOnTime: Figure,
    }),
  }),
  duration: Type.Object({
    closed: Figure,
    medianDays: Figure,
    meanDays: Figure,
    closedWithExtension: Figure,
    shareExtended: Figure,
    extensionsDecided: Figure,
  }),
  care: Type.Array(
    Type.Object({
      targetGroup: Literals(TARGET_GROUPS),
      closed: Figure,
      clientConversations: Figure,
      clientConversationsNorm: Type.String({ description: 'a range, e.g. "16-20"' }),
      shareClientWithinNorm: Figure,
      childConversationsPerChild: Figure,
      childConversationsNorm: Type.String({ description: 'a range, e.g. "2-3"' }),
      networkContacts: Figure,
      networkContactsNorm: Type.Number(),
      hours: Figure,
      hoursNorm: Type.Number(),
      shareHoursWithinNorm: Figure,
    }),
  ),
  alarms: Type.Object({
    total: Figure,
    perTrajectory: Figure,
    byKind: Type.Array(Type.Object({ kind: Literals(ALARM_KINDS), alarms: Figure })),
    byOutcome: Type.Array(Type.Object({ outcome: Literals(ALARM_OUTCOMES), alarms: Figure })),
    panics: Figure,
    falseAlarms: Figure,
    shareFalse: Figure,
    technical: Figure,
    shareTechnical: Figure,
  }),
  response: Type.Array(
    Type.Object({
      step: Literals(RESPONSE_STEPS),
      alarms: Figure,
      medianSeconds: Figure,
      p90Seconds: Figure,
    }),
  ),
  devices: Type.Object({
    rentCents: Figure,
    perQuarter: Type.Array(Type.Object({ quarter: Type.String(), rentCents: Figure })),
    replacements: Figure,
    replacementPriceCents: Type.Integer(),
    replacementCents: Figure,
    totalCents: Figure,
    clientYears: Figure,
    costPerClientYearCents: Figure,
  }),
  ratings: Type.Object({
    safety: Type.Array(Type.Object({ moment: Literals(MOMENTS), cases: Figure, mean: Figure })),
    caseworker: Mean,
    collaboration: Mean,
  }),
  goals: Type.Object({
    evaluated: Figure,
    byResult: Type.Array(Type.Object({ result: Literals(GOAL_RESULTS), goals: Figure })),
    shareMet: Figure,
  }),
});
