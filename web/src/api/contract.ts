// The API's shapes, derived from the types generated from the server's OpenAPI document (schema.d.ts,
// `npm run api:generate`). Nothing here is written by hand: a server change shows up in tsc.
import type { paths } from './schema';
import * as generated from './values.ts';

type Method = 'get' | 'post' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON a route answers on success (200 or 201). */
export type Reply<P extends keyof paths, M extends Method> = paths[P][M] extends {
  responses: infer Rs;
}
  ? Rs extends { 200: infer R }
    ? JsonOf<R>
    : Rs extends { 201: infer R }
      ? JsonOf<R>
      : never
  : never;

/** The JSON body a route accepts. */
export type Body<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

type Item<T> = T extends readonly (infer U)[] ? U : never;

/**
 * A list of every value of a union, in the order the screen shows them; tsc refuses a list that misses
 * one, so a value the server adds cannot be forgotten here.
 */
export const everyOf =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : 'misses a value')): L =>
    list;

export type Me = Reply<'/api/v1/auth/me', 'get'>['user'];
export type RoleAssignment = Me['roles'][number];
export type Role = RoleAssignment['role'];
export type OrganisationType = RoleAssignment['organisationType'];
export const ALL_ROLES = everyOf<Role>()([
  'operator',
  'police_control',
  'police',
  'coordinator',
  'caseworker',
  'vt',
  'process_director',
  'committee',
  'funder',
  'admin',
]);

export type Meta = Reply<'/api/v1/meta', 'get'>;
export type Organisation = Item<Reply<'/api/v1/organisations', 'get'>>;
export type Contact = Organisation['contacts'][number];
export type Region = Item<Reply<'/api/v1/regions', 'get'>>;
export type UserSummary = Item<Reply<'/api/v1/users', 'get'>>;
export type CaseSummary = Item<Reply<'/api/v1/cases', 'get'>>;

export type Device = Reply<'/api/v1/devices/{id}', 'get'>;
export type DeviceInput = Body<'/api/v1/devices', 'post'>;
export type DevicePatch = Body<'/api/v1/devices/{id}', 'patch'>;
export type DeviceAssignment = Item<Reply<'/api/v1/devices/{id}/assignments', 'get'>>;
export type DeviceProtocol = Device['protocol'];
export type DeviceState = Device['state'];
/** In the server's order, from its enum (values.ts is generated). */
export const DEVICE_PROTOCOLS: readonly DeviceProtocol[] = generated.DEVICE_PROTOCOLS;
/** In the server's order, from its enum (values.ts is generated). */
export const DEVICE_STATES: readonly DeviceState[] = generated.DEVICE_STATES;

export type Alarm = Item<Reply<'/api/v1/alarms', 'get'>>;
export type AlarmKind = Alarm['kind'];
export type AlarmState = Alarm['state'];
export type Outcome = NonNullable<Alarm['outcome']>;
export type Position = NonNullable<Alarm['position']>;
/** In the server's order, from its enum (values.ts is generated). */
export const ALARM_STATES: readonly AlarmState[] = generated.ALARM_STATES;
export type AlarmDetail = Reply<'/api/v1/alarms/{id}', 'get'>;
export type AlarmTimelineEntry = AlarmDetail['timeline'][number];
export type AlarmPlan = Reply<'/api/v1/alarms/{id}/plan', 'get'>;
export type AlarmPlanStep = AlarmPlan['steps'][number];
export type AlarmHistoryPage = Reply<'/api/v1/alarms/history', 'get'>;
export type AlarmHistoryItem = AlarmHistoryPage['items'][number];
export type AlarmLinked = Reply<'/api/v1/alarms/{id}/linked', 'get'>;

export type AftercareTask = Item<Reply<'/api/v1/tasks', 'get'>>;
export type TaskKind = AftercareTask['kind'];
/** The after-care steps after a genuine alarm, in the server's order (values.ts is generated). */
export const TASK_KINDS = generated.TASK_KINDS;
export type Incident = Item<Reply<'/api/v1/incidents', 'get'>>;
export type AppNotification = Item<Reply<'/api/v1/notifications', 'get'>>;

export type CaseDetail = Reply<'/api/v1/cases/{id}', 'get'>;
export type TimelineEntry = Reply<'/api/v1/cases/{id}/timeline', 'get'>['entries'][number];
export type CaseDocument = Item<Reply<'/api/v1/cases/{id}/documents', 'get'>>;
export type ScreeningItem = CaseDetail['screening'][number]['item'];
/** In the server's order, from its enum (values.ts is generated). */
export const SCREENING_ITEMS: readonly ScreeningItem[] = generated.SCREENING_ITEMS;
/** Items that speak against granting (the server's decision rule; values.ts is generated). */
export const CONTRA_INDICATIONS: readonly ScreeningItem[] = generated.CONTRA_INDICATIONS;

export type Dashboard = Reply<'/api/v1/figures/dashboard', 'get'>;
/** A published figure: a number, "< 5" or "hidden" (funder), null when there is nothing to compute. */
export type Figure = Dashboard['trajectories']['started'];
export type TargetGroup = Dashboard['care'][number]['targetGroup'];
/** In the server's order, from its enum (values.ts is generated). */
export const TARGET_GROUPS: readonly TargetGroup[] = generated.TARGET_GROUPS;
export type DrillDown = Reply<'/api/v1/figures/cases', 'get'>;
export type DrillFigure = DrillDown['figure'];
/** In the server's order, from its enum (values.ts is generated). */
export const DRILL_FIGURES: readonly DrillFigure[] = generated.DRILL_FIGURES;
