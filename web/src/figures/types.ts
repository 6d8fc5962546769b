/** A published figure: a number, "< 5" when suppressed for the funder, or null when there is nothing to compute. */
export type Figure = number | '< 5' | 'hidden' | null;

export type TargetGroup = 'stalking' | 'acute_unsafety';
export type Outcome =
  | 'arrest_in_act'
  | 'perpetrator_gone'
  | 'no_threat'
  | 'pressed_by_accident'
  | 'technical_fault'
  | 'cleared_by_device'
  | 'other'
  | 'open';
export type AlarmKind = 'panic' | 'test' | 'low_battery' | 'tamper' | 'fault' | 'supervision';
export type Step = 'claimed' | 'forwarded' | 'on_scene' | 'total';
export type Moment = 'start' | 'interim' | 'end';
export type GoalResult = 'met' | 'partly_met' | 'not_met';
export type Reason =
  | 'unsafety_or_stalking'
  | 'threat_of_violence'
  | 'contact_broken'
  | 'willing_to_report'
  | 'open_to_help'
  | 'several_perpetrators'
  | 'few_safety_risks'
  | 'too_high_risks'
  | 'none';
/** GET /api/v1/figures/dashboard (server/src/reports/indicators.ts publishDashboard). */
export interface Dashboard {
  scope: {
    regionId: string;
    region: string;
    organisationId: string | null;
    organisation: string | null;
    targetGroup: TargetGroup | null;
    from: string;
    to: string;
    audience: 'team' | 'funder';
  };
  suppression: { applied: boolean; hiddenCells: number; minimumCases: number };
  drillDown: boolean;
  trajectories: {
    started: Figure;
    running: Figure;
    closed: Figure;
    perYear: { year: string; started: Figure; running: Figure; closed: Figure }[];
    perMonth: { month: string; started: Figure }[];
  };
  decisions: {
    decided: Figure;
    granted: Figure;
    rejected: Figure;
    shareGranted: Figure;
    reasons: { reason: Reason; cases: Figure }[];
  };
  timeliness: {
    referralToDecision: { cases: Figure; medianDays: Figure; p90Days: Figure };
    decisionToConnection: {
      cases: Figure;
      medianDays: Figure;
      p90Days: Figure;
      onTime: Figure;
      late: Figure;
      noDeadline: Figure;
      shareOnTime: Figure;
    };
  };
  duration: {
    closed: Figure;
    medianDays: Figure;
    meanDays: Figure;
    closedWithExtension: Figure;
    shareExtended: Figure;
    extensionsDecided: Figure;
  };
  care: {
    targetGroup: TargetGroup;
    closed: Figure;
    clientConversations: Figure;
    clientConversationsNorm: string;
    shareClientWithinNorm: Figure;
    childConversationsPerChild: Figure;
    childConversationsNorm: string;
    networkContacts: Figure;
    networkContactsNorm: number;
    hours: Figure;
    hoursNorm: number;
    shareHoursWithinNorm: Figure;
  }[];
  alarms: {
    total: Figure;
    perTrajectory: Figure;
    byKind: { kind: AlarmKind; alarms: Figure }[];
    byOutcome: { outcome: Outcome; alarms: Figure }[];
    panics: Figure;
    falseAlarms: Figure;
    shareFalse: Figure;
    technical: Figure;
    shareTechnical: Figure;
  };
  response: { step: Step; alarms: Figure; medianSeconds: Figure; p90Seconds: Figure }[];
  devices: {
    rentCents: Figure;
    perQuarter: { quarter: string; rentCents: Figure }[];
    replacements: Figure;
    replacementPriceCents: number;
    replacementCents: Figure;
    totalCents: Figure;
    clientYears: Figure;
    costPerClientYearCents: Figure;
  };
  ratings: {
    safety: { moment: Moment; cases: Figure; mean: Figure }[];
    caseworker: { cases: Figure; mean: Figure };
    collaboration: { cases: Figure; mean: Figure };
  };
  goals: { evaluated: Figure; byResult: { result: GoalResult; goals: Figure }[]; shareMet: Figure };
}
