import type { Queryable } from '../db/index.ts';

/** The reads behind the case page (detail.ts decides who sees which). */

const many = async <T>(tx: Queryable, sql: string, params: unknown[]) =>
  (await tx.query<T & Record<string, unknown>>(sql, params)).rows as T[];

export async function caseBase(tx: Queryable, caseId: string) {
  const r = await tx.query<Record<string, unknown>>(
    `select c.referred_at as "referredAt", c.referrer_kind as "referrerKind", ro.name as "referrerOrganisationName",
              c.referral_channel as "referralChannel", c.referral_summary as "referralSummary",
              g.name as "regionName", o.name as "organisationName",
              c.decision, c.decision_rationale as "decisionRationale", c.decided_at as "decidedAt",
              c.decision_communicated_client_at as "communicatedClientAt",
              c.decision_communicated_referrer_at as "communicatedReferrerAt",
              c.rejection_advice as "rejectionAdvice", c.rejection_referral as "rejectionReferral",
              to_char(c.connection_deadline, 'YYYY-MM-DD') as "connectionDeadline",
              c.connection_warned_at as "connectionWarnedAt", c.connection_escalated_at as "connectionEscalatedAt",
              c.signalement_sent_at as "signalementSentAt", c.signalement_recipient as "signalementRecipient",
              c.test_alarm_at as "testAlarmAt", to_char(c.contract_signed_on, 'YYYY-MM-DD') as "contractSignedOn",
              to_char(c.privacy_statement_handed_on, 'YYYY-MM-DD') as "privacyStatementHandedOn",
              c.active_since as "activeSince", c.created_at as "createdAt"
       from cases c join regions g on g.id = c.region_id join organisations o on o.id = c.organisation_id
       left join organisations ro on ro.id = c.referrer_organisation_id where c.id = $1`,
    [caseId],
  );
  return r.rows[0]!;
}

export async function caseClient(tx: Queryable, caseId: string) {
  const r = await tx.query<{ name: string; language: string; phone: string | null; address: string | null }>(
    `select name, language, phone_sealed as phone, address_sealed as address from clients where case_id = $1`,
    [caseId],
  );
  return r.rows;
}

export const caseTeam = (tx: Queryable, caseId: string) =>
  many<{ userId: string; name: string; role: string }>(
    tx,
    `select t.user_id as "userId", u.display_name as name, t.role from case_team t join users u on u.id = t.user_id
     where t.case_id = $1 order by t.added_at, t.role`,
    [caseId],
  );

export const caseParties = (tx: Queryable, caseId: string) =>
  many<{ organisationId: string; name: string; type: string; role: string }>(
    tx,
    `select p.organisation_id as "organisationId", o.name, o.type, p.role from case_parties p
     join organisations o on o.id = p.organisation_id where p.case_id = $1 order by p.added_at, o.name`,
    [caseId],
  );

export const caseChildren = (tx: Queryable, caseId: string) =>
  many<{ id: string; firstName: string; birthYear: number | null }>(
    tx,
    `select id, first_name as "firstName", birth_year as "birthYear" from case_children where case_id = $1 order by birth_year, first_name`,
    [caseId],
  );

export const casePerpetrator = (tx: Queryable, caseId: string) =>
  many<Record<string, unknown>>(
    tx,
    `select name, description, vehicle, registration, weapons, risk_flags as "riskFlags" from perpetrators where case_id = $1`,
    [caseId],
  );

export const caseBans = (tx: Queryable, caseId: string) =>
  many(tx, 'select id, kind, description from case_bans where case_id = $1 order by kind', [caseId]);

export const caseScreening = (tx: Queryable, caseId: string) =>
  many(
    tx,
    `select s.item, s.holds, s.note, s.assessed_at as "assessedAt", u.display_name as "assessedBy"
     from screening_items s left join users u on u.id = s.assessed_by where s.case_id = $1`,
    [caseId],
  );

export const caseAgreements = (tx: Queryable, caseId: string) =>
  many(
    tx,
    `select d.organisation_id as "organisationId", o.name as "organisationName", o.type as "organisationType",
            d.outcome, d.note, u.display_name as "userName", d.agreed_at as "agreedAt"
     from case_decision_parties d join organisations o on o.id = d.organisation_id left join users u on u.id = d.user_id
     where d.case_id = $1 and d.decision = 'grant' order by d.agreed_at`,
    [caseId],
  );

export const caseDevice = (tx: Queryable, caseId: string) =>
  many<Record<string, unknown>>(
    tx,
    `select d.id, d.serial, d.model, d.test_mode as "testMode", a.assigned_at as "assignedAt"
         from device_assignments a join devices d on d.id = a.device_id
         where a.case_id = $1 and a.unassigned_at is null order by a.assigned_at desc limit 1`,
    [caseId],
  );

export const caseRiskAssessments = (tx: Queryable, caseId: string) =>
  many(
    tx,
    `select r.id, r.instrument, to_char(r.assessed_on, 'YYYY-MM-DD') as "assessedOn", r.assessor,
            o.name as "organisationName", r.outcome_level as "outcomeLevel", r.document_id as "documentId", r.notes
     from risk_assessments r left join organisations o on o.id = r.organisation_id where r.case_id = $1
     order by r.assessed_on desc`,
    [caseId],
  );

export const caseContributions = (tx: Queryable, caseId: string) =>
  many(
    tx,
    `select k.id, o.name as "organisationName", u.display_name as "authorName", k.body, k.created_at as "createdAt"
     from case_contributions k left join organisations o on o.id = k.organisation_id left join users u on u.id = k.author_id
     where k.case_id = $1 order by k.created_at desc`,
    [caseId],
  );

export const caseTasks = (tx: Queryable, caseId: string) =>
  many(
    tx,
    `select t.id, t.kind, t.description, t.due_at as "dueAt", t.done_at as "doneAt", t.skipped_reason as "skippedReason",
            o.name as "assigneeOrganisationName", u.display_name as "assigneeName"
     from tasks t left join organisations o on o.id = t.assignee_organisation_id left join users u on u.id = t.assignee_id
     where t.case_id = $1 and t.alarm_id is null order by t.due_at`,
    [caseId],
  );

export const caseTransitions = (tx: Queryable, caseId: string) =>
  many(
    tx,
    `select from_status as "from", to_status as "to", at, actor_label as "actorLabel", rationale
     from case_transitions where case_id = $1 order by at`,
    [caseId],
  );

export const assignableCaseworkers = (tx: Queryable, organisationId: string) =>
  many(
    tx,
    `select distinct u.id, u.display_name as name from memberships m join users u on u.id = m.user_id
         where m.organisation_id = $1 and m.role = 'caseworker' and not u.disabled order by u.display_name`,
    [organisationId],
  );
