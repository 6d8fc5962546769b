import { decide, type RoleGrant } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import type { RequestContext } from '../context.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Database, Queryable } from '../db/index.ts';
import { conflict, forbidden, invalid } from '../errors.ts';
import { bumpVersion, type CaseRecord, openCase, requireVersion } from './case-access.ts';
import { missingAgreements, requiredDecisionParties, type ScreeningItem } from './decision-rules.ts';
import { CHANNEL_NL, INSTRUMENT_NL, REFERRER_NL, TASK_NL } from './labels.ts';
import { nextReference } from './reference.ts';
import type { CaseStatus, TargetGroup } from './status.ts';
import { recordOnTimeline } from './timeline.ts';
import { applyTransition } from './transitions.ts';
import { connectionDeadline, dutchDay } from './working-days.ts';

export type ReferrerKind = 'police' | 'veilig_thuis' | 'executing_organisation' | 'zvhh';

export interface NewReferral {
  targetGroup: TargetGroup;
  referrerKind: ReferrerKind;
  referrerOrganisationId?: string;
  executingOrganisationId?: string;
  channel: 'phone' | 'email' | 'in_person' | 'network_meeting' | 'letter' | 'other';
  summary?: string;
  client: { name: string; language?: string; phone?: string; address?: string };
  children?: { firstName: string; birthYear?: number }[];
  perpetrator: {
    name: string;
    description?: string;
    vehicle?: string;
    registration?: string;
    weapons?: string;
    riskFlags?: string[];
  };
  bans?: { kind: 'contact' | 'area'; description: string }[];
}

export interface DecisionInput {
  outcome: 'granted' | 'rejected';
  rationale: string;
  version: number;
  communicatedToClient: boolean;
  communicatedToReferrer: boolean;
  rejectionAdvice?: string;
  rejectionReferral?: string;
  /** set when the police judge that a STOP-gesprek would raise the danger */
  stopTalkSkippedReason?: string;
}

const REFERRER_ORG_TYPE: Record<Exclude<ReferrerKind, 'executing_organisation'>, string> = {
  police: 'police',
  veilig_thuis: 'veilig_thuis',
  zvhh: 'zvhh',
};
const PARTY_ROLE: Record<string, string> = { police: 'police', veilig_thuis: 'veilig_thuis', zvhh: 'zvhh' };

/** Statuses every writing party may move a case to: the intake up to the joint decision. */
const INTAKE_STATUSES: ReadonlySet<CaseStatus> = new Set(['screening', 'decision']);

const userId = (ctx: RequestContext) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);

async function organisation(tx: Queryable, id: string) {
  const r = await tx.query<{ id: string; type: string; regionId: string; name: string }>(
    'select id, type, region_id as "regionId", name from organisations where id = $1',
    [id],
  );
  return r.rows[0] ?? null;
}

async function onlyOfType(tx: Queryable, regionId: string, type: string): Promise<string | null> {
  const r = await tx.query<{ id: string }>(
    'select id from organisations where region_id = $1 and type = $2',
    [regionId, type],
  );
  return r.rows.length === 1 ? r.rows[0]!.id : null;
}

async function addParty(tx: Queryable, caseId: string, organisationId: string, role: string) {
  await tx.query(
    'insert into case_parties (case_id, organisation_id, role) values ($1, $2, $3) on conflict do nothing',
    [caseId, organisationId, role],
  );
}

function requireStatus(c: CaseRecord, allowed: readonly CaseStatus[], what: string) {
  if (!allowed.includes(c.status)) {
    throw conflict(`${what} is not possible in status ${c.status}`, 'case.notInStatus', 'status', {
      status: c.status,
    });
  }
}

/** Phases 1 and 2: referral, screening, joint decision, connection. One transaction per command. */
export function createIntakeService(db: Database, secrets: SecretBox) {
  /** Opens the case for a stale-checked edit: row locked, version compared. */
  async function openForEdit(
    tx: Queryable,
    ctx: RequestContext,
    caseId: string,
    version: number,
    action: 'case.write' | 'case.decide' | 'case.connect' = 'case.write',
  ) {
    const c = await openCase(db, tx, ctx, caseId, action, { forUpdate: true });
    requireVersion(c, version);
    return c;
  }

  async function write(tx: Queryable, ctx: RequestContext, c: CaseRecord, action: string, details = {}) {
    await audit(tx, ctx, { action, access: 'write', recordType: 'case', recordId: c.id, details });
  }

  return {
    async createReferral(ctx: RequestContext, input: NewReferral) {
      return db.transaction(async (tx) => {
        const own = ctx.actor.grants.find(
          (g) => decide({ ...ctx.actor, grants: [g] }, 'case.create').allowed,
        );
        if (!own) throw forbidden('not allowed: case.create');
        const executingId =
          input.executingOrganisationId ??
          (own.organisationType === 'shelter'
            ? own.organisationId
            : await onlyOfType(tx, own.regionId, 'shelter'));
        if (!executingId) throw invalid('executingOrganisationId', 'is required', 'intake.executingRequired');
        const executing = await organisation(tx, executingId);
        if (
          executing?.type !== 'shelter' ||
          !decide(ctx.actor, 'case.create', { regionId: executing.regionId, organisationId: executing.id })
            .allowed
        ) {
          throw invalid(
            'executingOrganisationId',
            'is not an executing organisation you may refer to',
            'intake.executingNotAllowed',
          );
        }
        const region = await tx.query<{ acute: boolean }>(
          'select acute_unsafety_enabled as acute from regions where id = $1',
          [executing.regionId],
        );
        if (input.targetGroup === 'acute_unsafety' && !region.rows[0]?.acute) {
          throw invalid(
            'targetGroup',
            'acute unsafety is not a target group in this region',
            'intake.acuteNotInRegion',
          );
        }
        const referrerId = await referrerOrganisation(tx, input, own, executing.id, executing.regionId);

        const reference = await nextReference(tx, Number(dutchDay(new Date()).slice(0, 4)));
        const r = await tx.query<{ id: string }>(
          `insert into cases (reference, region_id, organisation_id, status, target_group, referrer_kind,
             referrer_organisation_id, referral_channel, referral_summary)
           values ($1, $2, $3, 'referral', $4, $5, $6, $7, $8) returning id`,
          [
            reference,
            executing.regionId,
            executing.id,
            input.targetGroup,
            input.referrerKind,
            referrerId,
            input.channel,
            input.summary ?? null,
          ],
        );
        const caseId = r.rows[0]!.id;
        await addParty(tx, caseId, executing.id, 'executing');
        const referrer = await organisation(tx, referrerId);
        await addParty(tx, caseId, referrerId, PARTY_ROLE[referrer!.type] ?? 'referrer');
        // whoever registers keeps sight of the case: her organisation takes part, a caseworker is on the team
        if (own.organisationId !== executing.id && own.organisationId !== referrerId) {
          await addParty(tx, caseId, own.organisationId, PARTY_ROLE[own.organisationType] ?? 'other');
        }
        if (own.role === 'caseworker' && ctx.actor.id) {
          await tx.query(`insert into case_team (case_id, user_id, role) values ($1, $2, 'member')`, [
            caseId,
            ctx.actor.id,
          ]);
        }
        const { client, perpetrator } = input;
        await tx.query(
          `insert into clients (case_id, name, language, phone_sealed, address_sealed) values ($1, $2, $3, $4, $5)`,
          [
            caseId,
            client.name,
            client.language ?? 'nl',
            client.phone ? secrets.seal(client.phone) : null,
            client.address ? secrets.seal(client.address) : null,
          ],
        );
        for (const child of input.children ?? []) {
          await tx.query('insert into case_children (case_id, first_name, birth_year) values ($1, $2, $3)', [
            caseId,
            child.firstName,
            child.birthYear ?? null,
          ]);
        }
        await tx.query(
          `insert into perpetrators (case_id, name, description, vehicle, registration, weapons, risk_flags)
           values ($1, $2, $3, $4, $5, $6, $7)`,
          [
            caseId,
            perpetrator.name,
            perpetrator.description ?? null,
            perpetrator.vehicle ?? null,
            perpetrator.registration ?? null,
            perpetrator.weapons ?? null,
            perpetrator.riskFlags ?? [],
          ],
        );
        for (const ban of input.bans ?? []) {
          await tx.query('insert into case_bans (case_id, kind, description) values ($1, $2, $3)', [
            caseId,
            ban.kind,
            ban.description,
          ]);
        }
        await recordOnTimeline(tx, {
          caseId,
          kind: 'referral',
          summary: `Aanmelding door ${REFERRER_NL[input.referrerKind]} (${referrer!.name}), ${CHANNEL_NL[input.channel]}`,
          message: {
            code: 'referral',
            params: { referrer: input.referrerKind, organisation: referrer!.name, channel: input.channel },
          },
          actorLabel: ctx.actor.label,
        });
        await audit(tx, ctx, {
          action: 'case.create',
          access: 'write',
          recordType: 'case',
          recordId: caseId,
          details: { reference, targetGroup: input.targetGroup, referrerKind: input.referrerKind },
        });
        return { id: caseId, reference };
      });
    },

    /** Moves the case along the status machine; the reason for a refusal is the machine's. */
    async transition(
      ctx: RequestContext,
      caseId: string,
      input: { to: CaseStatus; rationale: string; version: number },
    ) {
      return db.transaction(async (tx) => {
        // the parties prepare the joint decision together; after it the executing organisation moves the case
        const action = INTAKE_STATUSES.has(input.to) ? 'case.write' : 'case.connect';
        const c = await openForEdit(tx, ctx, caseId, input.version, action);
        if (input.to === 'connecting' || input.to === 'rejected') {
          throw invalid(
            'to',
            'a case is granted or rejected by registering the joint decision',
            'case.decideByDecision',
          );
        }
        if (input.to === 'decision') await addDecisionParties(tx, c);
        const moved = await applyTransition(tx, ctx, c, input.to, input.rationale);
        await write(tx, ctx, c, 'case.transition', { from: c.status, to: input.to });
        return { status: moved.status, version: moved.version };
      });
    },

    async recordScreening(
      ctx: RequestContext,
      caseId: string,
      input: { version: number; items: { item: ScreeningItem; holds: boolean; note?: string }[] },
    ) {
      return db.transaction(async (tx) => {
        const c = await openForEdit(tx, ctx, caseId, input.version);
        requireStatus(c, ['referral', 'screening'], 'screening');
        const seen = new Set<string>();
        for (const [i, item] of input.items.entries()) {
          if (seen.has(item.item)) throw invalid(`items/${i}/item`, 'is given twice', 'screening.itemTwice');
          seen.add(item.item);
          await tx.query(
            `insert into screening_items (case_id, item, holds, note, assessed_by) values ($1, $2, $3, $4, $5)
             on conflict (case_id, item) do update set holds = excluded.holds, note = excluded.note,
               assessed_by = excluded.assessed_by, assessed_at = now()`,
            [caseId, item.item, item.holds, item.note?.trim() || null, userId(ctx)],
          );
        }
        const version = await bumpVersion(tx, caseId);
        await recordOnTimeline(tx, {
          caseId,
          kind: 'screening',
          summary: `Screening bijgewerkt (${input.items.length} punten)`,
          message: { code: 'screening', params: { count: input.items.length } },
          actorLabel: ctx.actor.label,
        });
        await write(tx, ctx, c, 'case.screening', { items: input.items.length });
        return { version };
      });
    },

    /** One party's agreement with granting or rejecting; a later answer of the same party replaces it. */
    async agree(
      ctx: RequestContext,
      caseId: string,
      input: { outcome: 'granted' | 'rejected'; note?: string },
    ) {
      return db.transaction(async (tx) => {
        const c = await openCase(db, tx, ctx, caseId, 'case.decide', { forUpdate: true });
        requireStatus(c, ['decision'], 'agreeing on the decision');
        const grant = decidingGrant(ctx, c);
        if (!grant) throw forbidden('your organisation does not take part in this case', 'decision.notParty');
        await tx.query(
          `insert into case_decision_parties (case_id, decision, organisation_id, user_id, outcome, note)
           values ($1, 'grant', $2, $3, $4, $5)
           on conflict (case_id, decision, organisation_id) do update set user_id = excluded.user_id,
             outcome = excluded.outcome, note = excluded.note, agreed_at = now()`,
          [caseId, grant.organisationId, userId(ctx), input.outcome, input.note?.trim() || null],
        );
        const org = await organisation(tx, grant.organisationId);
        await recordOnTimeline(tx, {
          caseId,
          kind: 'decision',
          summary: `${org!.name} stemt in met ${input.outcome === 'granted' ? 'toekennen' : 'afwijzen'}`,
          message: { code: 'decisionAgreed', params: { organisation: org!.name, outcome: input.outcome } },
          actorLabel: ctx.actor.label,
        });
        await write(tx, ctx, c, 'case.decision.agree', {
          organisationId: grant.organisationId,
          outcome: input.outcome,
        });
        return { organisationId: grant.organisationId, outcome: input.outcome };
      });
    },

    async decide(ctx: RequestContext, caseId: string, input: DecisionInput) {
      return db.transaction(async (tx) => {
        const c = await openForEdit(tx, ctx, caseId, input.version, 'case.decide');
        requireStatus(c, ['decision'], 'a decision');
        if (input.outcome === 'rejected' && !input.rejectionAdvice?.trim()) {
          throw invalid(
            'rejectionAdvice',
            'is required when the request is rejected',
            'decision.rejectionAdviceRequired',
          );
        }
        const required = await requiredDecisionParties(tx, c.regionId);
        const agreements = await tx.query<{
          organisationType: string;
          outcome: 'granted' | 'rejected' | null;
        }>(
          `select o.type as "organisationType", d.outcome from case_decision_parties d
           join organisations o on o.id = d.organisation_id where d.case_id = $1 and d.decision = 'grant'`,
          [caseId],
        );
        const missing = missingAgreements(required, agreements.rows, input.outcome);
        if (missing.length > 0) {
          throw conflict(
            `the joint decision still lacks the agreement of: ${missing.join(', ')}`,
            'decision.agreementsMissing',
            'agreements',
            { parties: missing.join(',') },
          );
        }
        const now = new Date();
        const deadline =
          input.outcome === 'granted' ? connectionDeadline(dutchDay(now), c.targetGroup) : null;
        await tx.query(
          `update cases set decision = $2, decision_rationale = $3, decided_at = $4::timestamptz,
             decision_communicated_client_at = case when $5::boolean then $4::timestamptz end,
             decision_communicated_referrer_at = case when $6::boolean then $4::timestamptz end,
             rejection_advice = $7, rejection_referral = $8, connection_deadline = $9::date
           where id = $1`,
          [
            caseId,
            input.outcome,
            input.rationale,
            now,
            input.communicatedToClient,
            input.communicatedToReferrer,
            input.rejectionAdvice?.trim() || null,
            input.rejectionReferral?.trim() || null,
            deadline,
          ],
        );
        await recordOnTimeline(tx, {
          caseId,
          kind: 'decision',
          summary: `Besluit: ${input.outcome === 'granted' ? 'toegekend' : 'afgewezen'}${
            input.communicatedToClient ? ', gedeeld met cliënt' : ''
          }${input.communicatedToReferrer ? ' en verwijzer' : ''}`,
          message: {
            code: 'decision',
            params: {
              outcome: input.outcome,
              toClient: input.communicatedToClient,
              toReferrer: input.communicatedToReferrer,
            },
          },
          actorLabel: ctx.actor.label,
        });
        if (input.outcome === 'granted') {
          await addDecisionParties(tx, c);
          await createGrantTasks(tx, ctx, c, deadline!, input.stopTalkSkippedReason?.trim() || null);
          await recordOnTimeline(tx, {
            caseId,
            kind: 'deadline',
            summary: `Aansluiten uiterlijk ${deadline} (${c.targetGroup === 'acute_unsafety' ? '2' : '10'} werkdagen)`,
            message: {
              code: 'connectionDeadline',
              params: { date: deadline ?? null, workingDays: c.targetGroup === 'acute_unsafety' ? 2 : 10 },
            },
            actorLabel: ctx.actor.label,
          });
        }
        // registered for every party: each of their case workers, coordinators, VT and police staff is told
        await tx.query(
          `insert into notifications (user_id, kind, case_id)
           select distinct m.user_id, 'case.decision', $1::uuid from memberships m
           join case_parties p on p.organisation_id = m.organisation_id and p.case_id = $1
           where m.role in ('coordinator', 'vt', 'police', 'process_director')
           union select t.user_id, 'case.decision', $1::uuid from case_team t where t.case_id = $1`,
          [caseId],
        );
        const moved = await applyTransition(
          tx,
          ctx,
          c,
          input.outcome === 'granted' ? 'connecting' : 'rejected',
          input.rationale,
        );
        await write(tx, ctx, c, 'case.decide', { outcome: input.outcome });
        return { status: moved.status, version: moved.version, connectionDeadline: deadline };
      });
    },

    /** The coordinator assigns the fixed caseworker (and the case director, by default the same person). */
    async assignCaseworker(
      ctx: RequestContext,
      caseId: string,
      input: { caseworkerId: string; caseDirectorId?: string; version: number },
    ) {
      return db.transaction(async (tx) => {
        const c = await openForEdit(tx, ctx, caseId, input.version);
        if (
          !ctx.actor.grants.some((g) => g.role === 'coordinator' && g.organisationId === c.organisationId)
        ) {
          throw forbidden(
            'only a coordinator of the executing organisation assigns',
            'assign.coordinatorOnly',
          );
        }
        requireStatus(
          c,
          ['referral', 'screening', 'decision', 'connecting', 'active', 'evaluation'],
          'assigning',
        );
        const people = await tx.query<{ id: string; name: string }>(
          `select distinct u.id, u.display_name as name from users u join memberships m on m.user_id = u.id
           where u.id = any($1::uuid[]) and m.organisation_id = $2 and m.role in ('caseworker', 'coordinator')
             and not u.disabled`,
          [[input.caseworkerId, input.caseDirectorId ?? input.caseworkerId], c.organisationId],
        );
        const worker = people.rows.find((p) => p.id === input.caseworkerId);
        if (!worker)
          throw invalid(
            'caseworkerId',
            'is not a caseworker of the executing organisation',
            'assign.notCaseworker',
          );
        const directorId = input.caseDirectorId ?? input.caseworkerId;
        if (!people.rows.some((p) => p.id === directorId)) {
          throw invalid(
            'caseDirectorId',
            'is not a caseworker of the executing organisation',
            'assign.notCaseworker',
          );
        }
        await tx.query(
          `delete from case_team where case_id = $1 and role in ('caseworker', 'case_director')`,
          [caseId],
        );
        await tx.query(
          `insert into case_team (case_id, user_id, role) values ($1, $2, 'caseworker'), ($1, $3, 'case_director')`,
          [caseId, input.caseworkerId, directorId],
        );
        await tx.query('update cases set caseworker_id = $2 where id = $1', [caseId, input.caseworkerId]);
        await tx.query(
          `insert into notifications (user_id, kind, case_id) values ($1, 'case.assigned', $2)`,
          [input.caseworkerId, caseId],
        );
        const version = await bumpVersion(tx, caseId);
        await recordOnTimeline(tx, {
          caseId,
          kind: 'team',
          summary: `Hulpverlener toegewezen: ${worker.name}`,
          message: { code: 'caseworkerAssigned', params: { name: worker.name } },
          actorLabel: ctx.actor.label,
        });
        await write(tx, ctx, c, 'case.assign', {
          caseworkerId: input.caseworkerId,
          caseDirectorId: directorId,
        });
        return { version };
      });
    },

    async recordSignalement(
      ctx: RequestContext,
      caseId: string,
      input: { recipient: string; version: number },
    ) {
      return db.transaction(async (tx) => {
        const c = await openForEdit(tx, ctx, caseId, input.version, 'case.connect');
        requireStatus(c, ['connecting', 'active', 'evaluation'], 'sending the signalement');
        const p = await tx.query('select 1 from perpetrators where case_id = $1', [caseId]);
        if (p.rows.length === 0)
          throw invalid(
            'recipient',
            'there is no perpetrator description to send',
            'signalement.noPerpetrator',
          );
        await tx.query(
          'update cases set signalement_sent_at = now(), signalement_recipient = $2 where id = $1',
          [caseId, input.recipient],
        );
        const version = await bumpVersion(tx, caseId);
        await recordOnTimeline(tx, {
          caseId,
          kind: 'signalement',
          summary: `Signalement verstuurd aan ${input.recipient}`,
          message: { code: 'signalementSent', params: { recipient: input.recipient } },
          actorLabel: ctx.actor.label,
        });
        await write(tx, ctx, c, 'case.signalement', { recipient: input.recipient });
        return { version };
      });
    },

    async recordContract(
      ctx: RequestContext,
      caseId: string,
      input: { signedOn: string; documentId: string; version: number },
    ) {
      return db.transaction(async (tx) => {
        const c = await openForEdit(tx, ctx, caseId, input.version, 'case.connect');
        requireStatus(c, ['connecting', 'active', 'evaluation'], 'recording the contract');
        const doc = await tx.query(
          `select 1 from case_documents where id = $1 and case_id = $2 and kind = 'contract' and media_type = 'application/pdf'`,
          [input.documentId, caseId],
        );
        if (doc.rows.length === 0)
          throw invalid('documentId', 'is not a signed contract (PDF) of this case', 'contract.notSignedPdf');
        if (input.signedOn > dutchDay(new Date()))
          throw invalid('signedOn', 'lies in the future', 'date.future');
        await tx.query('update cases set contract_signed_on = $2 where id = $1', [caseId, input.signedOn]);
        const version = await bumpVersion(tx, caseId);
        await recordOnTimeline(tx, {
          caseId,
          kind: 'contract',
          summary: `Gebruikerscontract getekend op ${input.signedOn}`,
          message: { code: 'contractSigned', params: { date: input.signedOn } },
          actorLabel: ctx.actor.label,
          refType: 'case_document',
          refId: input.documentId,
        });
        await write(tx, ctx, c, 'case.contract', { documentId: input.documentId });
        return { version };
      });
    },

    async recordPrivacyStatement(
      ctx: RequestContext,
      caseId: string,
      input: { handedOn: string; version: number },
    ) {
      return db.transaction(async (tx) => {
        const c = await openForEdit(tx, ctx, caseId, input.version, 'case.connect');
        requireStatus(c, ['connecting', 'active', 'evaluation'], 'recording the privacy statement');
        if (input.handedOn > dutchDay(new Date()))
          throw invalid('handedOn', 'lies in the future', 'date.future');
        await tx.query('update cases set privacy_statement_handed_on = $2 where id = $1', [
          caseId,
          input.handedOn,
        ]);
        const version = await bumpVersion(tx, caseId);
        await recordOnTimeline(tx, {
          caseId,
          kind: 'document',
          summary: `Privacyverklaring uitgereikt op ${input.handedOn}`,
          message: { code: 'privacyStatement', params: { date: input.handedOn } },
          actorLabel: ctx.actor.label,
        });
        await write(tx, ctx, c, 'case.privacy_statement');
        return { version };
      });
    },

    async addContribution(ctx: RequestContext, caseId: string, input: { body: string }) {
      return db.transaction(async (tx) => {
        const c = await openCase(db, tx, ctx, caseId, 'case.write');
        const grant =
          ctx.actor.grants.find((g) => c.parties.includes(g.organisationId)) ?? ctx.actor.grants[0];
        const r = await tx.query<{ id: string }>(
          `insert into case_contributions (case_id, organisation_id, author_id, body) values ($1, $2, $3, $4) returning id`,
          [caseId, grant?.organisationId ?? null, userId(ctx), input.body],
        );
        await recordOnTimeline(tx, {
          caseId,
          kind: 'contribution',
          summary: 'Informatie toegevoegd door een ketenpartner',
          message: { code: 'contribution' },
          actorLabel: ctx.actor.label,
          refType: 'case_contribution',
          refId: r.rows[0]!.id,
        });
        await write(tx, ctx, c, 'case.contribution');
        return { id: r.rows[0]!.id };
      });
    },

    async addRiskAssessment(
      ctx: RequestContext,
      caseId: string,
      input: {
        instrument: 'sash' | 'vt_triage' | 'vt_safety_assessment' | 'gri' | 'other';
        assessedOn: string;
        assessor: string;
        outcomeLevel: string;
        documentId?: string;
        notes?: string;
      },
    ) {
      return db.transaction(async (tx) => {
        const c = await openCase(db, tx, ctx, caseId, 'case.write');
        if (input.assessedOn > dutchDay(new Date()))
          throw invalid('assessedOn', 'lies in the future', 'date.future');
        if (input.documentId) {
          const doc = await tx.query('select 1 from case_documents where id = $1 and case_id = $2', [
            input.documentId,
            caseId,
          ]);
          if (doc.rows.length === 0)
            throw invalid('documentId', 'is not a document of this case', 'document.notInCase');
        }
        const grant =
          ctx.actor.grants.find((g) => c.parties.includes(g.organisationId)) ?? ctx.actor.grants[0];
        const r = await tx.query<{ id: string }>(
          `insert into risk_assessments (case_id, instrument, assessed_on, assessor, organisation_id, outcome_level,
             document_id, notes, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
          [
            caseId,
            input.instrument,
            input.assessedOn,
            input.assessor,
            grant?.organisationId ?? null,
            input.outcomeLevel,
            input.documentId ?? null,
            input.notes ?? null,
            userId(ctx),
          ],
        );
        await recordOnTimeline(tx, {
          caseId,
          kind: 'risk_assessment',
          summary: `${INSTRUMENT_NL[input.instrument]}: ${input.outcomeLevel}`,
          message: {
            code: 'riskAssessment',
            params: { instrument: input.instrument, level: input.outcomeLevel },
          },
          actorLabel: ctx.actor.label,
          refType: 'risk_assessment',
          refId: r.rows[0]!.id,
        });
        await write(tx, ctx, c, 'case.risk_assessment', { instrument: input.instrument });
        return { id: r.rows[0]!.id };
      });
    },
  };

  async function referrerOrganisation(
    tx: Queryable,
    input: NewReferral,
    own: RoleGrant,
    executingId: string,
    regionId: string,
  ): Promise<string> {
    const type =
      input.referrerKind === 'executing_organisation' ? 'shelter' : REFERRER_ORG_TYPE[input.referrerKind];
    let id = input.referrerOrganisationId;
    if (!id) {
      if (input.referrerKind === 'executing_organisation') id = executingId;
      else if (own.organisationType === type) id = own.organisationId;
      else id = (await onlyOfType(tx, regionId, type)) ?? undefined;
    }
    const org = id ? await organisation(tx, id) : null;
    if (!org || org.type !== type || org.regionId !== regionId) {
      throw invalid(
        'referrerOrganisationId',
        `is not a ${REFERRER_NL[input.referrerKind]} organisation of the region`,
        'intake.referrerNotInRegion',
      );
    }
    return org.id;
  }

  /** The organisation on whose behalf the actor decides: one taking part in the case. */
  function decidingGrant(ctx: RequestContext, c: CaseRecord) {
    return ctx.actor.grants.find(
      (g) =>
        (c.parties.includes(g.organisationId) || g.organisationId === c.organisationId) &&
        decide({ ...ctx.actor, grants: [g] }, 'case.decide', {
          regionId: c.regionId,
          organisationId: c.organisationId,
          caseTeam: c.team,
          parties: c.parties,
        }).allowed,
    );
  }

  /** The region's police and Veilig Thuis (and whoever else the covenant names) join the case. */
  async function addDecisionParties(tx: Queryable, c: CaseRecord) {
    const required = await requiredDecisionParties(tx, c.regionId);
    const types = [...new Set([...required, 'police', 'veilig_thuis'])].filter((t) => t !== 'shelter');
    for (const type of types) {
      const id = await onlyOfType(tx, c.regionId, type);
      if (id) await addParty(tx, c.id, id, PARTY_ROLE[type] ?? 'other');
    }
  }

  /** On granting: police flag person and location, police STOP-gesprek (or why not), VT checks contact. */
  async function createGrantTasks(
    tx: Queryable,
    ctx: RequestContext,
    c: CaseRecord,
    deadline: string,
    stopTalkSkippedReason: string | null,
  ) {
    const police = await onlyOfType(tx, c.regionId, 'police');
    const vt = await onlyOfType(tx, c.regionId, 'veilig_thuis');
    const tasks: [string, string | null, string | null][] = [
      ['police_flag', police, null],
      ['police_stop_talk', police, stopTalkSkippedReason],
      ['vt_perpetrator_contact', vt, null],
    ];
    for (const [kind, organisationId, skipped] of tasks) {
      await tx.query(
        `insert into tasks (case_id, kind, description, assignee_organisation_id, due_at, created_by, skipped_reason, done_at)
         values ($1, $2, $3, $4, ($5::date + time '17:00') at time zone 'Europe/Amsterdam', $6, $7::text,
                 case when $7::text is not null then now() end)`,
        [c.id, kind, TASK_NL[kind], organisationId, deadline, userId(ctx), skipped],
      );
      await recordOnTimeline(tx, {
        caseId: c.id,
        kind: 'task',
        summary: skipped ? `${TASK_NL[kind]}: overgeslagen (${skipped})` : `Taak: ${TASK_NL[kind]}`,
        message: skipped
          ? { code: 'taskSkipped', params: { task: kind, reason: skipped } }
          : { code: 'task', params: { task: kind } },
        actorLabel: ctx.actor.label,
      });
    }
  }
}

export type IntakeService = ReturnType<typeof createIntakeService>;
