import { alarmAgreementsOf } from '../casework/safety-plan/repository.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Queryable } from '../db/index.ts';

/** What the control room sees about a case while an alarm of that case is being handled (seed 004). */
export interface LinkedInfo {
  client: {
    name: string;
    phone: string | null;
    language: string;
    address: string | null;
    photo: string | null;
  } | null;
  perpetrator: {
    name: string;
    description: string | null;
    vehicle: string | null;
    registration: string | null;
    weapons: string | null;
    riskFlags: string[];
    photo: string | null;
  } | null;
  bans: { kind: 'contact' | 'area'; description: string }[];
  children: { firstName: string; age: number | null }[];
  agreements: string[];
  previousAlarms: { id: string; kind: string; receivedAt: Date; outcome: string | null }[];
}

export async function loadLinkedInfo(
  db: Queryable,
  secrets: SecretBox,
  caseId: string,
  alarmId: string,
  now: Date,
): Promise<LinkedInfo> {
  const open = (sealed: string | null) => (sealed ? secrets.open(sealed) : null);
  const [client, perpetrator, bans, children, agreements, previous] = await Promise.all([
    db.query<{
      name: string;
      language: string;
      phone: string | null;
      address: string | null;
      photo: string | null;
    }>(
      `select name, language, phone_sealed as phone, address_sealed as address, photo_sealed as photo
       from clients where case_id = $1`,
      [caseId],
    ),
    db.query<LinkedInfo['perpetrator'] & { photo: string | null }>(
      `select name, description, vehicle, registration, weapons, risk_flags as "riskFlags", photo_sealed as photo
       from perpetrators where case_id = $1`,
      [caseId],
    ),
    db.query<{ kind: 'contact' | 'area'; description: string }>(
      'select kind, description from case_bans where case_id = $1 order by kind, description',
      [caseId],
    ),
    db.query<{ firstName: string; birthYear: number | null }>(
      'select first_name as "firstName", birth_year as "birthYear" from case_children where case_id = $1 order by birth_year',
      [caseId],
    ),
    // "agreements for when the button is pressed" of the safety plan in force
    alarmAgreementsOf(db, caseId),
    db.query<{ id: string; kind: string; receivedAt: Date; outcome: string | null }>(
      // repeated presses are part of their first alarm, not earlier alarms of their own; seen from a repeated
      // press, its own first alarm is the same situation, not an earlier one
      `select id, kind, received_at as "receivedAt", outcome from alarms
       where case_id = $1 and id <> $2 and not is_test and first_alarm_id is null
         and id is distinct from (select first_alarm_id from alarms where id = $2)
       order by received_at desc limit 10`,
      [caseId, alarmId],
    ),
  ]);
  const c = client.rows[0];
  const p = perpetrator.rows[0];
  return {
    client: c
      ? {
          name: c.name,
          language: c.language,
          phone: open(c.phone),
          address: open(c.address),
          photo: open(c.photo),
        }
      : null,
    perpetrator: p ? { ...p, photo: open(p.photo) } : null,
    bans: bans.rows,
    children: children.rows.map((ch) => ({
      firstName: ch.firstName,
      age: ch.birthYear ? now.getUTCFullYear() - ch.birthYear : null,
    })),
    agreements,
    previousAlarms: previous.rows,
  };
}
