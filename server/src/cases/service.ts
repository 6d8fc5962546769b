import { caseVisibility, requireAccess } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import type { RequestContext } from '../context.ts';
import type { Database } from '../db/index.ts';
import { notFound } from '../errors.ts';
import * as repo from './repository.ts';

export function createCaseService(db: Database) {
  return {
    async list(ctx: RequestContext) {
      requireAccess(ctx.actor, 'case.list');
      const cases = await repo.listCases(db, caseVisibility(ctx.actor));
      await db.transaction((tx) =>
        audit(tx, ctx, {
          action: 'case.list',
          access: 'read',
          recordType: 'case',
          details: { count: cases.length },
        }),
      );
      return cases;
    },

    /** 404 both when the case does not exist and when the caller may not see it. */
    async get(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const found = await repo.findCase(tx, id);
        if (!found) throw notFound('case');
        const { team, parties, ...summary } = found;
        requireAccess(
          ctx.actor,
          'case.read',
          { regionId: found.regionId, organisationId: found.organisationId, caseTeam: team, parties },
          true,
        );
        await audit(tx, ctx, { action: 'case.read', access: 'read', recordType: 'case', recordId: id });
        return summary;
      });
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
