import { recordOnTimeline } from '../../cases/timeline.ts';
import type { Database } from '../../db/index.ts';
import { enqueueMailTo } from '../../notify/outbox.ts';
import { closing } from '../../notify/texts.ts';
import { REMIND_BEFORE_MS, taskAlerts } from './rules.ts';

/** How often the leader looks for tasks to remind or escalate. */
export const TASK_SWEEP_MS = 60_000;

interface OpenTask {
  id: string;
  caseId: string;
  assigneeId: string | null;
  dueAt: Date;
  doneAt: Date | null;
  remindedAt: Date | null;
  escalatedAt: Date | null;
}

/**
 * Reminders and overdue escalation for tasks, derived only from rows (tasks.reminded_at / escalated_at), so
 * a restart or a new leader neither repeats nor loses one. A reminder goes to the assignee a day before the
 * task is due; an overdue task goes to the assignee and to the case director(s) — or, when the case has
 * none, the coordinators of the executing organisation — in the app and by e-mail (the outbox), and
 * appears on the case's timeline. Each task is handled in a short transaction of its own with a
 * conditional update, so two nodes cannot both send.
 */
export function createTaskSweep(db: Database, publicUrl?: string) {
  return {
    async sweep(now = new Date()): Promise<{ reminded: number; escalated: number }> {
      const due = await db.query<OpenTask>(
        `select id, case_id as "caseId", assignee_id as "assigneeId", due_at as "dueAt", done_at as "doneAt",
                reminded_at as "remindedAt", escalated_at as "escalatedAt"
         from tasks
         where done_at is null and ((reminded_at is null and due_at <= $1) or (escalated_at is null and due_at < $2))
         order by due_at limit 500`,
        [new Date(now.getTime() + REMIND_BEFORE_MS), now],
      );
      let reminded = 0;
      let escalated = 0;
      for (const task of due.rows) {
        const alerts = taskAlerts(task, now);
        if (alerts.remind) {
          const sent = await db.transaction(async (tx) => {
            const claimed = await tx.query(
              'update tasks set reminded_at = $2 where id = $1 and reminded_at is null and done_at is null',
              [task.id, now],
            );
            if (claimed.rowCount === 0 || !task.assigneeId) return false;
            await tx.query(
              `insert into notifications (user_id, kind, case_id, task_id) values ($1, 'task.reminder', $2, $3)`,
              [task.assigneeId, task.caseId, task.id],
            );
            return true;
          });
          if (sent) reminded++;
        }
        if (alerts.escalate) {
          const sent = await db.transaction(async (tx) => {
            const claimed = await tx.query(
              'update tasks set escalated_at = $2 where id = $1 and escalated_at is null and done_at is null',
              [task.id, now],
            );
            if (claimed.rowCount === 0) return false;
            const recipients = await tx.query<{ userId: string; email: string; disabled: boolean }>(
              `select distinct r.user_id as "userId", u.email, u.disabled from (
                 select t.user_id from case_team t where t.case_id = $1 and t.role = 'case_director'
                 union all
                 select m.user_id from cases c join memberships m on m.organisation_id = c.organisation_id
                 where c.id = $1 and m.role = 'coordinator'
                   and not exists (select 1 from case_team d where d.case_id = $1 and d.role = 'case_director')
                 union all
                 select $2::uuid where $2::uuid is not null
               ) r join users u on u.id = r.user_id`,
              [task.caseId, task.assigneeId],
            );
            for (const r of recipients.rows)
              await tx.query(
                `insert into notifications (user_id, kind, case_id, task_id) values ($1, 'task.overdue', $2, $3)`,
                [r.userId, task.caseId, task.id],
              );
            await recordOnTimeline(tx, {
              caseId: task.caseId,
              kind: 'deadline',
              summary: 'taak over tijd: gemeld aan de casusregie',
              message: { code: 'taskOverdue' },
              actorLabel: 'system',
              refType: 'task',
              refId: task.id,
            });
            const reference = await tx.query<{ reference: string }>(
              'select reference from cases where id = $1',
              [task.caseId],
            );
            await enqueueMailTo(
              tx,
              recipients.rows.filter((r) => !r.disabled).map((r) => r.email),
              {
                kind: 'task.overdue',
                subject: `Aware: taak over tijd — traject ${reference.rows[0]!.reference}`,
                text: [
                  `Een taak bij traject ${reference.rows[0]!.reference} is over tijd.`,
                  ...closing(publicUrl),
                ].join('\n'),
              },
            );
            return true;
          });
          if (sent) escalated++;
        }
      }
      return { reminded, escalated };
    },
  };
}
