import { AccessDenied, caseVisibility, decide, requireAccess } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import type { RequestContext } from '../context.ts';
import type { Database } from '../db/index.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { completeTask, findTask } from '../inbox/task-repository.ts';
import { openCase } from './case-access.ts';
import { TASK_NL } from './labels.ts';
import { recordOnTimeline } from './timeline.ts';
import * as repo from './work-repository.ts';

/** Tasks that may be reported as not done, with the reason why (the STOP talk cannot always be held). */
export const SKIPPABLE_TASKS: ReadonlySet<string> = new Set(['police_stop_talk']);

/**
 * Which pending decisions wait for the caller's organisation: a grant that may decide on the case, of an
 * organisation taking part in it (or executing it), whose type the region's covenant requires, and that
 * has not given its answer yet. Pure.
 */
export function awaitingConsent(ctx: RequestContext, d: repo.PendingDecision): string | null {
  for (const g of ctx.actor.grants) {
    const takesPart = d.parties.includes(g.organisationId) || d.organisationId === g.organisationId;
    if (!takesPart || !d.required.includes(g.organisationType)) continue;
    const scope = { regionId: d.regionId, organisationId: d.organisationId, parties: d.parties };
    if (!decide({ ...ctx.actor, grants: [g] }, 'case.decide', scope).allowed) continue;
    if (d.agreements.some((a) => a.organisationId === g.organisationId && a.outcome)) continue;
    return g.organisationId;
  }
  return null;
}

/** Each role's work over every case it may see: the lists its home page shows. */
export function createWorkService(db: Database) {
  return {
    async mine(ctx: RequestContext) {
      requireAccess(ctx.actor, 'case.list');
      const v = caseVisibility(ctx.actor);
      const roles = new Set(ctx.actor.grants.map((g) => g.role));
      const orgIds = [...new Set(ctx.actor.grants.map((g) => g.organisationId))];
      const coordinatorOrgs = ctx.actor.grants
        .filter((g) => g.role === 'coordinator')
        .map((g) => g.organisationId);
      const decisions = (await repo.pendingDecisions(db, v)).map(({ parties: _p, required, ...d }) => {
        const waitingFor = awaitingConsent(ctx, { ...d, parties: _p, required });
        return {
          caseId: d.caseId,
          reference: d.reference,
          targetGroup: d.targetGroup,
          referredAt: new Date(d.referredAt).toISOString(),
          agreed: d.agreements
            .filter((a) => a.outcome)
            .map((a) => ({ name: a.organisationName, outcome: a.outcome! })),
          requiredCount: required.length,
          awaitingMine: waitingFor !== null,
        };
      });
      const work = {
        tasks: (await repo.tasksFor(db, v, ctx.actor.id, orgIds)).map(task),
        decisions,
        intake: (await repo.intakeCases(db, v)).map((c) => ({ ...c, referredAt: iso(c.referredAt) })),
        signalements: roles.has('police')
          ? (await repo.signalements(db, v)).map((s) => ({ ...s, sentAt: iso(s.sentAt) }))
          : [],
        meetings: roles.has('process_director') || roles.has('coordinator') ? await repo.meetings(db, v) : [],
        meetingTasks:
          roles.has('process_director') || roles.has('coordinator')
            ? (await repo.meetingTasks(db, v)).map(task)
            : [],
        overdueTasks: coordinatorOrgs.length > 0 ? (await repo.overdueTasks(db, v)).map(task) : [],
        caseload: coordinatorOrgs.length > 0 ? await repo.caseload(db, coordinatorOrgs) : [],
      };
      await db.transaction((tx) =>
        audit(tx, ctx, {
          action: 'case.work',
          access: 'read',
          recordType: 'case',
          details: { tasks: work.tasks.length, decisions: decisions.length },
        }),
      );
      return work;
    },

    /** Reports a task as not done, with the reason (e.g. the perpetrator could not be reached for the STOP talk). */
    skipTask(ctx: RequestContext, taskId: string, reason: string) {
      const why = reason.trim();
      if (why.length < 3) throw invalid('reason', 'is required', 'task.skipReasonRequired');
      return db.transaction(async (tx) => {
        const t = await findTask(tx, taskId);
        if (!t) throw notFound('task');
        // the task is the record: whoever may not act on it is not told it exists
        await openCase(db, tx, ctx, t.caseId, 'case.meeting.write', { forUpdate: true }).catch((error) => {
          throw error instanceof AccessDenied ? notFound('task') : error;
        });
        if (!SKIPPABLE_TASKS.has(t.kind))
          throw conflict('this task cannot be skipped', 'task.notSkippable', 'taskId');
        if (t.doneAt) throw conflict('the task is already done', 'task.alreadyDone', 'taskId');
        await completeTask(tx, taskId, ctx.actor.id, why);
        await audit(tx, ctx, {
          action: 'task.skipped',
          access: 'write',
          recordType: 'task',
          recordId: taskId,
          details: { caseId: t.caseId },
        });
        await recordOnTimeline(tx, {
          caseId: t.caseId,
          kind: 'task',
          summary: `${TASK_NL[t.kind] ?? t.kind}: overgeslagen (${why})`,
          actorLabel: ctx.actor.label,
          refType: 'task',
          refId: taskId,
        });
        return { id: taskId, skippedReason: why };
      });
    },
  };
}

const iso = (d: string | Date) => new Date(d).toISOString();
const task = (t: repo.WorkTask) => ({ ...t, dueAt: iso(t.dueAt) });

export type WorkService = ReturnType<typeof createWorkService>;
