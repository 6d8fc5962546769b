import type { FieldError } from '../../errors.ts';
import type { RefusalCode } from '../../refusals.ts';

/**
 * Plausibility of what a professional records on a case. Every rule answers field errors with a code the
 * web app shows in the reader's language (casework.json → `casework.refusals.<code>`); the English message
 * is for API readers. Dates are calendar dates in the Netherlands (YYYY-MM-DD), times HH:MM.
 */

/** The bounds of a case's life: the day it was referred and today (both Europe/Amsterdam). */
export interface CaseLife {
  referredOn: string;
  today: string;
  /** the current time of day in the Netherlands, HH:MM */
  nowTime: string;
}

const refusal = (
  field: string,
  code: RefusalCode,
  message: string,
  params?: Record<string, string>,
): FieldError => ({ field, code, message, ...(params ? { params } : {}) });

const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));

/** Calendar arithmetic on YYYY-MM-DD without time zones. */
export function yearsBefore(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

/**
 * Something that happened on the case itself (a conversation, an evaluation, a goal): not before the case
 * was referred and not after today.
 */
export function checkCaseDate(field: string, date: string | null | undefined, life: CaseLife): FieldError[] {
  if (!date) return [refusal(field, 'date.required', 'is required')];
  if (!isDate(date)) return [refusal(field, 'date.invalid', 'is not a date')];
  if (date > life.today) return [refusal(field, 'date.future', 'lies in the future')];
  if (date < life.referredOn)
    return [
      refusal(field, 'date.beforeCase', `lies before the case was referred (${life.referredOn})`, {
        referredOn: life.referredOn,
      }),
    ];
  return [];
}

/**
 * How long before the referral an incident in her log may lie: the stalking that led to the referral is
 * exactly what a police report needs, but not an incident from before the stalking could have started.
 */
export const INCIDENT_HISTORY_YEARS = 5;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * An incident: on a date within five years before the referral up to today, at a known time of day or at
 * none (an unknown time stays unknown); a time later today is in the future too.
 */
export function checkIncidentMoment(
  date: string | null | undefined,
  time: string | null | undefined,
  life: CaseLife,
): FieldError[] {
  if (!date) return [refusal('occurredOn', 'date.required', 'is required')];
  if (!isDate(date)) return [refusal('occurredOn', 'date.invalid', 'is not a date')];
  if (date > life.today) return [refusal('occurredOn', 'date.future', 'lies in the future')];
  const earliest = yearsBefore(life.referredOn, INCIDENT_HISTORY_YEARS);
  if (date < earliest)
    return [
      refusal(
        'occurredOn',
        'date.beforeIncidentHistory',
        `lies more than ${INCIDENT_HISTORY_YEARS} years before the referral (${life.referredOn})`,
        { earliest, referredOn: life.referredOn },
      ),
    ];
  if (time) {
    if (!TIME.test(time)) return [refusal('occurredTime', 'time.invalid', 'is not a time (HH:MM)')];
    if (date === life.today && time > life.nowTime)
      return [refusal('occurredTime', 'time.future', 'lies later today')];
  }
  return [];
}

const blank = (s: string | null | undefined) => !s || s.trim() === '';

/** Text that must be there: a conversation's observation, an incident's description. */
export function checkRequiredText(
  field: string,
  text: string | null | undefined,
  code: RefusalCode,
): FieldError[] {
  return blank(text) ? [refusal(field, code, 'is required')] : [];
}

/** A conversation says what was seen or said: the observation is its content. */
export const checkConversationContent = (observation: string | null | undefined) =>
  checkRequiredText('observation', observation, 'conversation.contentRequired');

/** An incident says what happened. */
export const checkIncidentDescription = (whatHappened: string | null | undefined) =>
  checkRequiredText('whatHappened', whatHappened, 'incident.descriptionRequired');

export interface EvaluationAnswers {
  safetyScale?: string | null;
  clientSafetyRating?: number | null;
  caseworkerRating?: number | null;
  collaborationRating?: number | null;
  notes?: string | null;
}

/** An evaluation answers at least one of its questions. */
export function checkEvaluationAnswers(a: EvaluationAnswers): FieldError[] {
  const answered =
    !blank(a.safetyScale) ||
    [a.clientSafetyRating, a.caseworkerRating, a.collaborationRating].some(
      (r) => r !== null && r !== undefined,
    ) ||
    !blank(a.notes);
  return answered
    ? []
    : [refusal('safetyScale', 'evaluation.empty', 'answer at least one question of the evaluation')];
}

/**
 * A new version of the safety plan after the first changes something and says why; a first version needs
 * no reason (there is nothing it changes).
 */
export function checkPlanVersion(isFirst: boolean, changed: boolean, reason: string | null | undefined) {
  if (isFirst) return [];
  const errors: FieldError[] = [];
  if (!changed) errors.push(refusal('content', 'plan.unchanged', 'is the same as the version in force'));
  if (blank(reason)) errors.push(refusal('reason', 'plan.reasonRequired', 'say why the plan changes'));
  return errors;
}

/**
 * A correction changes at least one field and says why. `before` and `after` hold the corrected fields
 * only (values compared as they are stored).
 */
export function checkCorrection(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  reason: string | null | undefined,
): { errors: FieldError[]; changed: string[] } {
  const changed = Object.keys(after).filter((k) => (before[k] ?? null) !== (after[k] ?? null));
  const errors: FieldError[] = [];
  if (blank(reason)) errors.push(refusal('reason', 'correction.reasonRequired', 'say why this is corrected'));
  if (changed.length === 0)
    errors.push(refusal('reason', 'correction.unchanged', 'nothing differs from the recorded version'));
  return { errors, changed };
}
