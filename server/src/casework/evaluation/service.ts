import { requireVersion } from '../../cases/case-access.ts';
import { recordClosure, setPlannedEnd } from '../../cases/repository.ts';
import { recordOnTimeline } from '../../cases/timeline.ts';
import { applyTransition } from '../../cases/transitions.ts';
import type { RequestContext } from '../../context.ts';
import type { Database, Queryable } from '../../db/index.ts';
import type { DeviceDirectory } from '../../devices/directory.ts';
import { closeAssignment, updateDevice } from '../../devices/repository.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { auditWrite, readInCase, userIdOf, writeInCase } from '../access.ts';
import { keepCorrection } from '../corrections/record.ts';
import { correctionsOf } from '../corrections/repository.ts';
import { caseLife, refuseIf } from '../plausible/life.ts';
import { checkCaseDate, checkEvaluationAnswers } from '../plausible/rules.ts';
import * as repo from './repository.ts';
import { DEVICE_STATE_AFTER, type DeviceReturn } from './rules.ts';

const MOMENT_NL: Record<string, string> = { start: 'start', interim: 'tussentijds', end: 'eind' };
const GOAL_RESULT_NL: Record<string, string> = {
  met: 'behaald',
  partly_met: 'deels behaald',
  not_met: 'niet behaald',
};

export interface EvaluationInput {
  evaluatedOn: string;
  moment: 'start' | 'interim' | 'end';
  safetyScale?: '0' | '6' | '7' | '7+' | null;
  clientSafetyRating?: number | null;
  caseworkerRating?: number | null;
  collaborationRating?: number | null;
  notes?: string | null;
}

const ACTIVE: ReadonlySet<'active'> = new Set(['active']);
const EVALUATION: ReadonlySet<'evaluation'> = new Set(['evaluation']);

export type EvaluationCorrection = Omit<EvaluationInput, 'moment'> & { reason: string };

async function overview(db: Queryable, caseId: string) {
  const [c, evaluations, goals, extensions, devices] = await repo.overviewRows(db, caseId);
  const corrections = await correctionsOf(db, caseId, 'evaluation');
  return {
    ...(c.rows[0] as object),
    evaluations: evaluations.rows.map((e) => ({
      ...(e as { id: string }),
      corrections: corrections.get((e as { id: string }).id) ?? [],
    })),
    goals: goals.rows,
    extensions: extensions.rows,
    devices: devices.rows,
  };
}

/** Phase 4: periodic evaluation, development goals, extension (back to active) and closure. */
export function createEvaluationService(db: Database, directory: DeviceDirectory) {
  return {
    get: (ctx: RequestContext, caseId: string) =>
      readInCase(db, ctx, caseId, 'case.care.read', 'evaluation', (tx) => overview(tx, caseId)),

    /** active → evaluation: the parties start judging whether she is safe enough to end. */
    start(ctx: RequestContext, caseId: string, input: { version: number; rationale: string }) {
      return writeInCase(
        db,
        ctx,
        caseId,
        'case.connect',
        async (tx, c) => {
          requireVersion(c, input.version);
          await applyTransition(tx, ctx, c, 'evaluation', input.rationale.trim());
          await auditWrite(tx, ctx, 'case.evaluation_started', 'case', caseId, caseId);
          return overview(tx, caseId);
        },
        ACTIVE,
      );
    },

    record(ctx: RequestContext, caseId: string, input: EvaluationInput) {
      return writeInCase(db, ctx, caseId, 'case.care.write', async (tx, c) => {
        refuseIf([
          ...checkCaseDate('evaluatedOn', input.evaluatedOn, await caseLife(tx, caseId)),
          ...checkEvaluationAnswers(input),
        ]);
        if (input.moment === 'end' && c.status !== 'evaluation')
          throw conflict(
            'the end evaluation is recorded once the case is in evaluation',
            'evaluation.endOnlyInEvaluation',
            'moment',
          );
        const id = await repo.insertEvaluation(tx, caseId, {
          evaluatedOn: input.evaluatedOn,
          moment: input.moment,
          safetyScale: input.safetyScale ?? null,
          clientSafetyRating: input.clientSafetyRating ?? null,
          caseworkerRating: input.caseworkerRating ?? null,
          collaborationRating: input.collaborationRating ?? null,
          notes: input.notes?.trim() || null,
          createdBy: userIdOf(ctx),
        });
        await auditWrite(tx, ctx, 'evaluation.add', 'evaluation', id, caseId, { moment: input.moment });
        await recordOnTimeline(tx, {
          caseId: c.id,
          kind: 'evaluation',
          summary: `evaluatie (${MOMENT_NL[input.moment]})${input.safetyScale ? `, veiligheidsschaal ${input.safetyScale}` : ''}`,
          message: {
            code: input.safetyScale ? 'evaluationScale' : 'evaluation',
            params: { moment: input.moment, scale: input.safetyScale ?? null },
          },
          actorLabel: ctx.actor.label,
          refType: 'evaluation',
          refId: id,
        });
        return overview(tx, caseId);
      });
    },

    /** Corrects the date or the answers of an evaluation with a reason; the earlier version stays. */
    correct(ctx: RequestContext, caseId: string, evaluationId: string, input: EvaluationCorrection) {
      return writeInCase(db, ctx, caseId, 'case.care.write', async (tx, c) => {
        const current = await repo.findEvaluation(tx, caseId, evaluationId);
        if (!current) throw notFound('evaluation');
        const after = {
          evaluatedOn: input.evaluatedOn,
          safetyScale: input.safetyScale ?? null,
          clientSafetyRating: input.clientSafetyRating ?? null,
          caseworkerRating: input.caseworkerRating ?? null,
          collaborationRating: input.collaborationRating ?? null,
          notes: input.notes?.trim() || null,
        };
        await keepCorrection(tx, ctx, {
          caseId,
          recordType: 'evaluation',
          recordId: evaluationId,
          before: current,
          after,
          reason: input.reason,
          extraErrors: [
            ...checkCaseDate('evaluatedOn', after.evaluatedOn, await caseLife(tx, caseId)),
            ...checkEvaluationAnswers(after),
          ],
        });
        await repo.updateEvaluation(tx, evaluationId, after);
        await recordOnTimeline(tx, {
          caseId: c.id,
          kind: 'evaluation',
          summary: `evaluatie (${MOMENT_NL[current.moment as string] ?? ''}) gecorrigeerd`,
          actorLabel: ctx.actor.label,
          refType: 'evaluation',
          refId: evaluationId,
        });
        return overview(tx, caseId);
      });
    },

    addGoal(ctx: RequestContext, caseId: string, input: { description: string; setOn: string }) {
      return writeInCase(db, ctx, caseId, 'case.care.write', async (tx, c) => {
        refuseIf(checkCaseDate('setOn', input.setOn, await caseLife(tx, caseId)));
        const id = await repo.insertGoal(tx, caseId, input.description.trim(), input.setOn, userIdOf(ctx));
        await auditWrite(tx, ctx, 'goal.add', 'case_goal', id, caseId);
        await recordOnTimeline(tx, {
          caseId: c.id,
          kind: 'goal',
          summary: 'ontwikkeldoel gesteld',
          message: { code: 'goalSet' },
          actorLabel: ctx.actor.label,
          refType: 'case_goal',
          refId: id,
        });
        return overview(tx, caseId);
      });
    },

    evaluateGoal(
      ctx: RequestContext,
      caseId: string,
      input: { goalId: string; result: 'met' | 'partly_met' | 'not_met'; evaluatedOn: string },
    ) {
      return writeInCase(db, ctx, caseId, 'case.care.write', async (tx, c) => {
        refuseIf(checkCaseDate('evaluatedOn', input.evaluatedOn, await caseLife(tx, caseId)));
        if (!(await repo.evaluateGoal(tx, caseId, input.goalId, input.result, input.evaluatedOn)))
          throw invalid('goalId', 'is not a goal of this case', 'goal.notInCase');
        await auditWrite(tx, ctx, 'goal.evaluate', 'case_goal', input.goalId, caseId, {
          result: input.result,
        });
        await recordOnTimeline(tx, {
          caseId: c.id,
          kind: 'goal',
          summary: `ontwikkeldoel geëvalueerd (${GOAL_RESULT_NL[input.result]})`,
          message: { code: 'goalEvaluated', params: { result: input.result } },
          actorLabel: ctx.actor.label,
          refType: 'case_goal',
          refId: input.goalId,
        });
        return overview(tx, caseId);
      });
    },

    /** Risks remain: AWARE is extended to a new end date and the case runs on (evaluation → active). */
    extend(
      ctx: RequestContext,
      caseId: string,
      input: { version: number; newEndOn: string; rationale: string },
    ) {
      if (input.newEndOn <= new Date().toISOString().slice(0, 10))
        throw invalid('newEndOn', 'must lie after today', 'extension.afterToday');
      return writeInCase(
        db,
        ctx,
        caseId,
        'case.connect',
        async (tx, c) => {
          requireVersion(c, input.version);
          const previousEnd = await repo.plannedEndOf(tx, caseId);
          if (previousEnd && input.newEndOn <= previousEnd)
            throw invalid(
              'newEndOn',
              `must lie after the current end date ${previousEnd}`,
              'extension.afterCurrentEnd',
              {
                date: previousEnd,
              },
            );
          const extensionId = await repo.insertExtension(tx, caseId, {
            previousEndOn: previousEnd,
            newEndOn: input.newEndOn,
            rationale: input.rationale.trim(),
            decidedBy: userIdOf(ctx),
          });
          await setPlannedEnd(tx, caseId, input.newEndOn);
          await applyTransition(
            tx,
            ctx,
            c,
            'active',
            `verlenging tot ${input.newEndOn}: ${input.rationale.trim()}`,
          );
          await auditWrite(tx, ctx, 'case.extend', 'case_extension', extensionId, caseId);
          await recordOnTimeline(tx, {
            caseId: c.id,
            kind: 'extension',
            summary: `verlengd tot ${input.newEndOn}`,
            message: { code: 'extended', params: { date: input.newEndOn } },
            actorLabel: ctx.actor.label,
            refType: 'case_extension',
            refId: extensionId,
          });
          return overview(tx, caseId);
        },
        EVALUATION,
      );
    },

    /**
     * Safe enough: the case is closed (evaluation → closed) with the device's fate. Every device still with
     * the case is unassigned and set to returned, lost or stolen in the same transaction.
     */
    async close(
      ctx: RequestContext,
      caseId: string,
      input: { version: number; deviceReturn: DeviceReturn; reason: string },
    ) {
      const result = await writeInCase(
        db,
        ctx,
        caseId,
        'case.connect',
        async (tx, c) => {
          requireVersion(c, input.version);
          const devices = await repo.devicesWithCase(tx, caseId);
          if (devices.length > 0 && input.deviceReturn === 'not_issued')
            throw invalid(
              'deviceReturn',
              'a device is still with this case: returned, lost or stolen?',
              'closure.deviceReturnRequired',
            );
          await recordClosure(tx, caseId, input.deviceReturn, input.reason.trim());
          for (const deviceId of devices) {
            await closeAssignment(tx, deviceId, userIdOf(ctx));
            await updateDevice(tx, deviceId, {
              caseId: null,
              state: DEVICE_STATE_AFTER[input.deviceReturn],
              testMode: false,
            });
            await auditWrite(tx, ctx, 'device.unassign', 'device', deviceId, caseId, {
              deviceReturn: input.deviceReturn,
            });
            await recordOnTimeline(tx, {
              caseId: c.id,
              kind: 'device',
              summary: `noodknop ${DEVICE_STATE_AFTER[input.deviceReturn] === 'returned' ? 'ingeleverd' : `als ${input.deviceReturn} gemeld`}`,
              message: { code: 'deviceReturn', params: { deviceReturn: input.deviceReturn } },
              actorLabel: ctx.actor.label,
              refType: 'device',
              refId: deviceId,
            });
          }
          await applyTransition(tx, ctx, c, 'closed', input.reason.trim());
          await auditWrite(tx, ctx, 'case.close', 'case', caseId, caseId, {
            deviceReturn: input.deviceReturn,
          });
          await recordOnTimeline(tx, {
            caseId: c.id,
            kind: 'closure',
            summary: 'traject afgesloten',
            message: { code: 'closed' },
            actorLabel: ctx.actor.label,
          });
          return overview(tx, caseId);
        },
        EVALUATION,
      );
      directory.invalidate();
      return result;
    },
  };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
