import { caseVisibility, requireAccess } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import { visibleCasesCondition } from '../cases/visibility.ts';
import type { RequestContext } from '../context.ts';
import type { Database } from '../db/index.ts';
import { conflict, notFound } from '../errors.ts';

/** The caseworker's side of an alarm: incidents on the case timeline, follow-up tasks, notifications. */
export function createAfterCareService(db: Database) {
  return {
    async tasks(ctx: RequestContext, filter: { open: boolean }) {
      requireAccess(ctx.actor, 'case.list');
      const r = await db.query(
        `select t.id, t.case_id as "caseId", c.reference as "caseReference", t.alarm_id as "alarmId", t.kind,
                t.description, t.due_at as "dueAt", t.done_at as "doneAt"
         from tasks t join cases c on c.id = t.case_id
         where t.assignee_id = $1 and (not $2 or t.done_at is null) order by t.due_at`,
        [ctx.actor.id, filter.open],
      );
      return r.rows;
    },

    async completeTask(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const task = await tx.query<{ assigneeId: string | null; doneAt: Date | null; caseId: string }>(
          'select assignee_id as "assigneeId", done_at as "doneAt", case_id as "caseId" from tasks where id = $1',
          [id],
        );
        const t = task.rows[0];
        if (!t || t.assigneeId !== ctx.actor.id) throw notFound('task');
        if (t.doneAt) throw conflict('the task is already done', 'task.alreadyDone');
        await tx.query('update tasks set done_at = now(), done_by = $2 where id = $1', [id, ctx.actor.id]);
        await audit(tx, ctx, {
          action: 'task.done',
          access: 'write',
          recordType: 'task',
          recordId: id,
          details: { caseId: t.caseId },
        });
        const r = await tx.query(
          `select t.id, t.case_id as "caseId", c.reference as "caseReference", t.alarm_id as "alarmId", t.kind,
                  t.due_at as "dueAt", t.done_at as "doneAt" from tasks t join cases c on c.id = t.case_id where t.id = $1`,
          [id],
        );
        return r.rows[0];
      });
    },

    async incidents(ctx: RequestContext) {
      requireAccess(ctx.actor, 'case.list');
      const visible = visibleCasesCondition('c', caseVisibility(ctx.actor), 1);
      return db.transaction(async (tx) => {
        const r = await tx.query(
          `select i.id, i.case_id as "caseId", c.reference as "caseReference", i.alarm_id as "alarmId",
                  i.occurred_at as "occurredAt", i.outcome, i.summary, a.outcome_note as note
           from incidents i join cases c on c.id = i.case_id left join alarms a on a.id = i.alarm_id
           where ${visible.sql}
           order by i.occurred_at desc limit 200`,
          visible.params,
        );
        await audit(tx, ctx, {
          action: 'incident.list',
          access: 'read',
          recordType: 'case',
          details: { count: r.rows.length },
        });
        return r.rows;
      });
    },

    async notifications(ctx: RequestContext) {
      const r = await db.query(
        `select n.id, n.kind, n.case_id as "caseId", c.reference as "caseReference", n.alarm_id as "alarmId", n.created_at as "createdAt",
                n.read_at as "readAt",
                case when t.id is null then null
                     else json_build_object('id', t.id, 'kind', t.kind, 'description', t.description) end as task
         from notifications n left join cases c on c.id = n.case_id left join tasks t on t.id = n.task_id
         where n.user_id = $1 order by n.created_at desc limit 100`,
        [ctx.actor.id],
      );
      return r.rows;
    },

    async markRead(ctx: RequestContext, id: string) {
      const r = await db.query(
        'update notifications set read_at = coalesce(read_at, now()) where id = $1 and user_id = $2',
        [id, ctx.actor.id],
      );
      if (r.rowCount === 0) throw notFound('notification');
    },
  };
}

export type AfterCareService = ReturnType<typeof createAfterCareService>;
