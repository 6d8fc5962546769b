import type { RequestContext } from '../context.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Queryable } from '../db/index.ts';
import { type CaseRecord, permissionsOn } from './case-access.ts';
import { requiredDecisionParties } from './decision-rules.ts';
import * as repo from './detail-repository.ts';
import { allowedNext } from './status.ts';

/**
 * The case page's data. Parties without care rights (the police) get what they need for their part —
 * referral, signalement, bans, decision, connection — but no client contact details and no children.
 */
export async function loadCaseDetail(tx: Queryable, secrets: SecretBox, ctx: RequestContext, c: CaseRecord) {
  const may = permissionsOn(ctx, c);
  const base = await repo.caseBase(tx, c.id);

  const team = await repo.caseTeam(tx, c.id);
  const parties = await repo.caseParties(tx, c.id);
  const client = may.careRead
    ? ((await repo.caseClient(tx, c.id)).map((r) => ({
        name: r.name,
        language: r.language,
        phone: r.phone ? secrets.open(r.phone) : null,
        address: r.address ? secrets.open(r.address) : null,
      }))[0] ?? null)
    : null;
  const children = may.careRead ? await repo.caseChildren(tx, c.id) : [];
  const perpetrator = (await repo.casePerpetrator(tx, c.id))[0] ?? null;
  const bans = await repo.caseBans(tx, c.id);
  const screening = await repo.caseScreening(tx, c.id);
  const agreements = await repo.caseAgreements(tx, c.id);
  const device = (await repo.caseDevice(tx, c.id))[0] ?? null;
  const riskAssessments = await repo.caseRiskAssessments(tx, c.id);
  const contributions = await repo.caseContributions(tx, c.id);
  const tasks = await repo.caseTasks(tx, c.id);
  const transitions = await repo.caseTransitions(tx, c.id);
  const coordinatesHere = ctx.actor.grants.some(
    (g) => g.role === 'coordinator' && g.organisationId === c.organisationId,
  );
  const assignableCaseworkers = coordinatesHere ? await repo.assignableCaseworkers(tx, c.organisationId) : [];

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
