import { type Action, type Decision, decide, type ResourceScope } from './policy.ts';
import type { Actor } from './roles.ts';

export {
  type Action,
  type CaseVisibility,
  caseVisibility,
  type Decision,
  decide,
  type ResourceScope,
  regionsFor,
} from './policy.ts';
export {
  type Actor,
  ORGANISATION_TYPES,
  type OrganisationType,
  ROLES,
  type Role,
  type RoleGrant,
  SYSTEM_ACTOR,
} from './roles.ts';

export class AccessDenied extends Error {
  constructor(
    readonly action: Action,
    readonly decision: Decision,
    /** hide that the record exists (answer 404 instead of 403) */
    readonly conceal: boolean,
  ) {
    super(decision.reason);
  }
}

/** Throws unless the actor may do the action; services call this before anything else. */
export function requireAccess(actor: Actor, action: Action, resource?: ResourceScope, conceal = false): void {
  const decision = decide(actor, action, resource);
  if (!decision.allowed) throw new AccessDenied(action, decision, conceal);
}
