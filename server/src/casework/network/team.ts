import { CASE_STATUSES, type CaseStatus, isOpen } from '../../cases/status.ts';
import { recordOnTimeline } from '../../cases/timeline.ts';
import type { RequestContext } from '../../context.ts';
import type { Database } from '../../db/index.ts';
import { conflict, invalid } from '../../errors.ts';
import type { RefusalCode } from '../../refusals.ts';
import { auditWrite, readInCase, writeInCase } from '../access.ts';
import * as repo from './repository.ts';
import { checkRemoval, needsCaseDirector, type TeamRole } from './rules.ts';

const OPEN_STATUSES: ReadonlySet<CaseStatus> = new Set(CASE_STATUSES.filter(isOpen));

const ROLE_NL: Record<TeamRole, string> = {
  caseworker: 'caseworker',
  case_director: 'casusregisseur',
  process_director: 'procesregisseur',
  vt_contact: 'contactpersoon Veilig Thuis',
  police_contact: 'contactpersoon politie',
};

export function createTeamService(db: Database) {
  const refuse = (field: string, message: string, code: RefusalCode) => conflict(message, code, field);

  return {
    /** Who works on the case in which role; a warning when nobody directs a running case. */
    get(ctx: RequestContext, caseId: string) {
      return readInCase(db, ctx, caseId, 'case.read', 'case_team', async (tx, c) => {
        const members = await repo.loadTeam(tx, caseId);
        return {
          members,
          candidates: await repo.loadCandidates(tx, caseId),
          warnings: needsCaseDirector(
            c.status,
            members.map((m) => m.role),
          )
            ? ['no_case_director']
            : [],
        };
      });
    },

    add(ctx: RequestContext, caseId: string, input: { userId: string; role: TeamRole }) {
      return writeInCase(
        db,
        ctx,
        caseId,
        'case.write',
        async (tx, c) => {
          if (!(await repo.loadCandidates(tx, caseId)).some((u) => u.userId === input.userId))
            throw invalid(
              'userId',
              'is not a professional of an organisation taking part in this case',
              'team.notParticipant',
            );
          if (!(await repo.addToTeam(tx, caseId, input.userId, input.role)))
            throw refuse('role', 'this person already has this role on the case', 'team.alreadyInRole');
          await auditWrite(tx, ctx, 'case_team.add', 'case', caseId, caseId, {
            userId: input.userId,
            role: input.role,
          });
          await recordOnTimeline(tx, {
            caseId: c.id,
            kind: 'team',
            summary: `${ROLE_NL[input.role]} toegevoegd aan het team`,
            message: { code: 'teamAdded', params: { role: input.role } },
            actorLabel: ctx.actor.label,
            refType: 'user',
            refId: input.userId,
          });
          return repo.loadTeam(tx, caseId);
        },
        OPEN_STATUSES,
      );
    },

    remove(ctx: RequestContext, caseId: string, input: { userId: string; role: TeamRole }) {
      return writeInCase(
        db,
        ctx,
        caseId,
        'case.write',
        async (tx, c) => {
          const members = await repo.loadTeam(tx, caseId);
          if (!members.some((m) => m.userId === input.userId && m.role === input.role))
            throw invalid('userId', 'does not have this role on the case', 'team.notInRole');
          if (input.role === 'caseworker' && (await repo.assignedCaseworker(tx, caseId)) === input.userId)
            throw refuse(
              'role',
              'this is the assigned caseworker: assign another caseworker first',
              'team.assignedCaseworker',
            );
          const problem = checkRemoval(c.status, members, input);
          if (problem) throw refuse(problem.field, problem.message, problem.code);
          await repo.removeFromTeam(tx, caseId, input.userId, input.role);
          await auditWrite(tx, ctx, 'case_team.remove', 'case', caseId, caseId, input);
          await recordOnTimeline(tx, {
            caseId: c.id,
            kind: 'team',
            summary: `${ROLE_NL[input.role]} uit het team`,
            message: { code: 'teamRemoved', params: { role: input.role } },
            actorLabel: ctx.actor.label,
            refType: 'user',
            refId: input.userId,
          });
          return repo.loadTeam(tx, caseId);
        },
        OPEN_STATUSES,
      );
    },

    /** "Whom do I call at the police for this case": the contact persons of every organisation taking part. */
    contacts(ctx: RequestContext, caseId: string) {
      return readInCase(db, ctx, caseId, 'case.read', 'case_contacts', async (tx) => {
        const parties = await repo.partyContacts(tx, caseId);
        const team = await repo.loadTeam(tx, caseId);
        return parties.map((o) => ({
          ...o,
          team: team.filter((m) => m.organisation?.split(', ').includes(o.organisation)),
        }));
      });
    },
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
