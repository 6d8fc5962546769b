import type { FieldError } from '../../errors.ts';

export const TEAM_ROLES = [
  'caseworker',
  'case_director',
  'process_director',
  'vt_contact',
  'police_contact',
] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Statuses past the decision: from here on somebody must direct the case (seed 000, phase 3C). */
const DIRECTED_STATUSES: ReadonlySet<string> = new Set(['connecting', 'active', 'evaluation']);

/** A running case past the decision without a case director is flagged. */
export function needsCaseDirector(status: string, roles: readonly string[]): boolean {
  return DIRECTED_STATUSES.has(status) && !roles.includes('case_director');
}

/** Refuses taking the last case director off a team that must have one. */
export function checkRemoval(
  status: string,
  members: readonly { userId: string; role: string }[],
  removing: { userId: string; role: string },
): FieldError | null {
  if (removing.role !== 'case_director') return null;
  const remaining = members.filter(
    (m) => m.role === 'case_director' && !(m.userId === removing.userId && m.role === removing.role),
  );
  if (remaining.length === 0 && DIRECTED_STATUSES.has(status))
    return {
      field: 'role',
      message: 'the case always has a case director: appoint another one first',
      code: 'team.directorRequired',
    };
  return null;
}

export const PARTICIPANT_KINDS = ['professional', 'client', 'perpetrator', 'other'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export interface Participant {
  kind: ParticipantKind;
  name: string;
  organisation?: string | null;
}

/** Victim and perpetrator never sit at one table (seed 000, phase 3C). */
export function checkParticipants(participants: readonly Participant[]): FieldError | null {
  const client = participants.some((p) => p.kind === 'client');
  const perpetrator = participants.some((p) => p.kind === 'perpetrator');
  if (client && perpetrator)
    return {
      field: 'participants',
      message: 'the client and the perpetrator never take part in the same meeting',
      code: 'meeting.clientAndPerpetrator',
    };
  if (participants.length === 0)
    return {
      field: 'participants',
      message: 'name at least one participant',
      code: 'meeting.noParticipants',
    };
  return null;
}

/** A reminder goes out this long before a task is due. */
export const REMIND_BEFORE_MS = 24 * 3_600_000;

export interface TaskState {
  dueAt: Date;
  doneAt: Date | null;
  remindedAt: Date | null;
  escalatedAt: Date | null;
}

/**
 * What the sweep owes an open task now: a reminder to the assignee once, within the day before the due
 * moment (at once when created later than that, but not once it is overdue); an escalation once, when it
 * is overdue. Each is stored, so
 * a restart neither repeats nor loses one.
 */
export function taskAlerts(t: TaskState, now: Date): { remind: boolean; escalate: boolean } {
  if (t.doneAt) return { remind: false, escalate: false };
  const due = t.dueAt.getTime();
  return {
    // "due soon" only before the due moment: a task first seen overdue is reported as overdue, once
    remind: t.remindedAt === null && now.getTime() >= due - REMIND_BEFORE_MS && now.getTime() <= due,
    escalate: t.escalatedAt === null && now.getTime() > due,
  };
}
