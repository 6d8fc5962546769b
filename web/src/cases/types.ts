import type { CaseCore, CasePermissions } from './sections.ts';

/** GET /api/v1/cases/:id — the case page's data (the server leaves out what the caller may not see). */
export interface CaseDetail extends CaseCore {
  may: CasePermissions & { assign: boolean };
  allowedNext: string[];
  regionName: string;
  organisationName: string;
  referral: {
    referredAt: string;
    referrerKind: string | null;
    referrerOrganisationName: string | null;
    channel: string | null;
    summary: string | null;
  };
  caseworker: { id: string; name: string } | null;
  caseDirector: { id: string; name: string } | null;
  team: { userId: string; name: string; role: string }[];
  parties: { organisationId: string; name: string; type: string; role: string }[];
  client: { name: string; language: string; phone: string | null; address: string | null } | null;
  children: { id: string; firstName: string; birthYear: number | null }[];
  perpetrator: {
    name: string;
    description: string | null;
    vehicle: string | null;
    registration: string | null;
    weapons: string | null;
    riskFlags: string[];
  } | null;
  bans: { id: string; kind: string; description: string }[];
  screening: {
    item: string;
    holds: boolean;
    note: string | null;
    assessedAt: string;
    assessedBy: string | null;
  }[];
  decision: {
    outcome: 'granted' | 'rejected' | null;
    rationale: string | null;
    decidedAt: string | null;
    communicatedClientAt: string | null;
    communicatedReferrerAt: string | null;
    rejectionAdvice: string | null;
    rejectionReferral: string | null;
    requiredParties: string[];
    agreements: {
      organisationId: string;
      organisationName: string;
      organisationType: string;
      outcome: 'granted' | 'rejected' | null;
      note: string | null;
      userName: string | null;
      agreedAt: string;
    }[];
  };
  connection: {
    deadline: string | null;
    warnedAt: string | null;
    escalatedAt: string | null;
    signalementSentAt: string | null;
    signalementRecipient: string | null;
    device: { id: string; serial: string; model: string; testMode: boolean; assignedAt: string } | null;
    testAlarmAt: string | null;
    contractSignedOn: string | null;
    privacyStatementHandedOn: string | null;
    activeSince: string | null;
  };
  riskAssessments: {
    id: string;
    instrument: string;
    assessedOn: string;
    assessor: string;
    organisationName: string | null;
    outcomeLevel: string;
    notes: string | null;
  }[];
  contributions: {
    id: string;
    organisationName: string | null;
    authorName: string | null;
    body: string;
    createdAt: string;
  }[];
  tasks: {
    id: string;
    kind: string;
    description: string | null;
    dueAt: string;
    doneAt: string | null;
    skippedReason: string | null;
    assigneeOrganisationName: string | null;
    assigneeName: string | null;
  }[];
  transitions: { from: string; to: string; at: string; actorLabel: string; rationale: string }[];
  assignableCaseworkers: { id: string; name: string }[];
}

export interface TimelineEntry {
  id: string;
  at: string;
  kind: string;
  summary: string;
  summaryCode?: string | null;
  summaryParams?: Record<string, unknown> | null;
  actorName: string | null;
  actorKind: 'person' | 'demo' | 'system';
}

export interface CaseDocument {
  id: string;
  kind: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export const SCREENING_ITEMS = [
  'unsafety_or_stalking',
  'threat_of_violence',
  'contact_broken',
  'willing_to_report',
  'open_to_help',
  'several_perpetrators',
  'few_safety_risks',
  'too_high_risks',
] as const;
export const CONTRA_INDICATIONS: readonly string[] = [
  'several_perpetrators',
  'few_safety_risks',
  'too_high_risks',
];
