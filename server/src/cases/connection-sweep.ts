import type { Database } from '../db/index.ts';
import {
  notifyCaseworkerAndCoordinators,
  notifyCoordinatorsAndTeamLeads,
} from '../inbox/notification-repository.ts';
import { enqueueMailTo } from '../notify/outbox-repository.ts';
import { closing } from '../notify/texts.ts';
import {
  caseworkerAndCoordinatorEmails,
  claimConnectionAlert,
  connectionDeadlinesDue,
  coordinatorAndTeamLeadEmails,
} from './connection-repository.ts';
import { recordOnTimeline } from './timeline.ts';
import { deadlineStage, dutchDay, previousWorkingDay } from './working-days.ts';

export const CONNECTION_SWEEP_MS = 15 * 60_000;

const ACTOR = 'termijnbewaking';

/**
 * Connection deadlines of cases still connecting: from the last working day before the deadline the
 * caseworker and the coordinators are warned; once it has passed, the team lead (the coordinators of the
 * executing organisation, and a team lead on the case) is told, in the app and by e-mail. Driven by rows:
 * each step sets its timestamp in the same transaction as its notifications and its outbox messages, so a
 * restart or a second run sends nothing twice.
 */
export async function sweepConnectionDeadlines(db: Database, now = new Date(), publicUrl?: string) {
  const today = dutchDay(now);
  const due = await connectionDeadlinesDue(db, today);
  let warned = 0;
  let escalated = 0;
  for (const c of due) {
    const stage = deadlineStage(c.deadline, today);
    if (stage === 'none') continue;
    if (stage === 'warn' || !c.warned) {
      // a case first seen after its deadline is warned and escalated in one go
      const done = await db.transaction(async (tx) => {
        if (!(await claimConnectionAlert(tx, c.id, 'warned', now))) return false;
        await notifyCaseworkerAndCoordinators(tx, c.id, 'case.connection_due');
        await recordOnTimeline(tx, {
          caseId: c.id,
          kind: 'deadline',
          summary: `Waarschuwing: aansluiten uiterlijk ${c.deadline} (${previousWorkingDay(c.deadline) === today ? 'morgen' : 'binnenkort'})`,
          message: {
            code: previousWorkingDay(c.deadline) === today ? 'connectionDueTomorrow' : 'connectionDueSoon',
            params: { date: c.deadline },
          },
          actorLabel: ACTOR,
          at: now,
        });
        const to = await caseworkerAndCoordinatorEmails(tx, c.id);
        await enqueueMailTo(tx, to, {
          kind: 'case.connection_due',
          subject: `Aware: termijn voor aansluiten loopt af — traject ${c.reference}`,
          text: [
            `De noodknop van traject ${c.reference} moet uiterlijk ${c.deadline} aangesloten zijn.`,
            ...closing(publicUrl),
          ].join('\n'),
        });
        return true;
      });
      if (done) warned++;
    }
    if (stage === 'escalate') {
      const done = await db.transaction(async (tx) => {
        if (!(await claimConnectionAlert(tx, c.id, 'escalated', now))) return false;
        await notifyCoordinatorsAndTeamLeads(tx, c.id, 'case.connection_overdue');
        await recordOnTimeline(tx, {
          caseId: c.id,
          kind: 'deadline',
          summary: `Termijn voor aansluiten verstreken (${c.deadline}): gemeld aan de teamleider`,
          message: { code: 'connectionOverdue', params: { date: c.deadline } },
          actorLabel: ACTOR,
          at: now,
        });
        const to = await coordinatorAndTeamLeadEmails(tx, c.id);
        await enqueueMailTo(tx, to, {
          kind: 'case.connection_overdue',
          subject: `Aware: termijn voor aansluiten verstreken — traject ${c.reference}`,
          text: [
            `De termijn om de noodknop van traject ${c.reference} aan te sluiten is verstreken (${c.deadline}).`,
            ...closing(publicUrl),
          ].join('\n'),
        });
        return true;
      });
      if (done) escalated++;
    }
  }
  return { warned, escalated };
}
