import { type TSchema, Type } from '@sinclair/typebox';
import { SCREENING_ITEMS } from './decision-rules.ts';
import { DEFAULT_PAGE, MAX_PAGE } from './list-cursor.ts';
import { CASE_STATUSES } from './status.ts';

/** at least one non-space character */
const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: '\\S', ...(description ? { description } : {}) });
const OptionalText = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const Day = (description: string) => Type.String({ format: 'date', description });
const Version = Type.Integer({
  minimum: 1,
  description: 'the case version the form was loaded at (409 when stale)',
});
const Literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const CaseParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const CaseListQuery = Type.Object(
  {
    status: Type.Optional(Literals(CASE_STATUSES)),
    open: Type.Optional(
      Type.Boolean({ description: 'only cases still being worked on (not rejected, not closed)' }),
    ),
    q: Type.Optional(
      Type.String({ maxLength: 40, description: 'the start of the reference, any case, e.g. aw-2026-00' }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE, description: 'cases per page' }),
    ),
    cursor: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 600,
        description: 'X-Next-Cursor of the previous page, with the same status and q',
      }),
    ),
  },
  { additionalProperties: false },
);

const Nullable = (t: TSchema) => Type.Union([Type.Null(), t]);

/** One page of the case list; the next page's cursor travels in the Link and X-Next-Cursor headers. */
export const CaseListReply = Type.Array(
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    reference: Type.String(),
    status: Type.String(),
    targetGroup: Type.String(),
    regionId: Type.String({ format: 'uuid' }),
    regionName: Type.String(),
    organisationId: Type.String({ format: 'uuid' }),
    caseworkerName: Nullable(Type.String()),
    connectionDeadline: Nullable(Type.String({ format: 'date' })),
  }),
  {
    description: 'the page, newest first',
    headers: {
      link: { type: 'string', description: '<…?cursor=…>; rel="next" when more cases follow' },
      'x-next-cursor': { type: 'string', description: 'the cursor of the next page, absent on the last' },
    },
  },
);

export const TimelineQuery = Type.Object(
  {
    before: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const NewReferralBody = Type.Object(
  {
    targetGroup: Literals(['stalking', 'acute_unsafety'] as const),
    referrerKind: Literals(['police', 'veilig_thuis', 'executing_organisation', 'zvhh'] as const),
    referrerOrganisationId: Type.Optional(Type.String({ format: 'uuid' })),
    executingOrganisationId: Type.Optional(Type.String({ format: 'uuid' })),
    channel: Literals(['phone', 'email', 'in_person', 'network_meeting', 'letter', 'other'] as const),
    summary: OptionalText(4000),
    client: Type.Object(
      {
        name: Text(200),
        language: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })),
        phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[+0-9 ()-]*$' })),
        address: OptionalText(300),
      },
      { additionalProperties: false },
    ),
    children: Type.Optional(
      Type.Array(
        Type.Object(
          { firstName: Text(100), birthYear: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })) },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    ),
    perpetrator: Type.Object(
      {
        name: Text(200),
        description: OptionalText(2000),
        vehicle: OptionalText(200),
        registration: OptionalText(20),
        weapons: OptionalText(500),
        riskFlags: Type.Optional(Type.Array(Text(200), { maxItems: 20 })),
      },
      { additionalProperties: false },
    ),
    bans: Type.Optional(
      Type.Array(
        Type.Object(
          { kind: Literals(['contact', 'area'] as const), description: Text(500) },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const TransitionBody = Type.Object(
  { to: Literals(CASE_STATUSES), rationale: Text(4000), version: Version },
  { additionalProperties: false },
);

export const ScreeningBody = Type.Object(
  {
    version: Version,
    items: Type.Array(
      Type.Object(
        { item: Literals(SCREENING_ITEMS), holds: Type.Boolean(), note: OptionalText(2000) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: SCREENING_ITEMS.length },
    ),
  },
  { additionalProperties: false },
);

export const AgreementBody = Type.Object(
  { outcome: Literals(['granted', 'rejected'] as const), note: OptionalText(2000) },
  { additionalProperties: false },
);

export const DecisionBody = Type.Object(
  {
    outcome: Literals(['granted', 'rejected'] as const),
    rationale: Text(4000),
    version: Version,
    communicatedToClient: Type.Boolean(),
    communicatedToReferrer: Type.Boolean(),
    rejectionAdvice: OptionalText(4000),
    rejectionReferral: OptionalText(1000),
    stopTalkSkippedReason: OptionalText(2000),
  },
  { additionalProperties: false },
);

export const CaseworkerBody = Type.Object(
  {
    caseworkerId: Type.String({ format: 'uuid' }),
    caseDirectorId: Type.Optional(Type.String({ format: 'uuid' })),
    version: Version,
  },
  { additionalProperties: false },
);

export const SignalementBody = Type.Object(
  { recipient: Text(200, 'who at the police received it'), version: Version },
  { additionalProperties: false },
);

export const ContractBody = Type.Object(
  {
    signedOn: Day('the day the client signed'),
    documentId: Type.String({ format: 'uuid' }),
    version: Version,
  },
  { additionalProperties: false },
);

export const PrivacyStatementBody = Type.Object(
  { handedOn: Day('the day the client received the privacy statement'), version: Version },
  { additionalProperties: false },
);

export const ContributionBody = Type.Object({ body: Text(4000) }, { additionalProperties: false });

export const RiskAssessmentBody = Type.Object(
  {
    instrument: Literals(['sash', 'vt_triage', 'vt_safety_assessment', 'gri', 'other'] as const),
    assessedOn: Day('when the instrument was applied'),
    assessor: Text(200),
    outcomeLevel: Text(100, 'the outcome as the instrument states it, e.g. "hoog"'),
    documentId: Type.Optional(Type.String({ format: 'uuid' })),
    notes: OptionalText(2000),
  },
  { additionalProperties: false },
);
