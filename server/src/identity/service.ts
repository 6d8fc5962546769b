import { createHash, randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Actor, requireAccess } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import type { RequestContext } from '../context.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Database, Queryable } from '../db/index.ts';
import { conflict, invalid, notFound, unauthorized } from '../errors.ts';
import { decoyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './password.ts';
import * as repo from './repository.ts';
import { newOpaqueToken, tokenHash } from './tokens.ts';
import { newTotpSecret, otpauthUrl, totpMatches, totpStep } from './totp.ts';

export interface IdentityOptions {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** failed sign-ins per address before it is locked */
  lockAfterFailures?: number;
  lockMinutes?: number;
  /** every failed sign-in takes at least this long, whatever failed */
  failureFloorMs?: number;
  /** refuse a TOTP code whose time step was used already (default true) */
  totpReplayGuard?: boolean;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  locale: 'nl' | 'en';
  roles: repo.GrantView[];
  mustChangePassword: boolean;
  mustEnrolTotp: boolean;
}

export interface SessionView {
  actor: Actor;
  me: Me;
  stage: 'setup' | 'full';
  tokenHash: string;
}

// the session http/ keeps on each request is the one resolved here, with everything identity/ knows of it
declare module '../http/session.ts' {
  interface Session {
    me: Me;
    tokenHash: string;
  }
}

export type LoginResult =
  | { ok: true; token: string; me: Me; stage: 'setup' | 'full' }
  | { ok: false; reason: 'invalid' | 'locked' };

const emailKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
const TOUCH_EVERY_MS = 30_000;

export function oneTimePassword(): string {
  // 20 characters from an alphabet without look-alikes: easy to type once, ~100 bits
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

export function createIdentityService(db: Database, secrets: SecretBox, options: IdentityOptions) {
  const lockAfter = options.lockAfterFailures ?? 5;
  const lockMinutes = options.lockMinutes ?? 15;
  const failureFloorMs = options.failureFloorMs ?? 400;
  // computed now, so the first unknown address does not take longer than the others
  void decoyPasswordHash();

  async function meOf(q: Queryable, user: repo.UserRecord): Promise<Me> {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      roles: await repo.loadGrants(q, user.id),
      mustChangePassword: user.mustChangePassword,
      mustEnrolTotp: !user.totpEnrolled,
    };
  }

  function actorOf(me: Me): Actor {
    return {
      kind: 'user',
      id: me.id,
      label: me.email,
      grants: me.roles.map(({ role, organisationId, organisationType, regionId }) => ({
        role,
        organisationId,
        organisationType,
        regionId,
      })),
    };
  }

  async function startSession(
    q: Queryable,
    userId: string,
    stage: 'setup' | 'full',
    ip: string | null,
    ua: string | null,
  ) {
    const token = newOpaqueToken();
    const expiresAt = new Date(Date.now() + options.sessionMaxHours * 3_600_000);
    await repo.insertSession(q, { tokenHash: tokenHash(token), userId, stage, expiresAt, ip, userAgent: ua });
    return token;
  }

  async function login(input: {
    email: string;
    password: string;
    totp: string;
    ip: string | null;
    userAgent: string | null;
  }): Promise<LoginResult> {
    const started = Date.now();
    const key = emailKey(input.email);
    const fail = async (reason: 'invalid' | 'locked'): Promise<LoginResult> => {
      if (reason === 'invalid') await repo.recordFailure(db, key, lockAfter, lockMinutes);
      await db.transaction((tx) =>
        audit(
          tx,
          { actor: { kind: 'system', id: null, label: 'anonymous', grants: [] }, ip: input.ip },
          {
            action: 'auth.login_failed',
            access: 'write',
            recordType: 'session',
            details: { reason },
          },
        ),
      );
      const remaining = failureFloorMs - (Date.now() - started);
      if (remaining > 0) await sleep(remaining);
      return { ok: false, reason };
    };

    const throttle = await repo.throttleState(db, key);
    if (throttle.lockedUntil && throttle.lockedUntil.getTime() > Date.now()) return fail('locked');

    const user = await repo.findUserByEmail(db, input.email.trim());
    const passwordOk = await verifyPassword(
      user?.passwordHash ?? (await decoyPasswordHash()),
      input.password,
    );
    if (!user || !passwordOk || user.disabled) return fail('invalid');

    let stage: 'setup' | 'full';
    if (user.totpEnrolled) {
      const secret = user.totpSecretSealed ? secrets.open(user.totpSecretSealed) : '';
      const step = totpStep(secret, input.totp);
      if (step === null) return fail('invalid');
      // a code seen once (over a shoulder, through a phishing proxy) does not open a second session
      if (options.totpReplayGuard !== false && !(await repo.claimTotpStep(db, user.id, step)))
        return fail('invalid');
      stage = user.mustChangePassword ? 'setup' : 'full';
    } else {
      // Only accounts created with a one-time password reach here; they must set both before anything else.
      stage = 'setup';
    }

    return db.transaction(async (tx) => {
      await repo.clearFailures(tx, key);
      await repo.markLogin(tx, user.id);
      const token = await startSession(tx, user.id, stage, input.ip, input.userAgent);
      const me = await meOf(tx, user);
      await audit(
        tx,
        { actor: actorOf(me), ip: input.ip },
        {
          action: 'auth.login',
          access: 'write',
          recordType: 'session',
          recordId: user.id,
          details: { stage },
        },
      );
      return { ok: true as const, token, me, stage };
    });
  }

  /** The session behind a cookie, or null when it is unknown, revoked, idle too long or expired. */
  async function resolveSession(token: string): Promise<SessionView | null> {
    const hash = tokenHash(token);
    const session = await repo.findSession(db, hash);
    if (!session || session.revokedAt) return null;
    const now = Date.now();
    if (session.expiresAt.getTime() <= now) return null;
    if (session.lastSeenAt.getTime() + options.sessionIdleMinutes * 60_000 <= now) return null;
    const user = await repo.findUserById(db, session.userId);
    if (!user || user.disabled) return null;
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.touchSession(db, hash);
    const me = await meOf(db, user);
    return { actor: actorOf(me), me, stage: session.stage, tokenHash: hash };
  }

  async function resolveApiToken(token: string): Promise<Actor | null> {
    const record = await repo.findApiToken(db, tokenHash(token));
    if (!record || record.revokedAt) return null;
    const o = await repo.organisationScope<Actor['grants'][number]['organisationType']>(
      db,
      record.organisationId,
    );
    if (!o) return null;
    await repo.touchApiToken(db, record.id);
    return {
      kind: 'token',
      id: record.id,
      label: `token:${record.name}`,
      grants: [
        {
          role: record.role as Actor['grants'][number]['role'],
          organisationId: record.organisationId,
          organisationType: o.type,
          regionId: o.regionId,
        },
      ],
    };
  }

  async function logout(ctx: RequestContext, session: SessionView) {
    await db.transaction(async (tx) => {
      await repo.revokeSession(tx, session.tokenHash);
      await audit(tx, ctx, {
        action: 'auth.logout',
        access: 'write',
        recordType: 'session',
        recordId: session.me.id,
      });
    });
  }

  async function changePassword(ctx: RequestContext, session: SessionView, current: string, next: string) {
    const user = await repo.findUserById(db, session.me.id);
    if (!user || !(await verifyPassword(user.passwordHash, current))) {
      throw invalid('currentPassword', 'is not your current password', 'password.wrongCurrent');
    }
    const problem = passwordProblem(next, { email: user.email });
    if (problem) throw invalid('newPassword', problem.message, problem.code, problem.params);
    if (await verifyPassword(user.passwordHash, next))
      throw invalid('newPassword', 'must differ from the current one', 'password.sameAsCurrent');
    const hash = await hashPassword(next);
    await db.transaction(async (tx) => {
      await repo.updatePassword(tx, user.id, hash, false);
      if (user.totpEnrolled) await repo.promoteSession(tx, session.tokenHash);
      await audit(tx, ctx, {
        action: 'auth.password_changed',
        access: 'write',
        recordType: 'user',
        recordId: user.id,
      });
    });
  }

  /** Starts (or restarts) TOTP enrolment for an account that has not confirmed one yet. */
  async function setupTotp(ctx: RequestContext, session: SessionView) {
    const user = await repo.findUserById(db, session.me.id);
    if (!user) throw unauthorized();
    if (user.totpEnrolled) {
      throw conflict(
        'a second factor is already enrolled; an administrator can reset it',
        'totp.alreadyEnrolled',
      );
    }
    const secret = newTotpSecret();
    await db.transaction(async (tx) => {
      await repo.updateTotp(tx, user.id, secrets.seal(secret), false);
      await audit(tx, ctx, {
        action: 'auth.totp_setup',
        access: 'write',
        recordType: 'user',
        recordId: user.id,
      });
    });
    return { secret, otpauthUrl: otpauthUrl(secret, user.email) };
  }

  async function confirmTotp(ctx: RequestContext, session: SessionView, code: string): Promise<Me> {
    const user = await repo.findUserById(db, session.me.id);
    if (!user?.totpSecretSealed || user.totpEnrolled)
      throw invalid('totp', 'start the enrolment first', 'totp.notStarted');
    if (!totpMatches(secrets.open(user.totpSecretSealed), code))
      throw invalid('totp', 'does not match', 'totp.mismatch');
    return db.transaction(async (tx) => {
      await repo.updateTotp(tx, user.id, user.totpSecretSealed, true);
      if (!user.mustChangePassword) await repo.promoteSession(tx, session.tokenHash);
      await audit(tx, ctx, {
        action: 'auth.totp_enrolled',
        access: 'write',
        recordType: 'user',
        recordId: user.id,
      });
      const fresh = await repo.findUserById(tx, user.id);
      return meOf(tx, fresh!);
    });
  }

  /**
   * Lost laptop, forgotten password or phone: an administrator issues a new one-time password,
   * clears the second factor and ends every session of the account at once.
   */
  async function resetCredentials(ctx: RequestContext, userId: string): Promise<{ oneTimePassword: string }> {
    requireAccess(ctx.actor, 'user.manage');
    const user = await repo.findUserById(db, userId);
    if (!user) throw notFound('user');
    const password = oneTimePassword();
    const hash = await hashPassword(password);
    await db.transaction(async (tx) => {
      await repo.updatePassword(tx, userId, hash, true);
      await repo.updateTotp(tx, userId, null, false);
      const revoked = await repo.revokeAllSessions(tx, userId);
      await audit(tx, ctx, {
        action: 'user.credentials_reset',
        access: 'write',
        recordType: 'user',
        recordId: userId,
        details: { sessionsRevoked: revoked },
      });
    });
    return { oneTimePassword: password };
  }

  async function revokeSessions(ctx: RequestContext, userId: string): Promise<number> {
    requireAccess(ctx.actor, 'user.manage');
    return db.transaction(async (tx) => {
      const revoked = await repo.revokeAllSessions(tx, userId);
      await audit(tx, ctx, {
        action: 'user.sessions_revoked',
        access: 'write',
        recordType: 'user',
        recordId: userId,
        details: { sessionsRevoked: revoked },
      });
      return revoked;
    });
  }

  /** On an empty database: one administrator with a one-time password, printed once by the caller. */
  async function bootstrapAdministrator(
    email: string,
  ): Promise<{ email: string; oneTimePassword: string } | null> {
    if ((await repo.countUsers(db)) > 0) return null;
    const password = oneTimePassword();
    const hash = await hashPassword(password);
    await db.transaction(async (tx) => {
      const organisationId = await repo.ensureAdministrationOrganisation(tx);
      const userId = await repo.insertUser(tx, {
        email,
        displayName: 'Beheerder',
        passwordHash: hash,
        mustChangePassword: true,
      });
      await repo.insertMembership(tx, { userId, organisationId, role: 'admin' });
      await audit(
        tx,
        { actor: { kind: 'system', id: null, label: 'system', grants: [] }, ip: null },
        {
          action: 'user.bootstrap_admin',
          access: 'write',
          recordType: 'user',
          recordId: userId,
        },
      );
    });
    return { email, oneTimePassword: password };
  }

  async function createApiToken(
    ctx: RequestContext,
    input: { name: string; organisationId: string; role: string },
  ) {
    requireAccess(ctx.actor, 'apitoken.manage');
    if (!(await repo.organisationScope(db, input.organisationId)))
      throw invalid('organisationId', 'is not a known organisation', 'organisation.unknown');
    const token = newOpaqueToken('aw_');
    const id = await db.transaction(async (tx) => {
      const tokenId = await repo.insertApiToken(tx, {
        ...input,
        tokenHash: tokenHash(token),
        createdBy: ctx.actor.id,
      });
      await audit(tx, ctx, {
        action: 'apitoken.create',
        access: 'write',
        recordType: 'api_token',
        recordId: tokenId,
      });
      return tokenId;
    });
    return { id, token };
  }

  async function revokeApiToken(ctx: RequestContext, id: string) {
    requireAccess(ctx.actor, 'apitoken.manage');
    await db.transaction(async (tx) => {
      if (!(await repo.revokeApiToken(tx, id))) throw notFound('api token');
      await audit(tx, ctx, {
        action: 'apitoken.revoke',
        access: 'write',
        recordType: 'api_token',
        recordId: id,
      });
    });
  }

  async function listApiTokens(ctx: RequestContext) {
    requireAccess(ctx.actor, 'apitoken.manage');
    return repo.listApiTokens(db);
  }

  return {
    login,
    resolveSession,
    resolveApiToken,
    logout,
    changePassword,
    setupTotp,
    confirmTotp,
    resetCredentials,
    revokeSessions,
    bootstrapAdministrator,
    createApiToken,
    revokeApiToken,
    listApiTokens,
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
