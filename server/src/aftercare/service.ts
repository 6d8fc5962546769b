import { caseVisibility, requireAccess } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import { visibleCasesCondition } from '../cases/visibility.ts';
import type { RequestContext } from '../context.ts';
import type { Database } from '../db/index.ts';
import { conflict, notFound } from '../errors.ts';
import { visibleIncidents } from '../inbox/incident-repository.ts';
import { markNotificationRead, notificationsOf } from '../inbox/notification-repository.ts';
import { assignedTask, completeTask, findTask, tasksAssignedTo } from '../inbox/task-repository.ts';

/** The caseworker's side of an alarm: incidents on the case timeline, follow-up tasks, notifications. */
export function createAfterCareService(db: Database) {
  return {
    async tasks(ctx: RequestContext, filter: { open: boolean }) {
      requireAccess(ctx.actor, 'case.list');
      return tasksAssignedTo(db, ctx.actor.id, filter.open);
    },

    async completeTask(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const t = await findTask(tx, id);
        if (!t || t.assigneeId !== ctx.actor.id) throw notFound('task');
        if (t.doneAt) throw conflict('the task is already done', 'task.alreadyDone');
        await completeTask(tx, id, ctx.actor.id);
        await audit(tx, ctx, {
          action: 'task.done',
          access: 'write',
          recordType: 'task',
          recordId: id,
          details: { caseId: t.caseId },
        });
        return assignedTask(tx, id);
      });
    },

    async incidents(ctx: RequestContext) {
      requireAccess(ctx.actor, 'case.list');
      const visible = visibleCasesCondition('c', caseVisibility(ctx.actor), 1);
      return db.transaction(async (tx) => {
        const rows = await visibleIncidents(tx, visible);
        await audit(tx, ctx, {
          action: 'incident.list',
          access: 'read',
          recordType: 'case',
          details: { count: rows.length },
        });
        return rows;
      });
    },

    async notifications(ctx: RequestContext) {
      return notificationsOf(db, ctx.actor.id);
    },

    async markRead(ctx: RequestContext, id: string) {
      if (!(await markNotificationRead(db, id, ctx.actor.id))) throw notFound('notification');
    },
  };
}

export type AfterCareService = ReturnType<typeof createAfterCareService>;
