import { decide, type RoleGrant } from '../../access/index.ts';
import { audit } from '../../audit/index.ts';
import type { RequestContext } from '../../context.ts';
import type { Queryable } from '../../db/index.ts';
import { forbidden, invalid } from '../../errors.ts';
import { CHANNEL_NL, REFERRER_NL } from '../labels.ts';
import { nextReference } from '../reference-repository.ts';
import type { TargetGroup } from '../status.ts';
import { recordOnTimeline } from '../timeline.ts';
import { dutchDay } from '../working-days.ts';
import { type IntakeDeps, PARTY_ROLE } from './case-edit.ts';
import {
  acuteUnsafetyEnabled,
  addParty,
  addTeamMember,
  insertBan,
  insertChild,
  insertClient,
  insertPerpetrator,
  insertReferredCase,
  onlyOfType,
  organisation,
} from './repository.ts';

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

const REFERRER_ORG_TYPE: Record<Exclude<ReferrerKind, 'executing_organisation'>, string> = {
  police: 'police',
  veilig_thuis: 'veilig_thuis',
  zvhh: 'zvhh',
};

/** Phase 1: a referral opens the case, with the client, children, perpetrator and bans. */
export function referralCommands({ db, secrets }: IntakeDeps) {
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
        if (input.targetGroup === 'acute_unsafety' && !(await acuteUnsafetyEnabled(tx, executing.regionId))) {
          throw invalid(
            'targetGroup',
            'acute unsafety is not a target group in this region',
            'intake.acuteNotInRegion',
          );
        }
        const referrerId = await referrerOrganisation(tx, input, own, executing.id, executing.regionId);

        const reference = await nextReference(tx, Number(dutchDay(new Date()).slice(0, 4)));
        const caseId = await insertReferredCase(tx, {
          reference,
          regionId: executing.regionId,
          organisationId: executing.id,
          targetGroup: input.targetGroup,
          referrerKind: input.referrerKind,
          referrerOrganisationId: referrerId,
          channel: input.channel,
          summary: input.summary ?? null,
        });
        await addParty(tx, caseId, executing.id, 'executing');
        const referrer = await organisation(tx, referrerId);
        await addParty(tx, caseId, referrerId, PARTY_ROLE[referrer!.type] ?? 'referrer');
        // whoever registers keeps sight of the case: her organisation takes part, a caseworker is on the team
        if (own.organisationId !== executing.id && own.organisationId !== referrerId) {
          await addParty(tx, caseId, own.organisationId, PARTY_ROLE[own.organisationType] ?? 'other');
        }
        if (own.role === 'caseworker' && ctx.actor.id) await addTeamMember(tx, caseId, ctx.actor.id);
        const { client, perpetrator } = input;
        await insertClient(tx, {
          caseId,
          name: client.name,
          language: client.language ?? 'nl',
          phoneSealed: client.phone ? secrets.seal(client.phone) : null,
          addressSealed: client.address ? secrets.seal(client.address) : null,
        });
        for (const child of input.children ?? []) {
          await insertChild(tx, caseId, child.firstName, child.birthYear ?? null);
        }
        await insertPerpetrator(tx, caseId, {
          name: perpetrator.name,
          description: perpetrator.description ?? null,
          vehicle: perpetrator.vehicle ?? null,
          registration: perpetrator.registration ?? null,
          weapons: perpetrator.weapons ?? null,
          riskFlags: perpetrator.riskFlags ?? [],
        });
        for (const ban of input.bans ?? []) await insertBan(tx, caseId, ban.kind, ban.description);
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
  };
}

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
