import { type Actor, regionsFor, requireAccess } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import type { RequestContext } from '../context.ts';
import type { Database } from '../db/index.ts';
import { invalid, uniqueAs } from '../errors.ts';
import { hashPassword } from '../identity/password.ts';
import { insertMembership, insertUser } from '../identity/repository.ts';
import { oneTimePassword } from '../identity/service.ts';
import * as repo from './repository.ts';

function organisationIdsFor(actor: Actor): string[] | null {
  if (actor.grants.some((g) => g.role === 'admin')) return null;
  return actor.grants.filter((g) => g.role === 'coordinator').map((g) => g.organisationId);
}

export function createOrganisationService(db: Database) {
  const scopeOf = (actor: Actor, action: 'region.read' | 'organisation.read') => {
    const reach = regionsFor(actor, action);
    return reach.all ? null : reach.regionIds;
  };

  return {
    async listRegions(ctx: RequestContext) {
      requireAccess(ctx.actor, 'region.read');
      return repo.listRegions(db, scopeOf(ctx.actor, 'region.read'));
    },

    async createRegion(ctx: RequestContext, input: { name: string; acuteUnsafetyEnabled: boolean }) {
      requireAccess(ctx.actor, 'region.manage');
      return db.transaction(async (tx) => {
        const id = await uniqueAs(
          repo.insertRegion(tx, input.name, input.acuteUnsafetyEnabled),
          'name',
          'a region with this name exists',
          'region.exists',
        );
        await audit(tx, ctx, {
          action: 'region.create',
          access: 'write',
          recordType: 'region',
          recordId: id,
        });
        return id;
      });
    },

    async listOrganisations(ctx: RequestContext) {
      requireAccess(ctx.actor, 'organisation.read');
      return repo.listOrganisations(db, scopeOf(ctx.actor, 'organisation.read'));
    },

    async createOrganisation(
      ctx: RequestContext,
      input: { regionId: string; name: string; type: string; contacts: repo.ContactView[] },
    ) {
      requireAccess(ctx.actor, 'organisation.manage', { regionId: input.regionId });
      return db.transaction(async (tx) => {
        const regions = await repo.listRegions(tx, [input.regionId]);
        if (regions.length === 0) throw invalid('regionId', 'is not a known region', 'region.unknown');
        const id = await uniqueAs(
          repo.insertOrganisation(tx, input),
          'name',
          'an organisation with this name exists',
          'organisation.exists',
        );
        for (const contact of input.contacts) await repo.insertContact(tx, id, contact);
        await audit(tx, ctx, {
          action: 'organisation.create',
          access: 'write',
          recordType: 'organisation',
          recordId: id,
        });
        return id;
      });
    },

    async listUsers(ctx: RequestContext) {
      requireAccess(ctx.actor, 'user.read');
      return repo.listUsers(db, organisationIdsFor(ctx.actor));
    },

    /** Creates a professional with a one-time password; they set their own and enrol TOTP at first sign-in. */
    async createUser(
      ctx: RequestContext,
      input: { email: string; displayName: string; memberships: { organisationId: string; role: string }[] },
    ) {
      requireAccess(ctx.actor, 'user.manage');
      const password = oneTimePassword();
      const hash = await hashPassword(password);
      const id = await db.transaction(async (tx) => {
        for (const [i, m] of input.memberships.entries()) {
          if (!(await repo.findOrganisation(tx, m.organisationId))) {
            throw invalid(
              `memberships/${i}/organisationId`,
              'is not a known organisation',
              'organisation.unknown',
            );
          }
        }
        const userId = await uniqueAs(
          insertUser(tx, { ...input, passwordHash: hash, mustChangePassword: true }),
          'email',
          'a user with this e-mail address exists',
          'user.exists',
        );
        for (const m of input.memberships) await insertMembership(tx, { userId, ...m });
        await audit(tx, ctx, {
          action: 'user.create',
          access: 'write',
          recordType: 'user',
          recordId: userId,
          details: { roles: input.memberships.map((m) => m.role) },
        });
        return userId;
      });
      return { id, oneTimePassword: password };
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
