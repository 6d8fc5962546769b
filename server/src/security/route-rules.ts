import type { FastifyInstance } from 'fastify';
import { DEFAULT_PLANS } from '../alarms/plans/defaults.ts';
import { type Fixtures, pick } from './fixtures.ts';
import { CALLERS, type Caller, type DemoUser } from './harness.ts';

/**
 * THE ACCESS TABLE. One row per `METHOD /api/v1/path` the server answers, with the status every demo
 * role and an anonymous caller must get. A route the server has and this table lacks fails the suite
 * (a new route needs a rule before it ships), and so does a row for a route the server no longer has.
 *
 * Statuses: 2xx = allowed and done; 400/409 = allowed past the access check and refused on content
 * (used where a real success would harm a shared demo account); 401 = not signed in; 403 = refused
 * (the caller may know the record exists, or the route has no record); 404 = refused on a record
 * whose existence the caller must not learn.
 */

export interface RouteRequest {
  /** the value for `:id` */
  id?: string;
  body?: unknown;
  /** send without the caller's session (public routes whose use would end the shared session) */
  sessionless?: boolean;
  /** server-sent events: read the status and headers, then hang up */
  stream?: boolean;
}

export interface RouteRule {
  route: string;
  /** `config: { public: true }`: reachable without a session */
  public?: true;
  /** left out of the OpenAPI document on purpose (`schema: { hide: true }`) */
  hidden?: true;
  expect: Record<Caller, number>;
  request?: (fx: Fixtures, caller: Caller) => RouteRequest;
  /**
   * The route acts on one record (`:id`). A refused caller must get exactly the answer a record that
   * does not exist gets — unless `readableVia` (a route in this table) shows that caller the record.
   */
  record?: { readableVia?: string };
  note?: string;
}

const everyone = (status: number) =>
  Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
const only = (
  status: number,
  allowed: readonly DemoUser[],
  refused: number,
  overrides: Partial<Record<Caller, number>> = {},
): Record<Caller, number> => {
  const table = signedIn(refused);
  for (const who of allowed) table[who] = status;
  return { ...table, ...overrides };
};

const CASE_READERS = ['police', 'vt', 'caseworker', 'coordinator', 'procesregisseur', 'commissie'] as const;
/** case.list: caseworker2 lists her own team's cases; she is not on AW-2026-0006's team */
const CASE_LISTERS = [...CASE_READERS, 'caseworker2'] as const;
/** data-subject requests are answered by the executing organisation */
const EXECUTORS = ['caseworker', 'coordinator'] as const;
/** may read AW-2026-0006, but are not its executing organisation: 403, the case is no secret to them */
const CASE_READERS_NOT_EXECUTING = { police: 403, vt: 403, procesregisseur: 403, commissie: 403 } as const;
/** case.create: police, VT and the process director for their region; the shelter for its organisation */
const CASE_CREATORS = [
  'police',
  'vt',
  'caseworker',
  'caseworker2',
  'coordinator',
  'procesregisseur',
] as const;
/** case.write on AW-2026-0006 */
const CASE_WRITERS = ['police', 'vt', 'caseworker', 'coordinator'] as const;
/** may read AW-2026-0006 but not edit it */
const CASE_READERS_NOT_WRITING = { procesregisseur: 403, commissie: 403 } as const;
/** case.decide on AW-2026-0006 (the committee decides for the region) */
const CASE_DECIDERS = ['police', 'vt', 'coordinator', 'commissie'] as const;
const STALE_BODIES: Record<
  'transitions' | 'screening' | 'caseworker' | 'signalement' | 'contract' | 'privacy-statement',
  (fx: Fixtures) => object
> = {
  transitions: () => ({ to: 'evaluation', rationale: 'x', version: 9999 }),
  screening: () => ({ version: 9999, items: [{ item: 'open_to_help', holds: true }] }),
  caseworker: (fx) => ({ caseworkerId: fx.throwawayUserId, version: 9999 }),
  signalement: () => ({ recipient: 'Politie', version: 9999 }),
  contract: (fx) => ({ signedOn: '2026-01-02', documentId: fx.documentId, version: 9999 }),
  'privacy-statement': () => ({ handedOn: '2026-01-02', version: 9999 }),
};
const DEVICE_READERS = ['admin', 'operator', 'caseworker', 'caseworker2', 'coordinator'] as const;
const DEVICE_MANAGERS = ['admin', 'coordinator'] as const;
/** the demo police user holds both police and police_control */
const ALARM_READERS = ['operator', 'police'] as const;
/** grading.read: the alarm centre (its manager holds the operator role) and the team lead */
const GRADING_READERS = ['operator', 'coordinator'] as const;
/** figures.read: the team lead (coordinator) and the funder of the region */
const FIGURE_READERS = ['coordinator', 'funder'] as const;

/** case.meeting.write on AW-2026-0006: the parties taking part in its network meetings */
const MEETING_WRITERS = ['police', 'vt', 'caseworker', 'coordinator', 'procesregisseur'] as const;
/** may know AW-2026-0006 but hold no care rights on it (police never see care records) */
const CASE_READERS_WITHOUT_CARE = { police: 403, procesregisseur: 403, commissie: 403 } as const;

/** A read of a care record of AW-2026-0006 (case.care.read). */
const careRead = (route: string): RouteRule[] => [
  {
    route,
    expect: only(200, ['caseworker', 'coordinator', 'vt'], 404, CASE_READERS_WITHOUT_CARE),
    request: (fx) => ({ id: fx.caseId }),
    record: { readableVia: 'GET /api/v1/cases/:id' },
  },
];
/** A write of a care record of AW-2026-0006 (case.care.write); Veilig Thuis reads only. */
const careWrite = (route: string, status: number, body: () => object, note?: string): RouteRule[] => [
  {
    route,
    expect: only(status, ['caseworker', 'coordinator'], 404, { ...CASE_READERS_WITHOUT_CARE, vt: 403 }),
    request: (fx) => ({ id: fx.caseId, body: body() }),
    record: { readableVia: 'GET /api/v1/cases/:id' },
    ...(note ? { note } : {}),
  },
];
/** A change of AW-2026-0006 itself (case.write): its parties, not the process director or committee. */
const caseWrite = (route: string, status: number, body: () => object, note?: string): RouteRule[] => [
  {
    route,
    expect: only(status, ['police', 'vt', 'caseworker', 'coordinator'], 404, {
      procesregisseur: 403,
      commissie: 403,
    }),
    request: (fx) => ({ id: fx.caseId, body: body() }),
    record: { readableVia: 'GET /api/v1/cases/:id' },
    ...(note ? { note } : {}),
  },
];

/** A step of the executing organisation after the joint decision (case.connect) on AW-2026-0006. */
const connectStep = (route: string, status: number, body: () => object, note?: string): RouteRule[] => [
  {
    route,
    expect: only(status, EXECUTORS, 404, CASE_READERS_NOT_EXECUTING),
    request: (fx) => ({ id: fx.caseId, body: body() }),
    record: { readableVia: 'GET /api/v1/cases/:id' },
    ...(note ? { note } : {}),
  },
];

export const RULES: readonly RouteRule[] = [
  // ── public ──────────────────────────────────────────────────────────────────────────────
  { route: 'GET /api/v1/meta', public: true, expect: everyone(200) },
  {
    route: 'POST /api/v1/auth/login',
    public: true,
    expect: everyone(401),
    note: 'public; wrong credentials (a distinct unknown address per caller so no lockout interferes)',
    request: (_fx, caller) => ({
      body: { email: `nobody-${caller}@example.invalid`, password: 'wrong', totp: '000000' },
    }),
  },
  {
    route: 'POST /api/v1/auth/logout',
    public: true,
    expect: everyone(204),
    request: () => ({ sessionless: true }),
  },
  {
    route: 'POST /api/v1/ingest/events',
    public: true,
    expect: everyone(401),
    note: 'public but HMAC-signed: a session is no substitute for the vendor signature',
    request: () => ({ body: {} }),
  },
  {
    route: 'POST /api/v1/ingest/traccar/positions',
    public: true,
    expect: everyone(401),
    note: 'public but bearer-authenticated per Traccar integration: a session is no substitute for its token',
    request: () => ({ body: {} }),
  },
  {
    route: 'POST /api/v1/ingest/traccar/events',
    public: true,
    expect: everyone(401),
    note: 'public but bearer-authenticated per Traccar integration: a session is no substitute for its token',
    request: () => ({ body: {} }),
  },
  // ── own account (also in the first-sign-in stage) ───────────────────────────────────────
  { route: 'GET /api/v1/auth/me', expect: signedIn(200) },
  {
    route: 'POST /api/v1/auth/password',
    expect: signedIn(400),
    note: 'wrong current password: proves the route is reachable without changing a demo password',
    request: () => ({ body: { currentPassword: 'not-the-password', newPassword: 'Another-long-phrase-42' } }),
  },
  { route: 'POST /api/v1/auth/totp/setup', expect: signedIn(409), note: '409: already enrolled' },
  {
    route: 'POST /api/v1/auth/totp/confirm',
    expect: signedIn(400),
    request: () => ({ body: { totp: '000000' } }),
  },
  { route: 'GET /api/v1/notifications', expect: signedIn(200), note: 'always only the caller’s own' },
  // ── administration ──────────────────────────────────────────────────────────────────────
  { route: 'GET /api/v1/api-tokens', expect: only(200, ['admin'], 403) },
  {
    route: 'POST /api/v1/api-tokens',
    expect: only(201, ['admin'], 403),
    request: (fx) => ({ body: { name: fx.unique('token'), organisationId: fx.pacId, role: 'funder' } }),
  },
  {
    route: 'DELETE /api/v1/api-tokens/:id',
    expect: only(204, ['admin'], 403),
    request: (fx) => ({ id: fx.apiTokenId }),
    record: {},
  },
  {
    route: 'POST /api/v1/users/:id/reset-credentials',
    expect: only(200, ['admin'], 403),
    request: (fx) => ({ id: fx.throwawayUserId }),
    record: {},
  },
  {
    route: 'POST /api/v1/users/:id/revoke-sessions',
    expect: only(200, ['admin'], 403),
    request: (fx) => ({ id: fx.throwawayUserId }),
    record: {},
  },
  { route: 'GET /api/v1/regions', expect: signedIn(200), note: 'narrowed to the caller’s region' },
  {
    route: 'POST /api/v1/regions',
    expect: only(201, ['admin'], 403),
    request: (fx) => ({ body: { name: fx.unique('Regio'), acuteUnsafetyEnabled: false } }),
  },
  { route: 'GET /api/v1/organisations', expect: signedIn(200), note: 'narrowed to the caller’s region' },
  {
    route: 'POST /api/v1/organisations',
    expect: only(201, ['admin'], 403),
    request: (fx) => ({
      body: { regionId: fx.regionId, name: fx.unique('Organisatie'), type: 'shelter', contacts: [] },
    }),
  },
  {
    route: 'GET /api/v1/admin/mail',
    expect: only(200, ['admin'], 403),
    note: 'counts; no address, no content',
  },
  { route: 'POST /api/v1/admin/mail/retry', expect: only(200, ['admin'], 403) },
  { route: 'GET /api/v1/users', expect: only(200, ['admin', 'coordinator'], 403) },
  {
    route: 'POST /api/v1/users',
    expect: only(201, ['admin'], 403),
    request: (fx) => ({
      body: {
        email: `${fx.unique('new')}@example.invalid`,
        displayName: 'New Person',
        memberships: [{ organisationId: fx.shelterId, role: 'funder' }],
      },
    }),
  },
  { route: 'GET /api/v1/vendors', expect: only(200, DEVICE_MANAGERS, 403) },
  {
    route: 'POST /api/v1/vendors',
    expect: only(201, ['admin'], 403),
    request: (fx) => ({ body: { name: fx.unique('Vendor') } }),
  },
  // ── cases ───────────────────────────────────────────────────────────────────────────────
  { route: 'GET /api/v1/cases', expect: only(200, CASE_LISTERS, 403) },
  {
    route: 'GET /api/v1/cases/:id',
    expect: only(200, CASE_READERS, 404),
    request: (fx) => ({ id: fx.caseId }),
    record: {},
  },
  // ── case process, phases 1-2 (AW-2026-0006 is active: edits are stale (version 9999) → 409) ──
  {
    route: 'POST /api/v1/cases',
    expect: only(201, [...CASE_CREATORS], 403),
    request: (fx) => ({
      body: {
        executingOrganisationId: fx.shelterId,
        targetGroup: 'stalking',
        referrerKind: 'police',
        channel: 'phone',
        client: { name: 'Suite Cliënt' },
        perpetrator: { name: 'Suite Pleger' },
      },
    }),
  },
  { route: 'GET /api/v1/case-overview', expect: only(200, CASE_LISTERS, 403) },
  { route: 'GET /api/v1/my-work', expect: only(200, CASE_LISTERS, 403) },
  {
    route: 'GET /api/v1/cases/:id/timeline',
    expect: only(200, CASE_READERS, 404),
    request: (fx) => ({ id: fx.caseId }),
    record: {},
  },
  ...(['screening', 'caseworker'] as const).map(
    (step): RouteRule => ({
      route: `POST /api/v1/cases/:id/${step}`,
      expect: only(409, CASE_WRITERS, 404, CASE_READERS_NOT_WRITING),
      note: 'allowed callers are refused on content: the version is stale',
      request: (fx) => ({ id: fx.caseId, body: STALE_BODIES[step](fx) }),
      record: { readableVia: 'GET /api/v1/cases/:id' },
    }),
  ),
  ...(['transitions', 'signalement', 'contract', 'privacy-statement'] as const).map(
    (step): RouteRule => ({
      route: `POST /api/v1/cases/:id/${step}`,
      expect: only(409, EXECUTORS, 404, CASE_READERS_NOT_EXECUTING),
      note: 'after the joint decision only the executing organisation; it is refused on content (stale version)',
      request: (fx) => ({ id: fx.caseId, body: STALE_BODIES[step](fx) }),
      record: { readableVia: 'GET /api/v1/cases/:id' },
    }),
  ),
  {
    route: 'POST /api/v1/cases/:id/decision/agreements',
    expect: only(409, CASE_DECIDERS, 404, { procesregisseur: 403, caseworker: 403 }),
    note: 'the case is active: there is nothing left to agree on (409); the caseworker may read, not decide',
    request: (fx) => ({ id: fx.caseId, body: { outcome: 'granted' } }),
    record: { readableVia: 'GET /api/v1/cases/:id' },
  },
  {
    route: 'POST /api/v1/cases/:id/decision',
    expect: only(409, CASE_DECIDERS, 404, { procesregisseur: 403, caseworker: 403 }),
    request: (fx) => ({
      id: fx.caseId,
      body: {
        outcome: 'granted',
        rationale: 'x',
        version: 9999,
        communicatedToClient: true,
        communicatedToReferrer: true,
      },
    }),
    record: { readableVia: 'GET /api/v1/cases/:id' },
  },
  {
    route: 'GET /api/v1/cases/:id/signalement/pdf',
    expect: only(200, CASE_READERS, 404),
    request: (fx) => ({ id: fx.caseId }),
    record: {},
  },
  ...(['contributions', 'risk-assessments'] as const).map(
    (what): RouteRule => ({
      route: `POST /api/v1/cases/:id/${what}`,
      expect: only(201, CASE_WRITERS, 404, CASE_READERS_NOT_WRITING),
      request: (fx) => ({
        id: fx.caseId,
        body:
          what === 'contributions'
            ? { body: 'Informatie uit eigen systeem' }
            : { instrument: 'sash', assessedOn: '2026-01-02', assessor: 'Agent', outcomeLevel: 'hoog' },
      }),
      record: { readableVia: 'GET /api/v1/cases/:id' },
    }),
  ),
  {
    route: 'POST /api/v1/cases/:id/documents',
    expect: only(415, CASE_WRITERS, 404, { ...CASE_READERS_NOT_WRITING, police: 403 }),
    note: 'a JSON body is no PDF, JPEG or PNG (415); the police may not add a care document (403)',
    request: (fx) => ({ id: fx.caseId, body: { not: 'a file' } }),
    record: { readableVia: 'GET /api/v1/cases/:id' },
  },
  {
    route: 'GET /api/v1/cases/:id/documents',
    expect: only(200, CASE_READERS, 404),
    request: (fx) => ({ id: fx.caseId }),
    record: {},
  },
  {
    route: 'GET /api/v1/case-documents/:id',
    expect: only(200, ['vt', 'caseworker', 'coordinator'], 404),
    note: 'the signed contract is a care document: who may not read care records is not told it exists',
    request: (fx) => ({ id: fx.documentId }),
    record: {},
  },
  // ── data-subject rights (executing organisation only: the case's coordinator and caseworker) ──
  {
    route: 'GET /api/v1/cases/:id/data-subject-export',
    expect: only(200, EXECUTORS, 404, CASE_READERS_NOT_EXECUTING),
    request: (fx) => ({ id: fx.caseId }),
    record: { readableVia: 'GET /api/v1/cases/:id' },
  },
  {
    route: 'GET /api/v1/cases/:id/privacy-requests',
    expect: only(200, EXECUTORS, 404, CASE_READERS_NOT_EXECUTING),
    request: (fx) => ({ id: fx.caseId }),
    record: { readableVia: 'GET /api/v1/cases/:id' },
  },
  {
    route: 'POST /api/v1/cases/:id/privacy-requests',
    expect: only(201, EXECUTORS, 404, { police: 403, vt: 403 }),
    note: 'case.write is checked concealed: process director and committee, who may read the case, get 404',
    request: (fx) => ({ id: fx.caseId, body: { kind: 'correction', description: 'Adres klopt niet' } }),
    record: { readableVia: 'GET /api/v1/cases/:id' },
  },
  {
    route: 'POST /api/v1/privacy-requests/:id/decision',
    // the privacy request is the record: whoever may not decide it is not told it exists
    expect: only(200, EXECUTORS, 404),
    request: (fx, caller) => ({ id: pick(fx.privacyRequests, caller), body: { decision: 'Inzage gegeven' } }),
    record: {},
  },
  // ── devices ─────────────────────────────────────────────────────────────────────────────
  { route: 'GET /api/v1/devices', expect: only(200, DEVICE_READERS, 403) },
  {
    route: 'POST /api/v1/devices',
    expect: only(201, DEVICE_MANAGERS, 403),
    request: (fx) => ({
      body: {
        vendor: 'X-mark',
        model: 'AWARE-knop 4G',
        serial: fx.unique('SEC'),
        protocol: 'dc09',
        account: fx.unique('acct'),
        rentPerQuarterCents: 0,
      },
    }),
  },
  {
    route: 'GET /api/v1/devices/:id',
    expect: only(200, DEVICE_READERS, 404),
    request: (fx) => ({ id: fx.deviceId }),
    record: {},
  },
  {
    route: 'PATCH /api/v1/devices/:id',
    expect: only(200, DEVICE_MANAGERS, 404),
    request: (fx) => ({ id: fx.stockDeviceId, body: { model: 'AWARE-knop 4G' } }),
    record: { readableVia: 'GET /api/v1/devices/:id' },
  },
  {
    route: 'POST /api/v1/devices/:id/assign',
    expect: only(200, DEVICE_MANAGERS, 404),
    request: (fx, caller) => ({ id: pick(fx.assignable, caller), body: { caseId: fx.freeCaseId } }),
    record: { readableVia: 'GET /api/v1/devices/:id' },
  },
  {
    route: 'POST /api/v1/devices/:id/unassign',
    expect: only(200, DEVICE_MANAGERS, 404),
    request: (fx, caller) => ({ id: pick(fx.unassignable, caller) }),
    record: { readableVia: 'GET /api/v1/devices/:id' },
  },
  {
    route: 'GET /api/v1/devices/:id/assignments',
    expect: only(200, DEVICE_READERS, 404),
    request: (fx) => ({ id: fx.deviceId }),
    record: {},
  },
  // ── alarms ──────────────────────────────────────────────────────────────────────────────
  { route: 'GET /api/v1/alarms', expect: only(200, ALARM_READERS, 403) },
  { route: 'GET /api/v1/alarms/history', expect: only(200, ALARM_READERS, 403) },
  {
    route: 'GET /api/v1/alarms/stream',
    expect: only(200, ALARM_READERS, 403),
    request: () => ({ stream: true }),
  },
  {
    route: 'GET /api/v1/alarms/:id',
    expect: only(200, ALARM_READERS, 404),
    request: (fx) => ({ id: fx.forwardedAlarmId }),
    record: {},
  },
  {
    route: 'GET /api/v1/alarms/:id/linked',
    expect: only(200, ALARM_READERS, 404),
    note: 'the operator who claimed it, and the police control room once forwarded; audited',
    request: (fx) => ({ id: fx.forwardedAlarmId }),
    record: { readableVia: 'GET /api/v1/alarms/:id' },
  },
  {
    route: 'POST /api/v1/alarms/:id/claim',
    expect: only(200, ['operator'], 404, { police: 403 }),
    request: (fx, caller) => ({ id: pick(fx.claimable, caller) }),
    record: { readableVia: 'GET /api/v1/alarms/:id' },
  },
  {
    route: 'POST /api/v1/alarms/:id/forward',
    expect: only(200, ['operator'], 404, { police: 403 }),
    request: (fx, caller) => ({ id: pick(fx.forwardable, caller), body: { note: 'prio 1' } }),
    record: { readableVia: 'GET /api/v1/alarms/:id' },
  },
  {
    route: 'POST /api/v1/alarms/:id/on-scene',
    expect: only(200, ['police'], 404, { operator: 403 }),
    request: (fx, caller) => ({ id: pick(fx.onSceneable, caller), body: {} }),
    record: { readableVia: 'GET /api/v1/alarms/:id' },
  },
  {
    route: 'POST /api/v1/alarms/:id/dispatch',
    expect: only(200, ['police'], 404),
    note: 'the operator, who can see the alarm, gets 404 rather than 403 here (harmless, inconsistent)',
    request: (fx) => ({ id: fx.forwardedAlarmId, body: { note: 'unit 12-34' } }),
    record: { readableVia: 'GET /api/v1/alarms/:id' },
  },
  {
    route: 'POST /api/v1/alarms/:id/resolve',
    expect: only(200, ['operator', 'police'], 404),
    request: (fx, caller) => ({ id: pick(fx.resolvable, caller), body: { outcome: 'pressed_by_accident' } }),
    record: { readableVia: 'GET /api/v1/alarms/:id' },
  },
  {
    route: 'POST /api/v1/alarms/:id/evidence',
    expect: only(200, ['operator', 'police'], 403),
    note: 'alarm.evidence: the operator for her region, the police for alarms handed to them; audited. Roles without the permission are refused before any look-up (403 whether or not the alarm exists)',
    request: (fx) => ({ id: fx.forwardedAlarmId }),
    record: { readableVia: 'GET /api/v1/alarms/:id' },
  },
  // ── the console's own reports and the action plan (issue 16): the operator handling the alarm ──
  {
    route: 'POST /api/v1/alarms/:id/shown',
    expect: only(200, ['operator'], 404, { police: 403 }),
    note: 'alarm.handle: the operators of the alarm’s region; the first report is timed, later ones change nothing',
    request: (fx) => ({ id: fx.forwardedAlarmId }),
    record: { readableVia: 'GET /api/v1/alarms/:id' },
  },
  {
    route: 'POST /api/v1/alarms/:id/voice-link',
    expect: only(200, ['operator'], 404, { police: 403 }),
    note: 'only the operator who claimed the open alarm',
    request: (fx) => ({ id: fx.forwardedAlarmId, body: { event: 'listen' } }),
    record: { readableVia: 'GET /api/v1/alarms/:id' },
  },
  {
    route: 'GET /api/v1/alarms/:id/plan',
    expect: only(200, ['operator'], 404, { police: 403 }),
    note: 'the operator who claimed the open alarm; it holds the case’s agreements, so it is audited as a linked-info read',
    request: (fx) => ({ id: fx.forwardedAlarmId }),
    record: { readableVia: 'GET /api/v1/alarms/:id' },
  },
  {
    route: 'POST /api/v1/alarms/:id/plan/ticks',
    expect: only(200, ['operator'], 404, { police: 403 }),
    request: (fx) => ({
      id: fx.forwardedAlarmId,
      body: { stepKey: DEFAULT_PLANS.panic.steps[0]!.id, done: true },
    }),
    record: { readableVia: 'GET /api/v1/alarms/:id' },
  },
  // ── a region's alarm handling: action plans and response grading ─────────────────────────
  {
    route: 'GET /api/v1/regions/:id/action-plans',
    expect: only(200, ['admin', 'operator', 'coordinator'], 404),
    note: 'the alarm centre works them, the team lead and the administrator set them',
    request: (fx) => ({ id: fx.regionId }),
    record: {},
  },
  {
    route: 'PUT /api/v1/regions/:id/action-plans',
    expect: only(409, ['admin', 'coordinator'], 404, { operator: 403 }),
    note: '409: a stale version, so the demo plan stays as it is',
    request: (fx) => ({
      id: fx.regionId,
      body: {
        kind: 'panic',
        priority: 1,
        version: 9999,
        steps: [{ action: 'voice_listen', instruction: 'Luister mee' }],
      },
    }),
    record: { readableVia: 'GET /api/v1/regions/:id/action-plans' },
  },
  {
    route: 'GET /api/v1/regions/:id/grading',
    expect: only(200, GRADING_READERS, 404),
    request: (fx) => ({ id: fx.regionId }),
    record: {},
  },
  {
    route: 'GET /api/v1/regions/:id/grading/week.pdf',
    expect: only(200, GRADING_READERS, 404),
    request: (fx) => ({ id: fx.regionId }),
    record: {},
  },
  {
    route: 'GET /api/v1/regions/:id/grading/norms',
    expect: only(200, ['admin', 'coordinator'], 404),
    request: (fx) => ({ id: fx.regionId }),
    record: {},
  },
  {
    route: 'PUT /api/v1/regions/:id/grading/norms',
    expect: only(400, ['admin', 'coordinator'], 404),
    note: '400: a share within 30 s above the share within 60 s, so the demo norms stay as they are',
    request: (fx) => ({
      id: fx.regionId,
      body: { stages: [{ stage: 'claimed', within30: 0.9, within60: 0.5 }] },
    }),
    record: {},
  },
  // ── after care ──────────────────────────────────────────────────────────────────────────
  {
    route: 'GET /api/v1/tasks',
    expect: only(200, CASE_LISTERS, 403),
    note: 'only tasks assigned to the caller',
  },
  {
    route: 'POST /api/v1/tasks/:id/done',
    expect: only(200, ['caseworker'], 404),
    request: (fx) => ({ id: fx.taskId }),
    record: {},
  },
  { route: 'GET /api/v1/incidents', expect: only(200, CASE_LISTERS, 403) },
  {
    route: 'POST /api/v1/notifications/:id/read',
    expect: only(204, ['caseworker'], 404),
    request: (fx) => ({ id: fx.notificationId }),
    record: {},
  },
  // ── figures (team lead and funder of the region; the funder aggregates only) ──────────────
  { route: 'GET /api/v1/figures/dashboard', expect: only(200, FIGURE_READERS, 403) },
  { route: 'GET /api/v1/figures/dashboard.csv', expect: only(200, FIGURE_READERS, 403) },
  { route: 'GET /api/v1/figures/dashboard.pdf', expect: only(200, FIGURE_READERS, 403) },
  { route: 'GET /api/v1/figures/report.pdf', expect: only(200, FIGURE_READERS, 403) },
  {
    route: 'GET /api/v1/figures/cases',
    expect: only(200, ['coordinator'], 403),
    note: 'the cases behind a figure: the funder never gets a case id',
  },
  // ── casework, phases 3-4 (AW-2026-0006, active, of caseworker@) ─────────────────────────────
  // care records: the case's caseworker, the coordinator; Veilig Thuis reads; police, process director and
  // committee may know the case (403), everybody else is not told it exists (404)
  ...careRead('GET /api/v1/cases/:id/conversations'),
  ...careWrite('POST /api/v1/cases/:id/conversations', 201, () => ({
    heldOn: today(),
    kind: 'client',
    durationMinutes: 60,
    observation: 'Rustig gesprek',
  })),
  ...careRead('GET /api/v1/cases/:id/safety-plan'),
  ...careWrite(
    'POST /api/v1/cases/:id/safety-plan',
    409,
    () => ({
      baseVersion: 999,
      content: { alarmAgreements: ['Knop altijd bij me'] },
    }),
    '409: a stale base version, so the demo plan stays as it is',
  ),
  ...careRead('GET /api/v1/cases/:id/safety-plan/pdf'),
  ...careRead('GET /api/v1/cases/:id/forms'),
  ...careWrite(
    'POST /api/v1/cases/:id/forms',
    409,
    () => ({
      kind: 'intake',
      baseVersion: 999,
      content: { expectations: 'Rust' },
    }),
    '409: a stale base version',
  ),
  ...careRead('GET /api/v1/cases/:id/incident-log'),
  ...careWrite('POST /api/v1/cases/:id/incident-log', 201, () => ({
    occurredOn: today(),
    whatHappened: 'Stond voor de deur',
    reportedToPolice: false,
  })),
  ...careWrite(
    'POST /api/v1/cases/:id/incident-log/:entryId/corrections',
    404,
    () => ({ occurredOn: today(), whatHappened: 'Stond voor de deur', reportedToPolice: false, reason: 'x' }),
    '404: an unknown entry of a case the caller may write',
  ),
  ...careWrite(
    'POST /api/v1/cases/:id/conversations/:entryId/corrections',
    404,
    () => ({ heldOn: today(), durationMinutes: 30, observation: 'Rustig', reason: 'x' }),
    '404: an unknown entry of a case the caller may write',
  ),
  ...careRead('GET /api/v1/cases/:id/incident-log/pdf'),
  ...careRead('GET /api/v1/cases/:id/support-referrals'),
  ...careWrite('POST /api/v1/cases/:id/support-referrals', 201, () => ({
    referredOn: today(),
    kind: 'legal',
    toWhom: 'Juridisch Loket',
  })),
  ...careRead('GET /api/v1/cases/:id/evaluation'),
  ...careWrite('POST /api/v1/cases/:id/evaluations', 201, () => ({
    evaluatedOn: today(),
    moment: 'interim',
    safetyScale: '6',
    clientSafetyRating: 6,
  })),
  ...careWrite(
    'POST /api/v1/cases/:id/evaluations/:entryId/corrections',
    404,
    () => ({ evaluatedOn: today(), safetyScale: '6', reason: 'x' }),
    '404: an unknown entry of a case the caller may write',
  ),
  ...careWrite('POST /api/v1/cases/:id/goals', 201, () => ({
    description: 'Zelf boodschappen doen',
    setOn: today(),
  })),
  ...careWrite(
    'POST /api/v1/cases/:id/goals/result',
    400,
    () => ({
      goalId: '00000000-0000-4000-8000-000000000000',
      result: 'met',
      evaluatedOn: today(),
    }),
    '400: an unknown goal',
  ),
  // status changes of phase 4: the executing organisation (case.connect), not the other parties
  ...connectStep(
    'POST /api/v1/cases/:id/evaluation/start',
    409,
    () => ({ version: 999, rationale: 'Evaluatie' }),
    '409: a stale case version',
  ),
  ...connectStep(
    'POST /api/v1/cases/:id/extension',
    409,
    () => ({
      version: 1,
      newEndOn: '2099-01-01',
      rationale: 'Risico blijft',
    }),
    '409: the case is active, not in evaluation',
  ),
  ...connectStep(
    'POST /api/v1/cases/:id/closure',
    409,
    () => ({
      version: 1,
      deviceReturn: 'returned',
      reason: 'Veilig',
    }),
    '409: the case is active, not in evaluation',
  ),
  // network: the team and contacts are read by whoever reads the case; the team is changed with case.write
  {
    route: 'GET /api/v1/cases/:id/team',
    expect: only(200, CASE_READERS, 404),
    request: (fx) => ({ id: fx.caseId }),
    record: {},
  },
  {
    route: 'GET /api/v1/cases/:id/contacts',
    expect: only(200, CASE_READERS, 404),
    request: (fx) => ({ id: fx.caseId }),
    record: {},
  },
  ...caseWrite(
    'POST /api/v1/cases/:id/team',
    400,
    () => ({
      userId: '00000000-0000-4000-8000-000000000000',
      role: 'police_contact',
    }),
    '400: not a professional of a party',
  ),
  ...caseWrite(
    'POST /api/v1/cases/:id/team/remove',
    400,
    () => ({
      userId: '00000000-0000-4000-8000-000000000000',
      role: 'police_contact',
    }),
    '400: not on the team',
  ),
  // meetings and tasks: everyone taking part (police, VT, caseworker, coordinator, process director)
  {
    route: 'GET /api/v1/cases/:id/meetings',
    expect: only(200, MEETING_WRITERS, 404, { commissie: 403 }),
    request: (fx) => ({ id: fx.caseId }),
    record: { readableVia: 'GET /api/v1/cases/:id' },
  },
  {
    route: 'POST /api/v1/cases/:id/meetings',
    expect: only(201, MEETING_WRITERS, 404, { commissie: 403 }),
    request: (fx) => ({
      id: fx.caseId,
      body: {
        heldOn: today(),
        kind: 'case_meeting',
        participants: [{ kind: 'professional', name: 'Paul Procesregisseur' }],
        tasks: [{ description: 'Terugkoppeling', dueOn: '2099-01-01' }],
      },
    }),
    record: { readableVia: 'GET /api/v1/cases/:id' },
  },
  {
    route: 'POST /api/v1/cases/:id/tasks',
    expect: only(201, MEETING_WRITERS, 404, { commissie: 403 }),
    request: (fx) => ({ id: fx.caseId, body: { description: 'Bellen', dueOn: '2099-01-01' } }),
    record: { readableVia: 'GET /api/v1/cases/:id' },
  },
  {
    route: 'POST /api/v1/case-tasks/:id/done',
    expect: only(409, MEETING_WRITERS, 404),
    note: '409: already done; the task is the record, so a refusal is 404 for everyone else',
    request: (fx) => ({ id: fx.doneTaskId }),
    record: {},
  },
  {
    route: 'POST /api/v1/case-tasks/:id/skip',
    expect: only(409, MEETING_WRITERS, 404),
    note: '409: already done; the task is the record, so a refusal is 404 for everyone else',
    request: (fx) => ({ id: fx.doneTaskId, body: { reason: 'Pleger niet bereikbaar' } }),
    record: {},
  },
];

/** Routes outside /api/v1: none of them passes the authentication hook, so each must be meant to be public. */
export const ROOT_ROUTES: readonly { pattern: RegExp; why: string }[] = [
  {
    pattern: /^(GET|HEAD) \/health$/,
    why: 'readiness probe; says "ok" once started while the database answers, else why not (with ?details=true also whether the database answers and this node leads the sweeps)',
  },
  {
    pattern: /^(GET|HEAD) \/metrics$/,
    why: 'Prometheus scrape; public — see KNOWN_GAPS (alarm counters are readable by anyone who reaches the port)',
  },
  {
    pattern: /^(GET|HEAD) \/api\/docs(\/.*)?$/,
    why: 'OpenAPI UI and document (describes the API, holds no data)',
  },
  {
    pattern: /^(GET|HEAD) \/(index\.html|favicon\.svg|assets\/[\w.-]+)?$/,
    why: 'the built web app (static files)',
  },
];

const UNKNOWN_ENTRY = '00000000-0000-4000-8000-000000000000';
/** Dated care records must lie within the case's life (the demo case was referred weeks ago). */
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });

export const ruleFor = (route: string) => {
  const rule = RULES.find((r) => r.route === route);
  if (!rule) throw new Error(`no rule for ${route}`);
  return rule;
};

export const pathOf = (route: string, id: string | undefined) => {
  const path = route.split(' ')[1]!;
  if (!path.includes(':id')) return path;
  if (!id) throw new Error(`${route} needs an id`);
  // an entry within the record (a correction of a conversation, …): one that does not exist
  return path.replace(':id', id).replace(':entryId', UNKNOWN_ENTRY);
};

/**
 * Every `METHOD /path` the running Fastify instance answers. Fastify 5 has no public route list, so this
 * reads the radix tree `printRoutes({ commonPrefix: false })` draws (each line's label continues its
 * parent's path) and then confirms every result with `hasRoute`, so a misread tree cannot pass quietly.
 */
export function serverRoutes(app: FastifyInstance): string[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const labels: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    labels.length = depth;
    labels[depth] = match[2]!;
    const path = labels.join('');
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) routes.push(`${method} ${path}`);
  }
  for (const route of routes) {
    const [method, url] = route.split(' ') as [string, string];
    // wildcard routes (static files, the docs UI) cannot be looked up by their pattern
    if (url.includes('*')) continue;
    if (!app.hasRoute({ method: method as 'GET', url }))
      throw new Error(`route list misread: the server does not have ${route}`);
  }
  return [...new Set(routes)].sort();
}
