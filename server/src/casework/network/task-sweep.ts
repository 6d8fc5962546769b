import { referenceOf } from '../../cases/repository.ts';
import { recordOnTimeline } from '../../cases/timeline.ts';
import type { Database } from '../../db/index.ts';
import { notify } from '../../inbox/notification-repository.ts';
import { claimTaskAlert, overdueTaskRecipients, tasksToAlert } from '../../inbox/task-repository.ts';
import { enqueueMailTo } from '../../notify/outbox-repository.ts';
import { closing } from '../../notify/texts.ts';
import { REMIND_BEFORE_MS, taskAlerts } from './rules.ts';

/** How often the leader looks for tasks to remind or escalate. */
export const TASK_SWEEP_MS = 60_000;

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
      const due = await tasksToAlert(db, new Date(now.getTime() + REMIND_BEFORE_MS), now);
      let reminded = 0;
      let escalated = 0;
      for (const task of due) {
        const alerts = taskAlerts(task, now);
        if (alerts.remind) {
          const sent = await db.transaction(async (tx) => {
            const claimed = await claimTaskAlert(tx, task.id, 'reminded', now);
            if (!claimed || !task.assigneeId) return false;
            await notify(tx, {
              userId: task.assigneeId,
              kind: 'task.reminder',
              caseId: task.caseId,
              taskId: task.id,
            });
            return true;
          });
          if (sent) reminded++;
        }
        if (alerts.escalate) {
          const sent = await db.transaction(async (tx) => {
            if (!(await claimTaskAlert(tx, task.id, 'escalated', now))) return false;
            const recipients = await overdueTaskRecipients(tx, task.caseId, task.assigneeId);
            for (const r of recipients)
              await notify(tx, {
                userId: r.userId,
                kind: 'task.overdue',
                caseId: task.caseId,
                taskId: task.id,
              });
            await recordOnTimeline(tx, {
              caseId: task.caseId,
              kind: 'deadline',
              summary: 'taak over tijd: gemeld aan de casusregie',
              message: { code: 'taskOverdue' },
              actorLabel: 'system',
              refType: 'task',
              refId: task.id,
            });
            const reference = await referenceOf(tx, task.caseId);
            await enqueueMailTo(
              tx,
              recipients.filter((r) => !r.disabled).map((r) => r.email),
              {
                kind: 'task.overdue',
                subject: `Aware: taak over tijd — traject ${reference}`,
                text: [`Een taak bij traject ${reference} is over tijd.`, ...closing(publicUrl)].join('\n'),
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
