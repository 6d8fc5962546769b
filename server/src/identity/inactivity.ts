import { audit } from '../audit/index.ts';
import type { Database } from '../db/index.ts';

const SYSTEM = { actor: { kind: 'system' as const, id: null, label: 'inactivity', grants: [] }, ip: null };

/**
 * An account nobody used for `days` is a door nobody watches (a former colleague, a lost laptop):
 * it is disabled and its sessions end. The last active administrator is never disabled, so the
 * platform cannot lock itself out.
 */
export async function disableInactiveAccounts(db: Database, days: number): Promise<number> {
  return db.transaction(async (tx) => {
    const r = await tx.query<{ id: string }>(
      `update users u set disabled = true
       where not u.disabled and coalesce(u.last_login_at, u.created_at) < now() - make_interval(days => $1)
         and not (
           exists (select 1 from memberships m where m.user_id = u.id and m.role = 'admin')
           and not exists (
             select 1 from users o join memberships om on om.user_id = o.id and om.role = 'admin'
             where o.id <> u.id and not o.disabled
               and coalesce(o.last_login_at, o.created_at) >= now() - make_interval(days => $1)))
       returning u.id`,
      [days],
    );
    for (const { id } of r.rows) {
      await tx.query('update sessions set revoked_at = now() where user_id = $1 and revoked_at is null', [
        id,
      ]);
      await audit(tx, SYSTEM, {
        action: 'user.disabled_inactive',
        access: 'write',
        recordType: 'user',
        recordId: id,
        details: { days },
      });
    }
    return r.rows.length;
  });
}
