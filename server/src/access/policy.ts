import type { Actor, Role, RoleGrant } from './roles.ts';

/**
 * Every permission in the platform, decided here and nowhere else. Deny by default:
 * an action not granted below is refused.
 */
export type Action =
  | 'region.read'
  | 'region.manage'
  | 'organisation.read'
  | 'organisation.manage'
  | 'user.read'
  | 'user.manage'
  | 'apitoken.manage'
  | 'audit.read'
  | 'device.read'
  | 'device.manage'
  | 'case.list'
  | 'case.read'
  | 'case.write'
  | 'case.create'
  | 'case.decide'
  /**
   * the executing organisation's work after the joint decision: moving the case on (connecting → active →
   * evaluation → closed, extension), the signalement, the contract, the privacy statement
   */
  | 'case.connect'
  | 'case.care.read'
  | 'case.care.write'
  | 'case.meeting.write'
  | 'alarm.read'
  | 'alarm.claim'
  | 'alarm.forward'
  | 'alarm.dispatch'
  | 'alarm.on_scene'
  | 'alarm.resolve'
  /** export an alarm's signed evidence bundle (lifecycle, raw frame, positions, who viewed what) */
  | 'alarm.evidence'
  /**
   * the handling operator's own records of an alarm: its action plan and ticks, the voice link, and the
   * console reporting that it showed the alarm
   */
  | 'alarm.handle'
  /** a region's action plans per alarm kind */
  | 'actionplan.read'
  | 'actionplan.manage'
  /** the response grading of a region's alarm chain (report and weekly PDF), and its norms */
  | 'grading.read'
  | 'grading.manage'
  | 'figures.read'
  | 'mail.manage';

/** What the decision needs to know about the record acted on. */
export interface ResourceScope {
  regionId?: string;
  organisationId?: string;
  /** users on the case team (caseworker and others explicitly added) */
  caseTeam?: readonly string[];
  /** organisations taking part in the case (case_parties) */
  parties?: readonly string[];
}

export interface Decision {
  allowed: boolean;
  reason: string;
}

/**
 * any: everywhere; region / organisation: records of the grant's region or organisation; team: cases whose
 * team lists the person; party: cases of the grant's region in which the grant's organisation takes part.
 */
type Scope = 'any' | 'region' | 'organisation' | 'team' | 'party';

/** role → action → how far the grant reaches. Absent = denied. */
const GRANTS: Record<Role, Partial<Record<Action, Scope>>> = {
  admin: {
    'region.read': 'any',
    'region.manage': 'any',
    'organisation.read': 'any',
    'organisation.manage': 'any',
    'user.read': 'any',
    'user.manage': 'any',
    'apitoken.manage': 'any',
    'audit.read': 'any',
    'device.read': 'any',
    'device.manage': 'any',
    // the e-mail outbox: counts and failed messages (kind, time, reason; no addresses, no content)
    'mail.manage': 'any',
    // the configuration of every region's alarm handling (no case content)
    'actionplan.read': 'any',
    'actionplan.manage': 'any',
    'grading.manage': 'any',
    // administrators run the platform; they do not read case content (threat: curious employee)
  },
  operator: {
    'region.read': 'region',
    'organisation.read': 'region',
    'device.read': 'region',
    'alarm.read': 'region',
    'alarm.claim': 'region',
    'alarm.forward': 'region',
    'alarm.resolve': 'region',
    // the alarm centre keeps the records of what it received and did, and hands them over on request
    'alarm.evidence': 'region',
    'alarm.handle': 'region',
    'actionplan.read': 'region',
    // the alarm centre grades itself (its manager holds the operator role: there is no separate one)
    'grading.read': 'region',
  },
  police_control: {
    'region.read': 'region',
    'organisation.read': 'region',
    'alarm.read': 'region',
    'alarm.dispatch': 'region',
    'alarm.on_scene': 'region',
    'alarm.resolve': 'region',
    // no alarm.evidence: the control room dispatches; the case file is the investigating officers' (police)
  },
  // police see the cases they take part in, and there only what they need (no care records)
  police: {
    'region.read': 'region',
    'organisation.read': 'region',
    'case.list': 'party',
    'case.read': 'party',
    'case.write': 'party',
    'case.create': 'region',
    'case.decide': 'party',
    'case.meeting.write': 'party',
    'alarm.read': 'region',
    // investigating officers: of the alarms handed to the police only (seesAlarm), as every police read
    'alarm.evidence': 'region',
  },
  vt: {
    'region.read': 'region',
    'organisation.read': 'region',
    'case.list': 'party',
    'case.read': 'party',
    'case.write': 'party',
    'case.create': 'region',
    'case.decide': 'party',
    'case.care.read': 'party',
    'case.meeting.write': 'party',
  },
  caseworker: {
    'region.read': 'region',
    'organisation.read': 'region',
    'case.list': 'team',
    'case.read': 'team',
    'case.write': 'team',
    'case.create': 'organisation',
    'case.connect': 'team',
    'case.care.read': 'team',
    'case.care.write': 'team',
    'case.meeting.write': 'team',
    'device.read': 'organisation',
  },
  coordinator: {
    'region.read': 'region',
    'organisation.read': 'region',
    'user.read': 'organisation',
    'case.list': 'organisation',
    'case.read': 'organisation',
    'case.write': 'organisation',
    'case.create': 'organisation',
    'case.decide': 'organisation',
    'case.connect': 'organisation',
    'case.care.read': 'organisation',
    'case.care.write': 'organisation',
    'case.meeting.write': 'organisation',
    'device.read': 'organisation',
    'device.manage': 'organisation',
    'figures.read': 'region',
    // the region's team lead agrees the alarm centre's plans and norms with it
    'actionplan.read': 'region',
    'actionplan.manage': 'region',
    'grading.read': 'region',
    'grading.manage': 'region',
  },
  process_director: {
    'region.read': 'region',
    'organisation.read': 'region',
    'case.list': 'party',
    'case.read': 'party',
    'case.create': 'region',
    'case.meeting.write': 'party',
  },
  committee: {
    'region.read': 'region',
    'organisation.read': 'region',
    'case.list': 'region',
    'case.read': 'region',
    'case.decide': 'region',
  },
  funder: {
    'region.read': 'region',
    'organisation.read': 'region',
    'figures.read': 'region',
  },
};

function grantReaches(
  actor: Actor,
  grant: RoleGrant,
  scope: Scope,
  resource: ResourceScope | undefined,
): boolean {
  switch (scope) {
    case 'any':
      return true;
    case 'region':
      return resource?.regionId === undefined || resource.regionId === grant.regionId;
    case 'organisation':
      return resource?.organisationId === undefined || resource.organisationId === grant.organisationId;
    case 'team':
      // a list query (no case given) is allowed and later narrowed to the team's cases
      if (resource?.caseTeam === undefined) return resource?.regionId === undefined;
      return actor.id !== null && resource.caseTeam.includes(actor.id);
    case 'party':
      if (resource?.regionId !== undefined && resource.regionId !== grant.regionId) return false;
      // a list query (no case given) is allowed and later narrowed to the cases the organisation is party to
      if (resource?.parties === undefined) return resource?.regionId === undefined;
      return resource.parties.includes(grant.organisationId);
  }
}

export function decide(actor: Actor, action: Action, resource?: ResourceScope): Decision {
  for (const grant of actor.grants) {
    const scope = GRANTS[grant.role]?.[action];
    if (scope && grantReaches(actor, grant, scope, resource)) {
      return { allowed: true, reason: `${grant.role}:${scope}` };
    }
  }
  return { allowed: false, reason: `no role of ${actor.label} grants ${action} on this record` };
}

/** How far an actor's list of cases reaches, for repositories to turn into a WHERE clause. */
export interface CaseVisibility {
  all: boolean;
  regionIds: string[];
  organisationIds: string[];
  teamOf: string | null;
  /** organisations whose participation in a case makes it visible */
  partyOrganisationIds: string[];
}

export function caseVisibility(actor: Actor): CaseVisibility {
  const visibility: CaseVisibility = {
    all: false,
    regionIds: [],
    organisationIds: [],
    teamOf: null,
    partyOrganisationIds: [],
  };
  for (const grant of actor.grants) {
    const scope = GRANTS[grant.role]?.['case.list'];
    if (scope === 'any') visibility.all = true;
    if (scope === 'region') visibility.regionIds.push(grant.regionId);
    if (scope === 'organisation') visibility.organisationIds.push(grant.organisationId);
    if (scope === 'team') visibility.teamOf = actor.id;
    if (scope === 'party') visibility.partyOrganisationIds.push(grant.organisationId);
  }
  return visibility;
}

/** The regions in which an actor may do `action` (for region-wide lists like the alarm queue). */
export function regionsFor(actor: Actor, action: Action): { all: boolean; regionIds: string[] } {
  const result = { all: false, regionIds: [] as string[] };
  for (const grant of actor.grants) {
    const scope = GRANTS[grant.role]?.[action];
    if (scope === 'any') result.all = true;
    else if (scope) result.regionIds.push(grant.regionId);
  }
  return result;
}
