import type { RequestContext } from '../context.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Queryable } from '../db/index.ts';
import { type CaseRecord, permissionsOn } from './case-access.ts';
import { requiredDecisionParties } from './decision-rules.ts';
import { allowedNext } from './status.ts';

const many = async <T>(tx: Queryable, sql: string, params: unknown[]) =>
  (await tx.query<T & Record<string, unknown>>(sql, params)).rows as T[];

/**
 * The case page's data. Parties without care rights (the police) get what they need for their part —
 * referral, signalement, bans, decision, connection — but no client contact details and no children.
 */
export async function loadCaseDetail(tx: Queryable, secrets: SecretBox, ctx: RequestContext, c: CaseRecord) {
  const may = permissionsOn(ctx, c);
  const base = (
    await tx.query<Record<string, unknown>>(
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
      [c.id],
    )
  ).rows[0]!;

  const team = await many<{ userId: string; name: string; role: string }>(
    tx,
    `select t.user_id as "userId", u.display_name as name, t.role from case_team t join users u on u.id = t.user_id
     where t.case_id = $1 order by t.added_at, t.role`,
    [c.id],
  );
  const parties = await many<{ organisationId: string; name: string; type: string; role: string }>(
    tx,
    `select p.organisation_id as "organisationId", o.name, o.type, p.role from case_parties p
     join organisations o on o.id = p.organisation_id where p.case_id = $1 order by p.added_at, o.name`,
    [c.id],
  );
  const client = may.careRead
    ? ((
        await tx.query<{ name: string; language: string; phone: string | null; address: string | null }>(
          `select name, language, phone_sealed as phone, address_sealed as address from clients where case_id = $1`,
          [c.id],
        )
      ).rows.map((r) => ({
        name: r.name,
        language: r.language,
        phone: r.phone ? secrets.open(r.phone) : null,
        address: r.address ? secrets.open(r.address) : null,
      }))[0] ?? null)
    : null;
  const children = may.careRead
    ? await many<{ id: string; firstName: string; birthYear: number | null }>(
        tx,
        `select id, first_name as "firstName", birth_year as "birthYear" from case_children where case_id = $1 order by birth_year, first_name`,
        [c.id],
      )
    : [];
  const perpetrator =
    (
      await many<Record<string, unknown>>(
        tx,
        `select name, description, vehicle, registration, weapons, risk_flags as "riskFlags" from perpetrators where case_id = $1`,
        [c.id],
      )
    )[0] ?? null;
  const bans = await many(
    tx,
    'select id, kind, description from case_bans where case_id = $1 order by kind',
    [c.id],
  );
  const screening = await many(
    tx,
    `select s.item, s.holds, s.note, s.assessed_at as "assessedAt", u.display_name as "assessedBy"
     from screening_items s left join users u on u.id = s.assessed_by where s.case_id = $1`,
    [c.id],
  );
  const agreements = await many(
    tx,
    `select d.organisation_id as "organisationId", o.name as "organisationName", o.type as "organisationType",
            d.outcome, d.note, u.display_name as "userName", d.agreed_at as "agreedAt"
     from case_decision_parties d join organisations o on o.id = d.organisation_id left join users u on u.id = d.user_id
     where d.case_id = $1 and d.decision = 'grant' order by d.agreed_at`,
    [c.id],
  );
  const device =
    (
      await many<Record<string, unknown>>(
        tx,
        `select d.id, d.serial, d.model, d.test_mode as "testMode", a.assigned_at as "assignedAt"
         from device_assignments a join devices d on d.id = a.device_id
         where a.case_id = $1 and a.unassigned_at is null order by a.assigned_at desc limit 1`,
        [c.id],
      )
    )[0] ?? null;
  const riskAssessments = await many(
    tx,
    `select r.id, r.instrument, to_char(r.assessed_on, 'YYYY-MM-DD') as "assessedOn", r.assessor,
            o.name as "organisationName", r.outcome_level as "outcomeLevel", r.document_id as "documentId", r.notes
     from risk_assessments r left join organisations o on o.id = r.organisation_id where r.case_id = $1
     order by r.assessed_on desc`,
    [c.id],
  );
  const contributions = await many(
    tx,
    `select k.id, o.name as "organisationName", u.display_name as "authorName", k.body, k.created_at as "createdAt"
     from case_contributions k left join organisations o on o.id = k.organisation_id left join users u on u.id = k.author_id
     where k.case_id = $1 order by k.created_at desc`,
    [c.id],
  );
  const tasks = await many(
    tx,
    `select t.id, t.kind, t.description, t.due_at as "dueAt", t.done_at as "doneAt", t.skipped_reason as "skippedReason",
            o.name as "assigneeOrganisationName", u.display_name as "assigneeName"
     from tasks t left join organisations o on o.id = t.assignee_organisation_id left join users u on u.id = t.assignee_id
     where t.case_id = $1 and t.alarm_id is null order by t.due_at`,
    [c.id],
  );
  const transitions = await many(
    tx,
    `select from_status as "from", to_status as "to", at, actor_label as "actorLabel", rationale
     from case_transitions where case_id = $1 order by at`,
    [c.id],
  );
  const coordinatesHere = ctx.actor.grants.some(
    (g) => g.role === 'coordinator' && g.organisationId === c.organisationId,
  );
  const assignableCaseworkers = coordinatesHere
    ? await many(
        tx,
        `select distinct u.id, u.display_name as name from memberships m join users u on u.id = m.user_id
         where m.organisation_id = $1 and m.role = 'caseworker' and not u.disabled order by u.display_name`,
        [c.organisationId],
      )
    : [];

  const name = (role: string) => {
    const m = team.find((t) => t.role === role);
    return m ? { id: m.userId, name: m.name } : null;
  };
  return {
    id: c.id,
    reference: c.reference,
    status: c.status,
    targetGroup: c.targetGroup,
    version: c.version,
    may: { ...may, assign: coordinatesHere },
    allowedNext: allowedNext(c.status),
    regionId: c.regionId,
    regionName: base.regionName,
    organisationId: c.organisationId,
    organisationName: base.organisationName,
    createdAt: base.createdAt,
    referral: {
      referredAt: base.referredAt,
      referrerKind: base.referrerKind,
      referrerOrganisationName: base.referrerOrganisationName,
      channel: base.referralChannel,
      summary: base.referralSummary,
    },
    caseworker: name('caseworker'),
    caseDirector: name('case_director'),
    team,
    parties,
    client,
    children,
    perpetrator,
    bans,
    screening,
    decision: {
      outcome: base.decision,
      rationale: base.decisionRationale,
      decidedAt: base.decidedAt,
      communicatedClientAt: base.communicatedClientAt,
      communicatedReferrerAt: base.communicatedReferrerAt,
      rejectionAdvice: base.rejectionAdvice,
      rejectionReferral: base.rejectionReferral,
      requiredParties: await requiredDecisionParties(tx, c.regionId),
      agreements,
    },
    connection: {
      deadline: base.connectionDeadline,
      warnedAt: base.connectionWarnedAt,
      escalatedAt: base.connectionEscalatedAt,
      signalementSentAt: base.signalementSentAt,
      signalementRecipient: base.signalementRecipient,
      device,
      testAlarmAt: base.testAlarmAt,
      contractSignedOn: base.contractSignedOn,
      privacyStatementHandedOn: base.privacyStatementHandedOn,
      activeSince: base.activeSince,
    },
    riskAssessments,
    contributions,
    tasks,
    transitions,
    assignableCaseworkers,
  };
}
