import type { RefusalCode } from '../refusals.ts';
/**
 * The case status machine (seed 000, phases 1-4). Pure: callers pass the facts, it answers whether a
 * transition is allowed and, when not, why — in words a caseworker can act on.
 */
export const CASE_STATUSES = [
  'referral',
  'screening',
  'decision',
  'rejected',
  'connecting',
  'active',
  'evaluation',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const TARGET_GROUPS = ['stalking', 'acute_unsafety'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** What the rules need to know about a case besides its status. */
export interface CaseFacts {
  status: CaseStatus;
  /** all eight screening items answered */
  screeningComplete: boolean;
  decision: 'granted' | 'rejected' | null;
  caseworkerAssigned: boolean;
  deviceAssigned: boolean;
  testAlarmDone: boolean;
  contractSigned: boolean;
  /** device returned, lost or stolen, or never issued — recorded before closing */
  deviceReturnRecorded: boolean;
  endEvaluationDone: boolean;
}

const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  referral: ['screening'],
  screening: ['decision'],
  decision: ['connecting', 'rejected'],
  rejected: [],
  connecting: ['active'],
  active: ['evaluation'],
  // extension loops back to active
  evaluation: ['active', 'closed'],
  closed: [],
};

/** A refusal names its reason in English (logs, API readers) and as a code the web says in Dutch or English. */
export type TransitionCheck =
  | { ok: true }
  | { ok: false; reason: string; code: RefusalCode; params?: Record<string, string> };

export function allowedNext(status: CaseStatus): readonly CaseStatus[] {
  return NEXT[status];
}

export function checkTransition(facts: CaseFacts, to: CaseStatus): TransitionCheck {
  const from = facts.status;
  if (!NEXT[from].includes(to)) {
    const options = NEXT[from];
    return options.length === 0
      ? {
          ok: false,
          reason: `a case in status ${from} is finished and cannot change`,
          code: 'caseFinished',
          params: { from },
        }
      : {
          ok: false,
          reason: `from ${from} a case can only go to ${options.join(' or ')}, not ${to}`,
          code: 'transitionNotAllowed',
          params: { from, to },
        };
  }
  switch (to) {
    case 'decision':
      return facts.screeningComplete
        ? { ok: true }
        : {
            ok: false,
            reason: 'every indication and contra-indication must be answered first',
            code: 'screeningIncomplete',
          };
    case 'connecting':
      return facts.decision === 'granted'
        ? { ok: true }
        : { ok: false, reason: 'only a granted case is connected', code: 'notGranted' };
    case 'rejected':
      return facts.decision === 'rejected'
        ? { ok: true }
        : {
            ok: false,
            reason: 'a case is rejected by registering a rejection decision',
            code: 'rejectByDecision',
          };
    case 'active': {
      if (from === 'evaluation') return { ok: true };
      const missing = (
        [
          [!facts.caseworkerAssigned, 'caseworker', 'a caseworker'],
          [!facts.deviceAssigned, 'device', 'a device'],
          [!facts.testAlarmDone, 'testAlarm', 'a test alarm'],
          [!facts.contractSigned, 'contract', 'the signed contract'],
        ] as const
      ).filter(([lacking]) => lacking);
      return missing.length === 0
        ? { ok: true }
        : {
            ok: false,
            reason: `connection is not complete: missing ${missing.map((m) => m[2]).join(', ')}`,
            code: 'connectionIncomplete',
            params: { missing: missing.map((m) => m[1]).join(',') },
          };
    }
    case 'closed': {
      const missing = (
        [
          [!facts.endEvaluationDone, 'endEvaluation', 'an end evaluation'],
          [!facts.deviceReturnRecorded, 'deviceReturn', 'whether the device was returned'],
        ] as const
      ).filter(([lacking]) => lacking);
      return missing.length === 0
        ? { ok: true }
        : {
            ok: false,
            reason: `before closing record ${missing.map((m) => m[2]).join(' and ')}`,
            code: 'closeIncomplete',
            params: { missing: missing.map((m) => m[1]).join(',') },
          };
    }
    default:
      return { ok: true };
  }
}

/** Statuses in which the case is still running (for lists, figures and deadlines). */
export function isOpen(status: CaseStatus): boolean {
  return status !== 'closed' && status !== 'rejected';
}
