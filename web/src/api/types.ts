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

export interface Alarm {
  id: string;
  kind: AlarmKind;
  state: string;
  deviceAccount: string;
  caseId: string | null;
  caseReference: string | null;
  receivedAt: string;
  occurredAt: string | null;
  position: Position | null;
  batteryPercent: number | null;
}
