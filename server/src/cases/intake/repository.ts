import type { Queryable } from '../../db/index.ts';

/** The intake's reads and writes: referral, screening, the joint decision and connection. */

export interface OrganisationRow {
  id: string;
  type: string;
  regionId: string;
  name: string;
}

export async function organisation(tx: Queryable, id: string): Promise<OrganisationRow | null> {
  const r = await tx.query<OrganisationRow>(
    'select id, type, region_id as "regionId", name from organisations where id = $1',
    [id],
  );
  return r.rows[0] ?? null;
}

/** The region's one organisation of this type; null when it has none or several. */
export async function onlyOfType(tx: Queryable, regionId: string, type: string): Promise<string | null> {
  const r = await tx.query<{ id: string }>(
    'select id from organisations where region_id = $1 and type = $2',
    [regionId, type],
  );
  return r.rows.length === 1 ? r.rows[0]!.id : null;
}

export async function addParty(tx: Queryable, caseId: string, organisationId: string, role: string) {
  await tx.query(
    'insert into case_parties (case_id, organisation_id, role) values ($1, $2, $3) on conflict do nothing',
    [caseId, organisationId, role],
  );
}

export async function acuteUnsafetyEnabled(tx: Queryable, regionId: string): Promise<boolean> {
  const r = await tx.query<{ acute: boolean }>(
    'select acute_unsafety_enabled as acute from regions where id = $1',
    [regionId],
  );
  return r.rows[0]?.acute ?? false;
}

export async function insertReferredCase(
  tx: Queryable,
  c: {
    reference: string;
    regionId: string;
    organisationId: string;
    targetGroup: string;
    referrerKind: string;
    referrerOrganisationId: string;
    channel: string;
    summary: string | null;
  },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into cases (reference, region_id, organisation_id, status, target_group, referrer_kind,
       referrer_organisation_id, referral_channel, referral_summary)
     values ($1, $2, $3, 'referral', $4, $5, $6, $7, $8) returning id`,
    [
      c.reference,
      c.regionId,
      c.organisationId,
      c.targetGroup,
      c.referrerKind,
      c.referrerOrganisationId,
      c.channel,
      c.summary,
    ],
  );
  return r.rows[0]!.id;
}

export async function addTeamMember(tx: Queryable, caseId: string, userId: string) {
  await tx.query(`insert into case_team (case_id, user_id, role) values ($1, $2, 'member')`, [
    caseId,
    userId,
  ]);
}

/** phone and address arrive sealed */
export async function insertClient(
  tx: Queryable,
  c: {
    caseId: string;
    name: string;
    language: string;
    phoneSealed: string | null;
    addressSealed: string | null;
  },
) {
  await tx.query(
    `insert into clients (case_id, name, language, phone_sealed, address_sealed) values ($1, $2, $3, $4, $5)`,
    [c.caseId, c.name, c.language, c.phoneSealed, c.addressSealed],
  );
}

export async function insertChild(
  tx: Queryable,
  caseId: string,
  firstName: string,
  birthYear: number | null,
) {
  await tx.query('insert into case_children (case_id, first_name, birth_year) values ($1, $2, $3)', [
    caseId,
    firstName,
    birthYear,
  ]);
}

export async function insertPerpetrator(
  tx: Queryable,
  caseId: string,
  p: {
    name: string;
    description: string | null;
    vehicle: string | null;
    registration: string | null;
    weapons: string | null;
    riskFlags: string[];
  },
) {
  await tx.query(
    `insert into perpetrators (case_id, name, description, vehicle, registration, weapons, risk_flags)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [caseId, p.name, p.description, p.vehicle, p.registration, p.weapons, p.riskFlags],
  );
}

export async function insertBan(tx: Queryable, caseId: string, kind: string, description: string) {
  await tx.query('insert into case_bans (case_id, kind, description) values ($1, $2, $3)', [
    caseId,
    kind,
    description,
  ]);
}

export async function hasPerpetrator(tx: Queryable, caseId: string): Promise<boolean> {
  const r = await tx.query('select 1 from perpetrators where case_id = $1', [caseId]);
  return r.rows.length > 0;
}

export async function saveScreeningItem(
  tx: Queryable,
  caseId: string,
  item: { item: string; holds: boolean; note: string | null; assessedBy: string | null },
) {
  await tx.query(
    `insert into screening_items (case_id, item, holds, note, assessed_by) values ($1, $2, $3, $4, $5)
     on conflict (case_id, item) do update set holds = excluded.holds, note = excluded.note,
       assessed_by = excluded.assessed_by, assessed_at = now()`,
    [caseId, item.item, item.holds, item.note, item.assessedBy],
  );
}

/** One party's agreement with the joint decision; a later answer of the same party replaces it. */
export async function saveAgreement(
  tx: Queryable,
  caseId: string,
  a: { organisationId: string; userId: string | null; outcome: string; note: string | null },
) {
  await tx.query(
    `insert into case_decision_parties (case_id, decision, organisation_id, user_id, outcome, note)
     values ($1, 'grant', $2, $3, $4, $5)
     on conflict (case_id, decision, organisation_id) do update set user_id = excluded.user_id,
       outcome = excluded.outcome, note = excluded.note, agreed_at = now()`,
    [caseId, a.organisationId, a.userId, a.outcome, a.note],
  );
}

export async function grantAgreements(tx: Queryable, caseId: string) {
  const r = await tx.query<{ organisationType: string; outcome: 'granted' | 'rejected' | null }>(
    `select o.type as "organisationType", d.outcome from case_decision_parties d
     join organisations o on o.id = d.organisation_id where d.case_id = $1 and d.decision = 'grant'`,
    [caseId],
  );
  return r.rows;
}

export async function recordDecision(
  tx: Queryable,
  caseId: string,
  d: {
    outcome: string;
    rationale: string;
    at: Date;
    toClient: boolean;
    toReferrer: boolean;
    rejectionAdvice: string | null;
    rejectionReferral: string | null;
    connectionDeadline: string | null;
  },
) {
  await tx.query(
    `update cases set decision = $2, decision_rationale = $3, decided_at = $4::timestamptz,
       decision_communicated_client_at = case when $5::boolean then $4::timestamptz end,
       decision_communicated_referrer_at = case when $6::boolean then $4::timestamptz end,
       rejection_advice = $7, rejection_referral = $8, connection_deadline = $9::date
     where id = $1`,
    [
      caseId,
      d.outcome,
      d.rationale,
      d.at,
      d.toClient,
      d.toReferrer,
      d.rejectionAdvice,
      d.rejectionReferral,
      d.connectionDeadline,
    ],
  );
}

/** Of these users, the active caseworkers and coordinators of the organisation. */
export async function caseworkersAmong(tx: Queryable, userIds: string[], organisationId: string) {
  const r = await tx.query<{ id: string; name: string }>(
    `select distinct u.id, u.display_name as name from users u join memberships m on m.user_id = u.id
     where u.id = any($1::uuid[]) and m.organisation_id = $2 and m.role in ('caseworker', 'coordinator')
       and not u.disabled`,
    [userIds, organisationId],
  );
  return r.rows;
}

/** The case's caseworker and case director, replacing the previous ones. */
export async function assignCaseworker(
  tx: Queryable,
  caseId: string,
  caseworkerId: string,
  directorId: string,
) {
  await tx.query(`delete from case_team where case_id = $1 and role in ('caseworker', 'case_director')`, [
    caseId,
  ]);
  await tx.query(
    `insert into case_team (case_id, user_id, role) values ($1, $2, 'caseworker'), ($1, $3, 'case_director')`,
    [caseId, caseworkerId, directorId],
  );
  await tx.query('update cases set caseworker_id = $2 where id = $1', [caseId, caseworkerId]);
}

export async function recordSignalementSent(tx: Queryable, caseId: string, recipient: string) {
  await tx.query('update cases set signalement_sent_at = now(), signalement_recipient = $2 where id = $1', [
    caseId,
    recipient,
  ]);
}

/** Whether the document is a PDF contract of this case. */
export async function isContractPdf(tx: Queryable, documentId: string, caseId: string): Promise<boolean> {
  const r = await tx.query(
    `select 1 from case_documents where id = $1 and case_id = $2 and kind = 'contract' and media_type = 'application/pdf'`,
    [documentId, caseId],
  );
  return r.rows.length > 0;
}

export async function isCaseDocument(tx: Queryable, documentId: string, caseId: string): Promise<boolean> {
  const r = await tx.query('select 1 from case_documents where id = $1 and case_id = $2', [
    documentId,
    caseId,
  ]);
  return r.rows.length > 0;
}

export async function recordContractSigned(tx: Queryable, caseId: string, signedOn: string) {
  await tx.query('update cases set contract_signed_on = $2 where id = $1', [caseId, signedOn]);
}

export async function recordPrivacyStatementHanded(tx: Queryable, caseId: string, handedOn: string) {
  await tx.query('update cases set privacy_statement_handed_on = $2 where id = $1', [caseId, handedOn]);
}

export async function insertContribution(
  tx: Queryable,
  c: { caseId: string; organisationId: string | null; authorId: string | null; body: string },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into case_contributions (case_id, organisation_id, author_id, body) values ($1, $2, $3, $4) returning id`,
    [c.caseId, c.organisationId, c.authorId, c.body],
  );
  return r.rows[0]!.id;
}

export async function insertRiskAssessment(
  tx: Queryable,
  a: {
    caseId: string;
    instrument: string;
    assessedOn: string;
    assessor: string;
    organisationId: string | null;
    outcomeLevel: string;
    documentId: string | null;
    notes: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into risk_assessments (case_id, instrument, assessed_on, assessor, organisation_id, outcome_level,
       document_id, notes, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      a.caseId,
      a.instrument,
      a.assessedOn,
      a.assessor,
      a.organisationId,
      a.outcomeLevel,
      a.documentId,
      a.notes,
      a.createdBy,
    ],
  );
  return r.rows[0]!.id;
}
