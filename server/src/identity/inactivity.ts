import { audit } from '../audit/index.ts';
import type { Database } from '../db/index.ts';
import * as repo from './repository.ts';

const SYSTEM = { actor: { kind: 'system' as const, id: null, label: 'inactivity', grants: [] }, ip: null };

/**
 * An account nobody used for `days` is a door nobody watches (a former colleague, a lost laptop):
 * it is disabled and its sessions end. The last active administrator is never disabled, so the
 * platform cannot lock itself out.
 */
export async function disableInactiveAccounts(db: Database, days: number): Promise<number> {
  return db.transaction(async (tx) => {
    const disabled = await repo.disableUsersInactiveFor(tx, days);
    for (const id of disabled) {
      await repo.revokeSessionsOf(tx, id);
      await audit(tx, SYSTEM, {
        action: 'user.disabled_inactive',
        access: 'write',
        recordType: 'user',
        recordId: id,
        details: { days },
      });
    }
    return disabled.length;
  });
}
