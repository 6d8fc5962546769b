import type { Role, RoleGrant } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  mustChangePassword: boolean;
  totpSecretSealed: string | null;
  totpEnrolled: boolean;
  totpLastStep: number | null;
  locale: 'nl' | 'en';
  disabled: boolean;
  lastLoginAt: Date | null;
}

export interface GrantView extends RoleGrant {
  organisationName: string;
  regionName: string;
}

const USER_COLUMNS = `id, email, display_name as "displayName", password_hash as "passwordHash",
  must_change_password as "mustChangePassword", totp_secret_sealed as "totpSecretSealed",
  totp_enrolled as "totpEnrolled", totp_last_step::float8 as "totpLastStep", locale, disabled, last_login_at as "lastLoginAt"`;

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRecord | null> {
  const r = await db.query<UserRecord>(`select ${USER_COLUMNS} from users where lower(email) = lower($1)`, [
    email,
  ]);
  return r.rows[0] ?? null;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRecord | null> {
  const r = await db.query<UserRecord>(`select ${USER_COLUMNS} from users where id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function countUsers(db: Queryable): Promise<number> {
  const r = await db.query<{ n: number }>('select count(*)::int as n from users');
  return r.rows[0]!.n;
}

export async function loadGrants(db: Queryable, userId: string): Promise<GrantView[]> {
  const r = await db.query<GrantView>(
    `select m.role, m.organisation_id as "organisationId", o.type as "organisationType", o.region_id as "regionId",
            o.name as "organisationName", g.name as "regionName"
     from memberships m join organisations o on o.id = m.organisation_id join regions g on g.id = o.region_id
     where m.user_id = $1 order by g.name, o.name, m.role`,
    [userId],
  );
  return r.rows;
}

export async function insertUser(
  db: Queryable,
  user: {
    email: string;
    displayName: string;
    passwordHash: string;
    mustChangePassword: boolean;
    locale?: 'nl' | 'en';
  },
): Promise<string> {
  const r = await db.query<{ id: string }>(
    `insert into users (email, display_name, password_hash, must_change_password, locale)
     values ($1, $2, $3, $4, $5) returning id`,
    [user.email, user.displayName, user.passwordHash, user.mustChangePassword, user.locale ?? 'nl'],
  );
  return r.rows[0]!.id;
}

export async function insertMembership(
  db: Queryable,
  m: { userId: string; organisationId: string; role: string },
): Promise<void> {
  await db.query(
    'insert into memberships (user_id, organisation_id, role) values ($1, $2, $3) on conflict do nothing',
    [m.userId, m.organisationId, m.role],
  );
}

export async function updatePassword(
  db: Queryable,
  userId: string,
  passwordHash: string,
  mustChange: boolean,
) {
  await db.query('update users set password_hash = $2, must_change_password = $3 where id = $1', [
    userId,
    passwordHash,
    mustChange,
  ]);
}

export async function updateTotp(
  db: Queryable,
  userId: string,
  sealedSecret: string | null,
  enrolled: boolean,
) {
  await db.query('update users set totp_secret_sealed = $2, totp_enrolled = $3 where id = $1', [
    userId,
    sealedSecret,
    enrolled,
  ]);
}

export async function markLogin(db: Queryable, userId: string) {
  await db.query('update users set last_login_at = now() where id = $1', [userId]);
}

export async function setUserDisabled(db: Queryable, userId: string, disabled: boolean) {
  await db.query('update users set disabled = $2 where id = $1', [userId, disabled]);
}

// --- throttle ---------------------------------------------------------------------------

export async function throttleState(db: Queryable, emailHash: string) {
  const r = await db.query<{ failures: number; lockedUntil: Date | null }>(
    'select failures, locked_until as "lockedUntil" from login_throttle where email_hash = $1',
    [emailHash],
  );
  return r.rows[0] ?? { failures: 0, lockedUntil: null };
}

export async function recordFailure(
  db: Queryable,
  emailHash: string,
  lockAfter: number,
  lockMinutes: number,
) {
  await db.query(
    `insert into login_throttle (email_hash, failures, updated_at) values ($1, 1, now())
     on conflict (email_hash) do update set
       failures = case when login_throttle.locked_until < now() then 1 else login_throttle.failures + 1 end,
       locked_until = case
         when login_throttle.locked_until < now() then null
         when login_throttle.failures + 1 >= $2 then now() + make_interval(mins => $3)
         else login_throttle.locked_until end,
       updated_at = now()`,
    [emailHash, lockAfter, lockMinutes],
  );
}

export async function clearFailures(db: Queryable, emailHash: string) {
  await db.query('delete from login_throttle where email_hash = $1', [emailHash]);
}

// --- sessions ---------------------------------------------------------------------------

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  stage: 'setup' | 'full';
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export async function insertSession(
  db: Queryable,
  s: {
    tokenHash: string;
    userId: string;
    stage: 'setup' | 'full';
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
) {
  await db.query(
    `insert into sessions (token_hash, user_id, stage, expires_at, ip, user_agent) values ($1, $2, $3, $4, $5, $6)`,
    [s.tokenHash, s.userId, s.stage, s.expiresAt, s.ip, s.userAgent],
  );
}

export async function findSession(db: Queryable, tokenHash: string): Promise<SessionRecord | null> {
  const r = await db.query<SessionRecord>(
    `select token_hash as "tokenHash", user_id as "userId", stage, last_seen_at as "lastSeenAt",
            expires_at as "expiresAt", revoked_at as "revokedAt"
     from sessions where token_hash = $1`,
    [tokenHash],
  );
  return r.rows[0] ?? null;
}

export async function touchSession(db: Queryable, tokenHash: string) {
  await db.query('update sessions set last_seen_at = now() where token_hash = $1', [tokenHash]);
}

export async function promoteSession(db: Queryable, tokenHash: string) {
  await db.query(`update sessions set stage = 'full' where token_hash = $1`, [tokenHash]);
}

export async function revokeSession(db: Queryable, tokenHash: string) {
  await db.query('update sessions set revoked_at = now() where token_hash = $1 and revoked_at is null', [
    tokenHash,
  ]);
}

export async function revokeAllSessions(db: Queryable, userId: string): Promise<number> {
  const r = await db.query(
    'update sessions set revoked_at = now() where user_id = $1 and revoked_at is null',
    [userId],
  );
  return r.rowCount;
}

// --- API tokens -------------------------------------------------------------------------

export interface ApiTokenRecord {
  id: string;
  name: string;
  organisationId: string;
  role: string;
  revokedAt: Date | null;
}

export async function findApiToken(db: Queryable, tokenHash: string): Promise<ApiTokenRecord | null> {
  const r = await db.query<ApiTokenRecord>(
    `select id, name, organisation_id as "organisationId", role, revoked_at as "revokedAt"
     from api_tokens where token_hash = $1`,
    [tokenHash],
  );
  return r.rows[0] ?? null;
}

export async function insertApiToken(
  db: Queryable,
  t: { name: string; tokenHash: string; organisationId: string; role: string; createdBy: string | null },
): Promise<string> {
  const r = await db.query<{ id: string }>(
    `insert into api_tokens (name, token_hash, organisation_id, role, created_by) values ($1, $2, $3, $4, $5) returning id`,
    [t.name, t.tokenHash, t.organisationId, t.role, t.createdBy],
  );
  return r.rows[0]!.id;
}

export async function revokeApiToken(db: Queryable, id: string): Promise<boolean> {
  const r = await db.query('update api_tokens set revoked_at = now() where id = $1 and revoked_at is null', [
    id,
  ]);
  return r.rowCount > 0;
}

export interface ApiTokenRow {
  id: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listApiTokens(db: Queryable): Promise<ApiTokenRow[]> {
  const r = await db.query<ApiTokenRow>(
    `select t.id, t.name, t.role, t.organisation_id as "organisationId", o.name as "organisationName",
            t.created_at as "createdAt", t.last_used_at as "lastUsedAt", t.revoked_at as "revokedAt"
     from api_tokens t join organisations o on o.id = t.organisation_id order by t.created_at desc`,
  );
  return r.rows;
}

export async function touchApiToken(db: Queryable, id: string) {
  await db.query('update api_tokens set last_used_at = now() where id = $1', [id]);
}

/** Records the accepted TOTP step; false when an equal or later step was used already (a replay). */
export async function claimTotpStep(db: Queryable, userId: string, step: number): Promise<boolean> {
  const r = await db.query(
    'update users set totp_last_step = $2 where id = $1 and (totp_last_step is null or totp_last_step < $2)',
    [userId, step],
  );
  return r.rowCount === 1;
}

/**
 * Disables every account unused for `days` days, except the last active administrator; returns their ids.
 */
export async function disableUsersInactiveFor(tx: Queryable, days: number): Promise<string[]> {
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
  return r.rows.map((u) => u.id);
}

export async function revokeSessionsOf(tx: Queryable, userId: string) {
  await tx.query('update sessions set revoked_at = now() where user_id = $1 and revoked_at is null', [
    userId,
  ]);
}

/** The organisation's type and region; null when unknown. */
export async function organisationScope<T extends string>(db: Queryable, organisationId: string) {
  const r = await db.query<{ type: T; regionId: string }>(
    'select type, region_id as "regionId" from organisations where id = $1',
    [organisationId],
  );
  return r.rows[0] ?? null;
}

/** The national administration's region and organisation, made once; returns the organisation's id. */
export async function ensureAdministrationOrganisation(tx: Queryable): Promise<string> {
  const region = await tx.query<{ id: string }>(
    `insert into regions (name) values ('Landelijk beheer') on conflict (name) do update set name = excluded.name returning id`,
  );
  const org = await tx.query<{ id: string }>(
    `insert into organisations (region_id, name, type) values ($1, 'Beheer Aware', 'municipality')
     on conflict (region_id, name) do update set name = excluded.name returning id`,
    [region.rows[0]!.id],
  );
  return org.rows[0]!.id;
}
