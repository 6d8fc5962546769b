import { alarmAgreementsOf } from '../casework/safety-plan/repository.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Queryable } from '../db/index.ts';
import {
  bansOf,
  childrenOf,
  earlierAlarmsOf,
  sealedClientOf,
  sealedPerpetratorOf,
} from './linked-info-repository.ts';

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
  const [c, p, bans, children, agreements, previous] = await Promise.all([
    sealedClientOf(db, caseId),
    sealedPerpetratorOf(db, caseId),
    bansOf(db, caseId),
    childrenOf(db, caseId),
    // "agreements for when the button is pressed" of the safety plan in force
    alarmAgreementsOf(db, caseId),
    earlierAlarmsOf(db, caseId, alarmId),
  ]);
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
    bans,
    children: children.map((ch) => ({
      firstName: ch.firstName,
      age: ch.birthYear ? now.getUTCFullYear() - ch.birthYear : null,
    })),
    agreements,
    previousAlarms: previous,
  };
}
