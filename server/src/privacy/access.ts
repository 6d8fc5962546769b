import type { Actor, Role } from '../access/index.ts';
import { type Action, decide, type ResourceScope, requireAccess } from '../access/index.ts';
import { forbidden } from '../errors.ts';

/**
 * The roles of the executing organisation (the shelter), which answers the client's data-subject requests.
 * Chain partners that may read the case (police, Veilig Thuis, process director, committee) are processors
 * of their own records and answer requests about those themselves; administrators and funders never see
 * case content at all.
 */
export const EXECUTING_ROLES: readonly Role[] = ['coordinator', 'caseworker'];

/**
 * Two checks, both decided by `access/policy.ts` (this file adds no permission of its own):
 *
 * 1. `requireAccess(actor, action, scope, conceal = true)`: whoever may not see the case gets 404, so its
 *    existence is not revealed (admin, funder, operator, another caseworker).
 * 2. the same decision again, per grant, with only the actor's coordinator and caseworker grants. The
 *    request passes only when one of *those* grants reaches the case: a coordinator of the case's
 *    organisation, or a caseworker on its team. A user who holds another role too (e.g. police in the
 *    region) cannot borrow that role's reach. Someone who may see the case but is not the executing
 *    organisation gets 403 — the case's existence is no secret to them.
 *
 * Only people act here: the document names its recipient, and requests record who received and decided
 * them (`created_by`, `decided_by` reference users), so API tokens are refused.
 */
export function requireExecutingOrganisation(actor: Actor, action: Action, scope: ResourceScope): void {
  requireAccess(actor, action, scope, true);
  const reached = actor.grants.some(
    (grant) =>
      EXECUTING_ROLES.includes(grant.role) && decide({ ...actor, grants: [grant] }, action, scope).allowed,
  );
  if (!reached) {
    throw forbidden(
      'data-subject requests are answered by the executing organisation: the coordinator or a caseworker of the case',
      'privacy.executingOnly',
    );
  }
  if (actor.kind !== 'user' || actor.id === null) {
    throw forbidden('data-subject requests are handled by a signed-in person', 'privacy.personOnly');
  }
}
