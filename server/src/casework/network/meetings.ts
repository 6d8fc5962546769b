import { AccessDenied } from '../../access/index.ts';
import { openCase } from '../../cases/case-access.ts';
import { recordOnTimeline } from '../../cases/timeline.ts';
import type { RequestContext } from '../../context.ts';
import type { Database, Queryable } from '../../db/index.ts';
import { conflict, invalid, invalidFields, notFound } from '../../errors.ts';
import { addAgreementTask, completeTask, findTask } from '../../inbox/task-repository.ts';
import { auditWrite, readInCase, userIdOf, writeInCase } from '../access.ts';
import { caseLife, refuseIf } from '../plausible/life.ts';
import { checkCaseDate } from '../plausible/rules.ts';
import { insertMeeting, listMeetings, listTasks, loadCandidates } from './repository.ts';
import { checkParticipants, type Participant } from './rules.ts';

export interface TaskInput {
  description: string;
  assigneeId?: string | null;
  dueOn: string;
}

export interface MeetingInput {
  heldOn: string;
  kind: 'case_meeting' | 'round_table' | 'other';
  chair?: string | null;
  participants: Participant[];
  decisions?: string | null;
  tasks?: TaskInput[];
}

/** A task agreed for a date is due at the end of that working day (17:00 in the Netherlands, in winter time). */
const dueAtOf = (dueOn: string) => new Date(`${dueOn}T16:00:00Z`);

async function insertTask(
  tx: Queryable,
  ctx: RequestContext,
  caseId: string,
  t: TaskInput,
  meetingId: string | null,
  candidates: readonly { userId: string }[],
  field: string,
): Promise<string> {
  if (t.assigneeId && !candidates.some((c) => c.userId === t.assigneeId))
    throw invalid(
      `${field}/assigneeId`,
      'is not a professional of an organisation taking part in this case',
      'team.notParticipant',
    );
  const id = await addAgreementTask(tx, {
    caseId,
    description: t.description.trim(),
    meetingId,
    assigneeId: t.assigneeId ?? null,
    dueAt: dueAtOf(t.dueOn),
    createdBy: userIdOf(ctx),
  });
  await auditWrite(tx, ctx, 'task.create', 'task', id, caseId, { meetingId });
  await recordOnTimeline(tx, {
    caseId,
    kind: 'task',
    summary: `taakafspraak tot ${t.dueOn}`,
    message: { code: 'taskAgreement', params: { date: t.dueOn } },
    actorLabel: ctx.actor.label,
    refType: 'task',
    refId: id,
  });
  return id;
}

/** Network meetings (casusoverleg, rondetafeloverleg) and the task agreements made in and around them. */
export function createMeetingService(db: Database) {
  return {
    list: (ctx: RequestContext, caseId: string) =>
      readInCase(db, ctx, caseId, 'case.meeting.write', 'network_meeting', async (tx) => ({
        meetings: await listMeetings(tx, caseId),
        tasks: await listTasks(tx, caseId),
        candidates: await loadCandidates(tx, caseId),
      })),

    add(ctx: RequestContext, caseId: string, input: MeetingInput) {
      const problem = checkParticipants(input.participants);
      if (problem) throw invalidFields([problem]);
      return writeInCase(db, ctx, caseId, 'case.meeting.write', async (tx, c) => {
        refuseIf(checkCaseDate('heldOn', input.heldOn, await caseLife(tx, caseId)));
        const participants = input.participants.map((p) => ({
          kind: p.kind,
          name: p.name.trim(),
          organisation: p.organisation?.trim() || null,
        }));
        const id = await insertMeeting(tx, {
          caseId: caseId,
          heldOn: input.heldOn,
          kind: input.kind,
          chair: input.chair?.trim() || null,
          participants: JSON.stringify(participants),
          clientPresent: participants.some((p) => p.kind === 'client'),
          perpetratorPresent: participants.some((p) => p.kind === 'perpetrator'),
          decisions: input.decisions?.trim() || null,
          createdBy: userIdOf(ctx),
        });
        await auditWrite(tx, ctx, 'network_meeting.add', 'network_meeting', id, caseId, {
          participants: participants.length,
          tasks: input.tasks?.length ?? 0,
        });
        await recordOnTimeline(tx, {
          caseId: c.id,
          kind: 'meeting',
          summary: `netwerkoverleg met ${participants.length} deelnemers`,
          message: { code: 'meeting', params: { count: participants.length } },
          actorLabel: ctx.actor.label,
          refType: 'network_meeting',
          refId: id,
        });
        const candidates = await loadCandidates(tx, caseId);
        for (const [i, t] of (input.tasks ?? []).entries())
          await insertTask(tx, ctx, caseId, t, id, candidates, `tasks/${i}`);
        return {
          ...(await listMeetings(tx, caseId)).find((m) => m.id === id)!,
          tasks: await listTasks(tx, caseId),
        };
      });
    },

    addTask(ctx: RequestContext, caseId: string, input: TaskInput & { meetingId?: string | null }) {
      return writeInCase(db, ctx, caseId, 'case.meeting.write', async (tx) => {
        if (input.meetingId && !(await listMeetings(tx, caseId)).some((m) => m.id === input.meetingId))
          throw invalid('meetingId', 'is not a meeting of this case', 'meeting.notInCase');
        const id = await insertTask(
          tx,
          ctx,
          caseId,
          input,
          input.meetingId ?? null,
          await loadCandidates(tx, caseId),
          'task',
        );
        return (await listTasks(tx, caseId)).find((t) => t.id === id)!;
      });
    },

    /** Marks a task of a case done; whoever may write meetings on that case may tick it off. */
    completeTask(ctx: RequestContext, taskId: string) {
      return db.transaction(async (tx) => {
        const task = await findTask(tx, taskId);
        if (!task) throw notFound('task');
        // the task is the record: whoever may not tick it off is not told it exists
        await openCase(db, tx, ctx, task.caseId, 'case.meeting.write', { forUpdate: true }).catch((error) => {
          throw error instanceof AccessDenied ? notFound('task') : error;
        });
        if (task.doneAt) throw conflict('the task is already done', 'task.alreadyDone', 'taskId');
        await completeTask(tx, taskId, userIdOf(ctx));
        await auditWrite(tx, ctx, 'task.done', 'task', taskId, task.caseId);
        await recordOnTimeline(tx, {
          caseId: task.caseId,
          kind: 'task',
          summary: 'taak afgerond',
          message: { code: 'taskDone' },
          actorLabel: ctx.actor.label,
          refType: 'task',
          refId: taskId,
        });
        return (await listTasks(tx, task.caseId)).find((t) => t.id === taskId)!;
      });
    },
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
