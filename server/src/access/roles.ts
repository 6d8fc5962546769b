export const ROLES = [
  'admin',
  'operator',
  'police',
  'police_control',
  'vt',
  'caseworker',
  'coordinator',
  'process_director',
  'committee',
  'funder',
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_TYPES = [
  'shelter',
  'veilig_thuis',
  'police',
  'alarm_centre',
  'zvhh',
  'municipality',
  'youth_care',
  'probation',
  'prosecutor',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** A role a person holds at one organisation, which lies in one region. */
export interface RoleGrant {
  role: Role;
  organisationId: string;
  organisationType: OrganisationType;
  regionId: string;
}

export interface Actor {
  kind: 'user' | 'token' | 'system';
  /** user id, API token id, or null for the system itself */
  id: string | null;
  /** for the audit log: an e-mail address, token name or "system" */
  label: string;
  grants: RoleGrant[];
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, label: 'system', grants: [] };
