import { CASE_STATUSES, type CaseStatus, isOpen } from '../../cases/status.ts';
import { recordOnTimeline } from '../../cases/timeline.ts';
import type { RequestContext } from '../../context.ts';
import type { Database, Queryable } from '../../db/index.ts';
import { conflict, invalid } from '../../errors.ts';
import type { RefusalCode } from '../../refusals.ts';
import { auditWrite, readInCase, writeInCase } from '../access.ts';
import { checkRemoval, needsCaseDirector, type TeamRole } from './rules.ts';

const OPEN_STATUSES: ReadonlySet<CaseStatus> = new Set(CASE_STATUSES.filter(isOpen));

const ROLE_NL: Record<TeamRole, string> = {
  caseworker: 'caseworker',
  case_director: 'casusregisseur',
  process_director: 'procesregisseur',
  vt_contact: 'contactpersoon Veilig Thuis',
  police_contact: 'contactpersoon politie',
};

export interface TeamMember {
  userId: string;
  name: string;
  organisation: string | null;
  role: string;
}

export async function loadTeam(db: Queryable, caseId: string): Promise<TeamMember[]> {
  const r = await db.query<TeamMember>(
    `select t.user_id as "userId", u.display_name as name, t.role,
            (select string_agg(distinct o.name, ', ') from memberships m join organisations o on o.id = m.organisation_id
             where m.user_id = t.user_id and o.id in (select organisation_id from case_parties where case_id = t.case_id))
              as organisation
     from case_team t join users u on u.id = t.user_id where t.case_id = $1 order by t.role, u.display_name`,
    [caseId],
  );
  return r.rows;
}

/** Professionals who may join the team: people of the organisations taking part in the case. */
export async function loadCandidates(db: Queryable, caseId: string) {
  const r = await db.query<{ userId: string; name: string; organisation: string }>(
    `select distinct u.id as "userId", u.display_name as name, o.name as organisation
     from case_parties p join memberships m on m.organisation_id = p.organisation_id
     join users u on u.id = m.user_id join organisations o on o.id = p.organisation_id
     where p.case_id = $1 and not u.disabled and m.role in ('caseworker', 'coordinator', 'vt', 'police', 'process_director')
     order by o.name, u.display_name`,
    [caseId],
  );
  return r.rows;
}

export function createTeamService(db: Database) {
  const refuse = (field: string, message: string, code: RefusalCode) => conflict(message, code, field);

  return {
    /** Who works on the case in which role; a warning when nobody directs a running case. */
    get(ctx: RequestContext, caseId: string) {
      return readInCase(db, ctx, caseId, 'case.read', 'case_team', async (tx, c) => {
        const members = await loadTeam(tx, caseId);
        return {
          members,
          candidates: await loadCandidates(tx, caseId),
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
          if (!(await loadCandidates(tx, caseId)).some((u) => u.userId === input.userId))
            throw invalid(
              'userId',
              'is not a professional of an organisation taking part in this case',
              'team.notParticipant',
            );
          const r = await tx.query(
            `insert into case_team (case_id, user_id, role) values ($1, $2, $3) on conflict do nothing`,
            [caseId, input.userId, input.role],
          );
          if (r.rowCount === 0)
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
          return loadTeam(tx, caseId);
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
          const members = await loadTeam(tx, caseId);
          if (!members.some((m) => m.userId === input.userId && m.role === input.role))
            throw invalid('userId', 'does not have this role on the case', 'team.notInRole');
          const assigned = await tx.query<{ caseworkerId: string | null }>(
            'select caseworker_id as "caseworkerId" from cases where id = $1',
            [caseId],
          );
          if (input.role === 'caseworker' && assigned.rows[0]?.caseworkerId === input.userId)
            throw refuse(
              'role',
              'this is the assigned caseworker: assign another caseworker first',
              'team.assignedCaseworker',
            );
          const problem = checkRemoval(c.status, members, input);
          if (problem) throw refuse(problem.field, problem.message, problem.code);
          await tx.query('delete from case_team where case_id = $1 and user_id = $2 and role = $3', [
            caseId,
            input.userId,
            input.role,
          ]);
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
          return loadTeam(tx, caseId);
        },
        OPEN_STATUSES,
      );
    },

    /** "Whom do I call at the police for this case": the contact persons of every organisation taking part. */
    contacts(ctx: RequestContext, caseId: string) {
      return readInCase(db, ctx, caseId, 'case.read', 'case_contacts', async (tx) => {
        const r = await tx.query<{
          organisationId: string;
          organisation: string;
          type: string;
          partyRole: string;
          contacts: { name: string; role: string; phone: string | null; email: string | null }[];
        }>(
          `select o.id as "organisationId", o.name as organisation, o.type, p.role as "partyRole",
                  coalesce((select json_agg(json_build_object('name', k.name, 'role', k.role, 'phone', k.phone,
                              'email', k.email) order by k.name)
                            from organisation_contacts k where k.organisation_id = o.id), '[]'::json) as contacts
           from case_parties p join organisations o on o.id = p.organisation_id
           where p.case_id = $1 order by p.role, o.name`,
          [caseId],
        );
        const team = await loadTeam(tx, caseId);
        return r.rows.map((o) => ({
          ...o,
          team: team.filter((m) => m.organisation?.split(', ').includes(o.organisation)),
        }));
      });
    },
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
