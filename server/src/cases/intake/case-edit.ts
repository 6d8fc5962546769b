import { audit } from '../../audit/index.ts';
import type { RequestContext } from '../../context.ts';
import type { SecretBox } from '../../crypto/sealed.ts';
import type { Database, Queryable } from '../../db/index.ts';
import { conflict } from '../../errors.ts';
import { type CaseRecord, openCase, requireVersion } from '../case-access.ts';
import { requiredDecisionParties } from '../decision-rules.ts';
import type { CaseStatus } from '../status.ts';
import { addParty, onlyOfType } from './repository.ts';

/** What every phase of the intake works with. */
export interface IntakeDeps {
  db: Database;
  secrets: SecretBox;
}

/** The role a party of this organisation type has in a case. */
export const PARTY_ROLE: Record<string, string> = {
  police: 'police',
  veilig_thuis: 'veilig_thuis',
  zvhh: 'zvhh',
};

export const userId = (ctx: RequestContext) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);

/** Opens the case for a stale-checked edit: row locked, version compared. */
export async function openForEdit(
  db: Database,
  tx: Queryable,
  ctx: RequestContext,
  caseId: string,
  version: number,
  action: 'case.write' | 'case.decide' | 'case.connect' = 'case.write',
) {
  const c = await openCase(db, tx, ctx, caseId, action, { forUpdate: true });
  requireVersion(c, version);
  return c;
}

export async function auditWrite(
  tx: Queryable,
  ctx: RequestContext,
  c: CaseRecord,
  action: string,
  details = {},
) {
  await audit(tx, ctx, { action, access: 'write', recordType: 'case', recordId: c.id, details });
}

export function requireStatus(c: CaseRecord, allowed: readonly CaseStatus[], what: string) {
  if (!allowed.includes(c.status)) {
    throw conflict(`${what} is not possible in status ${c.status}`, 'case.notInStatus', 'status', {
      status: c.status,
    });
  }
}

/** The region's police and Veilig Thuis (and whoever else the covenant names) join the case. */
export async function addDecisionParties(tx: Queryable, c: CaseRecord) {
  const required = await requiredDecisionParties(tx, c.regionId);
  const types = [...new Set([...required, 'police', 'veilig_thuis'])].filter((t) => t !== 'shelter');
  for (const type of types) {
    const id = await onlyOfType(tx, c.regionId, type);
    if (id) await addParty(tx, c.id, id, PARTY_ROLE[type] ?? 'other');
  }
}
