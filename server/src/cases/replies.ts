// What the case routes answer (their request schemas are in schemas.ts).
import { Type } from '@sinclair/typebox';
import { ORGANISATION_TYPES } from '../access/index.ts';
import { Day, FreeObject, Literals, Nullable, Timestamp, Uuid } from '../http/schema.ts';
import { SCREENING_ITEMS } from './decision-rules.ts';
import { CASE_STATUSES, TARGET_GROUPS } from './status.ts';

const Status = Literals(CASE_STATUSES);
const Person = Type.Object({ id: Uuid, name: Type.String() });
const Outcome = Nullable(Literals(['granted', 'rejected'] as const));

export const Version = Type.Object({ version: Type.Integer({ description: 'the case version now' }) });
export const Created = Type.Object({ id: Uuid });
export const Moved = Type.Object({ status: Status, version: Type.Integer() });

export const ReferralCreated = Type.Object({ id: Uuid, reference: Type.String() });
export const Agreed = Type.Object({
  organisationId: Uuid,
  outcome: Literals(['granted', 'rejected'] as const),
});
export const Decided = Type.Object({
  status: Status,
  version: Type.Integer(),
  connectionDeadline: Nullable(Day),
});

/** GET /cases/:id: the case page's data; what the caller may not see is left out or null. */
export const CaseDetail = Type.Object({
  id: Uuid,
  reference: Type.String(),
  status: Status,
  targetGroup: Literals(TARGET_GROUPS),
  version: Type.Integer(),
  may: Type.Object({
    write: Type.Boolean(),
    decide: Type.Boolean(),
    careRead: Type.Boolean(),
    careWrite: Type.Boolean(),
    meetingWrite: Type.Boolean(),
    connect: Type.Boolean(),
    assign: Type.Boolean(),
  }),
  allowedNext: Type.Array(Status),
  regionId: Uuid,
  regionName: Type.String(),
  organisationId: Uuid,
  organisationName: Type.String(),
  createdAt: Timestamp,
  referral: Type.Object({
    referredAt: Nullable(Timestamp),
    referrerKind: Nullable(Type.String()),
    referrerOrganisationName: Nullable(Type.String()),
    channel: Nullable(Type.String()),
    summary: Nullable(Type.String()),
  }),
  caseworker: Nullable(Person),
  caseDirector: Nullable(Person),
  team: Type.Array(Type.Object({ userId: Uuid, name: Type.String(), role: Type.String() })),
  parties: Type.Array(
    Type.Object({
      organisationId: Uuid,
      name: Type.String(),
      type: Literals(ORGANISATION_TYPES),
      role: Type.String(),
    }),
  ),
  client: Nullable(
    Type.Object({
      name: Type.String(),
      language: Type.String(),
      phone: Nullable(Type.String()),
      address: Nullable(Type.String()),
    }),
  ),
  children: Type.Array(
    Type.Object({ id: Uuid, firstName: Type.String(), birthYear: Nullable(Type.Integer()) }),
  ),
  perpetrator: Nullable(
    Type.Object({
      name: Type.String(),
      description: Nullable(Type.String()),
      vehicle: Nullable(Type.String()),
      registration: Nullable(Type.String()),
      weapons: Nullable(Type.String()),
      riskFlags: Type.Array(Type.String()),
    }),
  ),
  bans: Type.Array(Type.Object({ id: Uuid, kind: Type.String(), description: Type.String() })),
  screening: Type.Array(
    Type.Object({
      item: Literals(SCREENING_ITEMS),
      holds: Type.Boolean(),
      note: Nullable(Type.String()),
      assessedAt: Timestamp,
      assessedBy: Nullable(Type.String()),
    }),
  ),
  decision: Type.Object({
    outcome: Outcome,
    rationale: Nullable(Type.String()),
    decidedAt: Nullable(Timestamp),
    communicatedClientAt: Nullable(Timestamp),
    communicatedReferrerAt: Nullable(Timestamp),
    rejectionAdvice: Nullable(Type.String()),
    rejectionReferral: Nullable(Type.String()),
    requiredParties: Type.Array(Literals(ORGANISATION_TYPES)),
    agreements: Type.Array(
      Type.Object({
        organisationId: Uuid,
        organisationName: Type.String(),
        organisationType: Literals(ORGANISATION_TYPES),
        outcome: Outcome,
        note: Nullable(Type.String()),
        userName: Nullable(Type.String()),
        agreedAt: Timestamp,
      }),
    ),
  }),
  connection: Type.Object({
    deadline: Nullable(Day),
    warnedAt: Nullable(Timestamp),
    escalatedAt: Nullable(Timestamp),
    signalementSentAt: Nullable(Timestamp),
    signalementRecipient: Nullable(Type.String()),
    device: Nullable(
      Type.Object({
        id: Uuid,
        serial: Type.String(),
        model: Type.String(),
        testMode: Type.Boolean(),
        assignedAt: Timestamp,
      }),
    ),
    testAlarmAt: Nullable(Timestamp),
    contractSignedOn: Nullable(Day),
    privacyStatementHandedOn: Nullable(Day),
    activeSince: Nullable(Timestamp),
  }),
  riskAssessments: Type.Array(
    Type.Object({
      id: Uuid,
      instrument: Type.String(),
      assessedOn: Day,
      assessor: Type.String(),
      organisationName: Nullable(Type.String()),
      outcomeLevel: Type.String(),
      documentId: Nullable(Uuid),
      notes: Nullable(Type.String()),
    }),
  ),
  contributions: Type.Array(
    Type.Object({
      id: Uuid,
      organisationName: Nullable(Type.String()),
      authorName: Nullable(Type.String()),
      body: Type.String(),
      createdAt: Timestamp,
    }),
  ),
  tasks: Type.Array(
    Type.Object({
      id: Uuid,
      kind: Type.String(),
      description: Nullable(Type.String()),
      dueAt: Timestamp,
      doneAt: Nullable(Timestamp),
      skippedReason: Nullable(Type.String()),
      assigneeOrganisationName: Nullable(Type.String()),
      assigneeName: Nullable(Type.String()),
    }),
  ),
  transitions: Type.Array(
    Type.Object({
      from: Status,
      to: Status,
      at: Timestamp,
      actorLabel: Type.String(),
      rationale: Type.String(),
    }),
  ),
  assignableCaseworkers: Type.Array(Person),
});

const Message = {
  summary: Type.String({ description: 'Dutch; summaryCode names the text in the reader’s language' }),
  summaryCode: Nullable(Type.String()),
  summaryParams: Nullable(FreeObject),
};

export const CaseTimeline = Type.Object({
  entries: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Timestamp,
      kind: Type.String(),
      ...Message,
      actorName: Nullable(Type.String()),
      actorKind: Literals(['person', 'demo', 'system'] as const),
      refType: Nullable(Type.String()),
      refId: Nullable(Type.String()),
    }),
  ),
  nextCursor: Nullable(Type.String({ description: 'pass as `before` for the next page' })),
});

export const CaseOverview = Type.Object({
  deadlines: Type.Array(
    Type.Object({
      id: Uuid,
      reference: Type.String(),
      status: Status,
      targetGroup: Literals(TARGET_GROUPS),
      caseworkerName: Nullable(Type.String()),
      connectionDeadline: Nullable(Day),
    }),
  ),
  tasks: Type.Array(
    Type.Object({
      id: Uuid,
      kind: Type.String(),
      description: Nullable(Type.String()),
      dueAt: Timestamp,
      caseId: Uuid,
      reference: Type.String(),
    }),
  ),
  alarms: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Timestamp,
      kind: Type.String(),
      ...Message,
      caseId: Uuid,
      reference: Type.String(),
    }),
  ),
});
