import { recordOnTimeline } from '../../cases/timeline.ts';
import type { RequestContext } from '../../context.ts';
import type { Database } from '../../db/index.ts';
import { conflict, invalidFields, notFound } from '../../errors.ts';
import { auditWrite, readInCase, userIdOf, writeInCase } from '../access.ts';
import { refuseIf } from '../plausible/life.ts';
import { checkPlanVersion } from '../plausible/rules.ts';
import { checkPlanContent, comparePlans, type PlanSection } from './content.ts';
import { renderPlanPdf } from './pdf.ts';
import * as repo from './repository.ts';

export interface PlanInput {
  /** the version the edit started from; 0 for a first plan */
  baseVersion: number;
  content: Partial<Record<PlanSection, string[]>>;
  reason?: string | null;
}

export function createSafetyPlanService(db: Database) {
  return {
    /** The plan in force (or the version asked for), the list of versions, and what changed from the one before. */
    get(ctx: RequestContext, caseId: string, version?: number) {
      return readInCase(db, ctx, caseId, 'case.care.read', 'safety_plan', async (tx) => {
        const plan = await repo.findVersion(tx, caseId, version);
        if (version !== undefined && !plan) throw notFound('version');
        const previous =
          plan && plan.version > 1 ? await repo.findVersion(tx, caseId, plan.version - 1) : null;
        return {
          plan,
          changes: plan && previous ? comparePlans(previous.content, plan.content) : [],
          versions: await repo.listVersions(tx, caseId),
        };
      });
    },

    /** Every save is a new version; an edit based on an older version than the newest is refused (409). */
    save(ctx: RequestContext, caseId: string, input: PlanInput) {
      const checked = checkPlanContent(input.content);
      if (!checked.ok) {
        throw invalidFields(checked.errors);
      }
      return writeInCase(db, ctx, caseId, 'case.care.write', async (tx, c) => {
        const newest = await repo.newestVersionNumber(tx, caseId);
        if (input.baseVersion !== newest) {
          throw conflict(
            `the safety plan was changed in the meantime (version ${newest}, yours ${input.baseVersion}); reload and try again`,
            'changedMeanwhile',
            'baseVersion',
          );
        }
        if (newest > 0) {
          const inForce = (await repo.findVersion(tx, caseId, newest))!;
          const changed = comparePlans(inForce.content, checked.content).length > 0;
          refuseIf(checkPlanVersion(false, changed, input.reason));
        }
        const { language } = await repo.printFacts(tx, caseId);
        const version = newest + 1;
        const id = await repo.insertVersion(tx, {
          caseId,
          version,
          language: language ?? 'nl',
          content: checked.content,
          reason: input.reason?.trim() || null,
          by: userIdOf(ctx),
        });
        await auditWrite(tx, ctx, 'safety_plan.version', 'safety_plan_version', id, caseId, { version });
        await recordOnTimeline(tx, {
          caseId: c.id,
          kind: 'safety_plan',
          summary: `veiligheidsplan versie ${version}`,
          message: { code: 'safetyPlan', params: { version } },
          actorLabel: ctx.actor.label,
          refType: 'safety_plan_version',
          refId: String(version),
        });
        return (await repo.findVersion(tx, caseId, version))!;
      });
    },

    /** The printable plan for her home (see pdf.ts for what it leaves out). */
    pdf(ctx: RequestContext, caseId: string, version?: number) {
      return readInCase(db, ctx, caseId, 'case.care.read', 'safety_plan.print', async (tx) => {
        const plan = await repo.findVersion(tx, caseId, version);
        if (!plan) throw notFound('safety plan');
        const facts = await repo.printFacts(tx, caseId);
        return renderPlanPdf({
          language: facts.language ?? plan.language,
          version: plan.version,
          createdAt: plan.createdAt,
          content: plan.content,
          perpetratorName: facts.perpetratorName,
        });
      });
    },
  };
}

export type SafetyPlanService = ReturnType<typeof createSafetyPlanService>;
