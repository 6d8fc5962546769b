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

/** One evaluation as a correction compares it (the moment stays: another moment is another evaluation). */
async function findEvaluation(db: Queryable, caseId: string, id: string) {
  const r = await db.query<Record<string, unknown>>(
    `select to_char(evaluated_on, 'YYYY-MM-DD') as "evaluatedOn", moment, safety_scale as "safetyScale",
            client_safety_rating as "clientSafetyRating", caseworker_rating::float as "caseworkerRating",
            collaboration_rating::float as "collaborationRating", notes
     from evaluations where case_id = $1 and id = $2`,
    [caseId, id],
  );
  const row = r.rows[0];
  if (!row) return null;
  const { moment, ...fields } = row;
  return Object.assign(fields, { moment }) as Record<string, unknown> & { moment: unknown };
}

async function overview(db: Queryable, caseId: string) {
  const [c, evaluations, goals, extensions, devices] = await Promise.all([
    db.query(
      `select status, version, to_char(planned_end_on, 'YYYY-MM-DD') as "plannedEndOn", active_since as "activeSince",
              closed_at as "closedAt", closure_reason as "closureReason", device_return as "deviceReturn"
       from cases where id = $1`,
      [caseId],
    ),
    db.query(
      `select e.id, to_char(e.evaluated_on, 'YYYY-MM-DD') as "evaluatedOn", e.moment, e.safety_scale as "safetyScale",
              e.client_safety_rating as "clientSafetyRating", e.caseworker_rating::float as "caseworkerRating",
              e.collaboration_rating::float as "collaborationRating", e.notes, u.display_name as author
       from evaluations e left join users u on u.id = e.created_by where e.case_id = $1 order by e.evaluated_on, e.created_at`,
      [caseId],
    ),
    db.query(
      `select id, description, to_char(set_on, 'YYYY-MM-DD') as "setOn", result,
              to_char(evaluated_on, 'YYYY-MM-DD') as "evaluatedOn"
       from case_goals where case_id = $1 order by set_on, description`,
      [caseId],
    ),
    db.query(
      `select x.id, to_char(x.previous_end_on, 'YYYY-MM-DD') as "previousEndOn", to_char(x.new_end_on, 'YYYY-MM-DD') as "newEndOn",
              x.rationale, x.decided_at as "decidedAt", u.display_name as "decidedBy"
       from case_extensions x left join users u on u.id = x.decided_by where x.case_id = $1 order by x.decided_at`,
      [caseId],
    ),
    db.query<{ id: string; serial: string; model: string }>(
      `select d.id, d.serial, d.model from device_assignments a join devices d on d.id = a.device_id
       where a.case_id = $1 and a.unassigned_at is null`,
      [caseId],
    ),
  ]);
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
        const r = await tx.query<{ id: string }>(
          `insert into evaluations (case_id, evaluated_on, moment, safety_scale, client_safety_rating, caseworker_rating,
             collaboration_rating, notes, created_by)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
          [
            caseId,
            input.evaluatedOn,
            input.moment,
            input.safetyScale ?? null,
            input.clientSafetyRating ?? null,
            input.caseworkerRating ?? null,
            input.collaborationRating ?? null,
            input.notes?.trim() || null,
            userIdOf(ctx),
          ],
        );
        const id = r.rows[0]!.id;
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
        const current = await findEvaluation(tx, caseId, evaluationId);
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
        await tx.query(
          `update evaluations set evaluated_on = $2, safety_scale = $3, client_safety_rating = $4, caseworker_rating = $5,
             collaboration_rating = $6, notes = $7 where id = $1`,
          [
            evaluationId,
            after.evaluatedOn,
            after.safetyScale,
            after.clientSafetyRating,
            after.caseworkerRating,
            after.collaborationRating,
            after.notes,
          ],
        );
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
        const r = await tx.query<{ id: string }>(
          `insert into case_goals (case_id, description, set_on, created_by) values ($1, $2, $3, $4) returning id`,
          [caseId, input.description.trim(), input.setOn, userIdOf(ctx)],
        );
        const id = r.rows[0]!.id;
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
        const r = await tx.query(
          'update case_goals set result = $3, evaluated_on = $4 where id = $1 and case_id = $2',
          [input.goalId, caseId, input.result, input.evaluatedOn],
        );
        if (r.rowCount === 0) throw invalid('goalId', 'is not a goal of this case', 'goal.notInCase');
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
          const previous = await tx.query<{ plannedEndOn: string | null }>(
            `select to_char(planned_end_on, 'YYYY-MM-DD') as "plannedEndOn" from cases where id = $1`,
            [caseId],
          );
          const previousEnd = previous.rows[0]?.plannedEndOn ?? null;
          if (previousEnd && input.newEndOn <= previousEnd)
            throw invalid(
              'newEndOn',
              `must lie after the current end date ${previousEnd}`,
              'extension.afterCurrentEnd',
              {
                date: previousEnd,
              },
            );
          const r = await tx.query<{ id: string }>(
            `insert into case_extensions (case_id, previous_end_on, new_end_on, rationale, decided_by)
             values ($1, $2, $3, $4, $5) returning id`,
            [caseId, previousEnd, input.newEndOn, input.rationale.trim(), userIdOf(ctx)],
          );
          await setPlannedEnd(tx, caseId, input.newEndOn);
          await applyTransition(
            tx,
            ctx,
            c,
            'active',
            `verlenging tot ${input.newEndOn}: ${input.rationale.trim()}`,
          );
          await auditWrite(tx, ctx, 'case.extend', 'case_extension', r.rows[0]!.id, caseId);
          await recordOnTimeline(tx, {
            caseId: c.id,
            kind: 'extension',
            summary: `verlengd tot ${input.newEndOn}`,
            message: { code: 'extended', params: { date: input.newEndOn } },
            actorLabel: ctx.actor.label,
            refType: 'case_extension',
            refId: r.rows[0]!.id,
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
          const devices = await tx.query<{ id: string }>(
            'select device_id as id from device_assignments where case_id = $1 and unassigned_at is null',
            [caseId],
          );
          if (devices.rows.length > 0 && input.deviceReturn === 'not_issued')
            throw invalid(
              'deviceReturn',
              'a device is still with this case: returned, lost or stolen?',
              'closure.deviceReturnRequired',
            );
          await recordClosure(tx, caseId, input.deviceReturn, input.reason.trim());
          for (const d of devices.rows) {
            await closeAssignment(tx, d.id, userIdOf(ctx));
            await updateDevice(tx, d.id, {
              caseId: null,
              state: DEVICE_STATE_AFTER[input.deviceReturn],
              testMode: false,
            });
            await auditWrite(tx, ctx, 'device.unassign', 'device', d.id, caseId, {
              deviceReturn: input.deviceReturn,
            });
            await recordOnTimeline(tx, {
              caseId: c.id,
              kind: 'device',
              summary: `noodknop ${DEVICE_STATE_AFTER[input.deviceReturn] === 'returned' ? 'ingeleverd' : `als ${input.deviceReturn} gemeld`}`,
              message: { code: 'deviceReturn', params: { deviceReturn: input.deviceReturn } },
              actorLabel: ctx.actor.label,
              refType: 'device',
              refId: d.id,
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
