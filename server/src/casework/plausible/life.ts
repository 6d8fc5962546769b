import type { Queryable } from '../../db/index.ts';
import { type FieldError, invalidFields } from '../../errors.ts';
import { referralDay } from './repository.ts';
import type { CaseLife } from './rules.ts';

/** The referral day of the case and the present moment, both as the Netherlands counts them. */
export async function caseLife(tx: Queryable, caseId: string, now = new Date()): Promise<CaseLife> {
  return { referredOn: await referralDay(tx, caseId), ...dutchNow(now) };
}

/** Today and the time of day in the Netherlands. */
export function dutchNow(now = new Date()): { today: string; nowTime: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const p = (type: string) => parts.find((x) => x.type === type)!.value;
  return { today: `${p('year')}-${p('month')}-${p('day')}`, nowTime: `${p('hour')}:${p('minute')}` };
}

/** Refuses the request (400) with every field error at once, so the form can show them all. */
export function refuseIf(errors: FieldError[]): void {
  if (errors.length === 0) return;
  throw invalidFields(errors);
}
