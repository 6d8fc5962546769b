// Shapes of the Aware HTTP API (/api/v1). Kept in one place so a contract change shows up in tsc.

export type Role =
  | 'admin'
  | 'operator'
  | 'police'
  | 'police_control'
  | 'vt'
  | 'caseworker'
  | 'coordinator'
  | 'process_director'
  | 'committee'
  | 'funder';

export const ALL_ROLES: readonly Role[] = [
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
];

export type OrganisationType =
  | 'shelter'
  | 'veilig_thuis'
  | 'police'
  | 'alarm_centre'
  | 'zvhh'
  | 'municipality'
  | 'youth_care'
  | 'probation'
  | 'prosecutor';

export interface RoleAssignment {
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  organisationType: OrganisationType | null;
  regionId: string | null;
  regionName: string | null;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  locale: 'nl' | 'en';
  roles: RoleAssignment[];
  mustChangePassword: boolean;
  mustEnrolTotp: boolean;
}

export interface Meta {
  demo: boolean;
  version: string;
  /** Leaflet tile URL template; null = draw maps on a plain background. */
  mapTileUrl?: string | null;
}

export interface Contact {
  name: string;
  role: string;
  phone: string | null;
  email: string | null;
}

export interface Organisation {
  id: string;
  name: string;
  type: OrganisationType;
  regionId: string | null;
  regionName: string | null;
  contacts: Contact[];
}

export interface Region {
  id: string;
  name: string;
  acuteUnsafetyEnabled: boolean;
}

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  disabled: boolean;
  roles: RoleAssignment[];
  lastLoginAt: string | null;
}

export interface CaseSummary {
  id: string;
  reference: string;
  status: string;
  targetGroup: string;
  regionName: string | null;
  caseworkerName: string | null;
  connectionDeadline: string | null;
}

export type DeviceProtocol = 'dc09' | 'osmand' | 'webhook';
export const DEVICE_PROTOCOLS: readonly DeviceProtocol[] = ['dc09', 'osmand', 'webhook'];

export type DeviceState = 'in_stock' | 'issued' | 'in_repair' | 'lost' | 'stolen' | 'returned' | 'retired';
export const DEVICE_STATES: readonly DeviceState[] = [
  'in_stock',
  'issued',
  'in_repair',
  'lost',
  'stolen',
  'returned',
  'retired',
];

export interface Position {
  lat: number;
  lon: number;
  accuracy: number | null;
}

export interface Device {
  id: string;
  vendor: string;
  model: string;
  serial: string;
  imei: string | null;
  simNumber: string | null;
  protocol: DeviceProtocol;
  account: string;
  hasKey: boolean;
  rentPerQuarterCents: number;
  state: DeviceState;
  caseId: string | null;
  caseReference: string | null;
  heartbeatIntervalSeconds: number;
  lastHeartbeatAt: string | null;
  batteryPercent: number | null;
  charging: boolean | null;
  lastPosition: (Position & { at: string }) | null;
}

export interface DeviceInput {
  vendor: string;
  model: string;
  serial: string;
  imei?: string;
  simNumber?: string;
  protocol: DeviceProtocol;
  account: string;
  key?: string;
  rentPerQuarterCents: number;
  heartbeatIntervalSeconds: number;
}

export type DevicePatch = Partial<DeviceInput> & { state?: DeviceState };

export interface DeviceAssignment {
  caseId: string;
  caseReference: string;
  assignedAt: string;
  unassignedAt: string | null;
}

export type AlarmKind = 'panic' | 'test' | 'low_battery' | 'tamper' | 'fault' | 'supervision';
export type AlarmState = 'received' | 'claimed' | 'forwarded' | 'on_scene' | 'resolved';
export const ALARM_STATES: readonly AlarmState[] = [
  'received',
  'claimed',
  'forwarded',
  'on_scene',
  'resolved',
];

export type Outcome =
  | 'arrest_in_act'
  | 'perpetrator_gone'
  | 'no_threat'
  | 'pressed_by_accident'
  | 'technical_fault'
  | 'test'
  | 'other'
  /** Set by the system only, for technical alarms the device cleared itself. */
  | 'cleared_by_device';

export interface Alarm {
  id: string;
  kind: AlarmKind;
  state: AlarmState;
  isTest: boolean;
  deviceAccount: string;
  /** the button's label (serial number): what people call it */
  deviceLabel: string;
  caseId: string | null;
  caseReference: string | null;
  regionId: string | null;
  code: string | null;
  receivedAt: string;
  occurredAt: string | null;
  position: Position | null;
  batteryPercent: number | null;
  outcome: string | null;
  escalationLevel: number;
  claimedByName: string | null;
  /** a repeated press: the open alarm of the same button it is folded into */
  firstAlarmId: string | null;
  /** the alarm centre's note when forwarding to the police */
  forwardNote: string | null;
  forwardedByName: string | null;
  /** forwarded, or escalated to the police control room because the alarm centre did not respond */
  handedToPolice?: boolean;
}

export interface AlarmTimelineEntry {
  at: string;
  /** a person by display name, the button by its label, or a part of the system (e.g. escalation) */
  actorKind: 'person' | 'device' | 'system';
  actorName: string | null;
  fromState: AlarmState | null;
  toState: AlarmState | null;
  /** only what a person wrote; what the system says comes as messageCode */
  note: string | null;
  /** a later press of the same button, folded into this alarm */
  repeat: boolean;
  /** a system text (console.timelineMsg.<code>), e.g. a dispatched unit or an escalation */
  messageCode?: 'dispatched' | 'escalated' | 'deviceHeardAgain' | 'batteryRecovered';
  messageParams?: Record<string, string | number>;
}

export interface AlarmHistoryItem {
  id: string;
  kind: AlarmKind;
  isTest: boolean;
  caseReference: string | null;
  deviceLabel: string;
  receivedAt: string;
  resolvedAt: string | null;
  outcome: string | null;
  presses: number;
  forwarded: boolean;
}

export interface AlarmHistoryPage {
  items: AlarmHistoryItem[];
  page: number;
  pageSize: number;
  total: number;
}

export interface AlarmDetail extends Alarm {
  timeline: AlarmTimelineEntry[];
  /** whether the reader may export the alarm's signed evidence bundle */
  mayExportEvidence?: boolean;
}

/** Need-to-know information for the person handling an open alarm. Never cached across alarms. */
export interface AlarmLinked {
  client: {
    name: string;
    phone: string | null;
    language: string | null;
    address: string | null;
    photo: string | null;
  } | null;
  perpetrator: {
    name: string | null;
    description: string | null;
    vehicle: string | null;
    registration: string | null;
    weapons: string | null;
    riskFlags: string[];
    photo: string | null;
  } | null;
  bans: { kind: 'contact' | 'area' | string; description: string }[];
  children: { firstName: string; age: number | null }[];
  agreements: string[];
  previousAlarms: { id: string; kind: AlarmKind; receivedAt: string; outcome: string | null }[];
}

export type TaskKind =
  | 'aftercare_contact'
  | 'evaluate_incident'
  | 'review_safety_plan'
  | 'support_police_report';

export interface AftercareTask {
  id: string;
  caseId: string;
  caseReference: string;
  alarmId: string | null;
  kind: TaskKind;
  /** what was agreed, for the task agreements of a network meeting (kind `agreement`) */
  description?: string | null;
  dueAt: string | null;
  doneAt: string | null;
}

export interface Incident {
  id: string;
  caseId: string;
  caseReference: string;
  alarmId: string | null;
  occurredAt: string;
  outcome: string | null;
  summary: string | null;
  /** the operator's note when the incident came from an alarm */
  note?: string | null;
}

export interface AppNotification {
  id: string;
  kind: string;
  caseId?: string | null;
  caseReference: string | null;
  alarmId: string | null;
  /** the task a task reminder or overdue notice is about */
  task: { id: string; kind: string; description: string | null } | null;
  createdAt: string;
  readAt: string | null;
}
