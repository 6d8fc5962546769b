import type { Queryable } from '../db/index.ts';

/** The client of a case as stored: phone, address and photo sealed. */
export interface SealedClientRow {
  name: string;
  language: string;
  phone: string | null;
  address: string | null;
  photo: string | null;
}

/** The perpetrator of a case as stored: the photo sealed. */
export interface SealedPerpetratorRow {
  name: string;
  description: string | null;
  vehicle: string | null;
  registration: string | null;
  weapons: string | null;
  riskFlags: string[];
  photo: string | null;
}

export interface CaseBanRow {
  kind: 'contact' | 'area';
  description: string;
}

export interface CaseChildRow {
  firstName: string;
  birthYear: number | null;
}

export interface EarlierAlarmRow {
  id: string;
  kind: string;
  receivedAt: Date;
  outcome: string | null;
}

export async function sealedClientOf(db: Queryable, caseId: string): Promise<SealedClientRow | undefined> {
  const r = await db.query<SealedClientRow>(
    `select name, language, phone_sealed as phone, address_sealed as address, photo_sealed as photo
       from clients where case_id = $1`,
    [caseId],
  );
  return r.rows[0];
}

export async function sealedPerpetratorOf(
  db: Queryable,
  caseId: string,
): Promise<SealedPerpetratorRow | undefined> {
  const r = await db.query<SealedPerpetratorRow>(
    `select name, description, vehicle, registration, weapons, risk_flags as "riskFlags", photo_sealed as photo
       from perpetrators where case_id = $1`,
    [caseId],
  );
  return r.rows[0];
}

export async function bansOf(db: Queryable, caseId: string): Promise<CaseBanRow[]> {
  const r = await db.query<CaseBanRow>(
    'select kind, description from case_bans where case_id = $1 order by kind, description',
    [caseId],
  );
  return r.rows;
}

export async function childrenOf(db: Queryable, caseId: string): Promise<CaseChildRow[]> {
  const r = await db.query<CaseChildRow>(
    'select first_name as "firstName", birth_year as "birthYear" from case_children where case_id = $1 order by birth_year',
    [caseId],
  );
  return r.rows;
}

/**
 * The ten latest real alarms of the case before this one. Repeated presses are part of their first alarm,
 * not earlier alarms of their own; seen from a repeated press, its own first alarm is the same situation,
 * not an earlier one.
 */
export async function earlierAlarmsOf(
  db: Queryable,
  caseId: string,
  alarmId: string,
): Promise<EarlierAlarmRow[]> {
  const r = await db.query<EarlierAlarmRow>(
    `select id, kind, received_at as "receivedAt", outcome from alarms
       where case_id = $1 and id <> $2 and not is_test and first_alarm_id is null
         and id is distinct from (select first_alarm_id from alarms where id = $2)
       order by received_at desc limit 10`,
    [caseId, alarmId],
  );
  return r.rows;
}
