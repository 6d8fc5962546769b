// Form values → request bodies of the casework routes: numbers from their text, lines to lists, empty text
// to null (as the routes take it). Pure, so that the form's schema check and the save send the same body.
import type { Body } from '../api/contract.ts';

/** The values of a correction form: its fields by name, text or ticked. */
export type Values = Record<string, string | boolean>;

/** Splits a textarea into its non-empty lines (one plan item per line). */
export const linesOf = (lines: string) =>
  lines
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const text = (v: unknown) => String(v ?? '');
const orNull = (v: unknown) => text(v) || null;
/** "7,5" → 7.5; "" → null; not a number → NaN (which the form's rule names). */
export const ratingOf = (v: unknown) => (text(v) === '' ? null : Number(text(v).replace(',', '.')));

type ConversationBody = Body<'/api/v1/cases/{id}/conversations', 'post'>;
export type ConversationKind = ConversationBody['kind'];
export interface ConversationValues {
  heldOn: string;
  kind: ConversationKind;
  childId: string;
  durationMinutes: string;
  observation: string;
  interpretation: string;
}

export const conversationBody = (v: ConversationValues): ConversationBody => ({
  heldOn: v.heldOn,
  kind: v.kind,
  childId: v.kind === 'child' ? v.childId || null : null,
  durationMinutes: Number(v.durationMinutes),
  observation: orNull(v.observation),
  interpretation: orNull(v.interpretation),
});

export const conversationCorrectionBody = (v: Values) => ({
  heldOn: text(v.heldOn),
  durationMinutes: Number(v.durationMinutes),
  observation: orNull(v.observation),
  interpretation: orNull(v.interpretation),
});

/** The fields an incident form and an incident correction share, named as the body names them. */
export interface IncidentValues {
  occurredOn: string;
  occurredTime: string;
  whatHappened: string;
  place: string;
  witnesses: string;
  reportedToPolice: boolean;
  policeReportNumber: string;
}

const incidentFields = (v: { [K in keyof IncidentValues]?: unknown }) => ({
  occurredOn: text(v.occurredOn),
  occurredTime: orNull(v.occurredTime),
  place: orNull(v.place),
  whatHappened: text(v.whatHappened),
  witnesses: orNull(v.witnesses),
  reportedToPolice: v.reportedToPolice === true,
  policeReportNumber: orNull(v.policeReportNumber),
});

export const incidentCorrectionBody = (v: Values) => incidentFields(v);

export const incidentBody = (
  v: IncidentValues & { evidenceDocumentIds: string[] },
): Body<'/api/v1/cases/{id}/incident-log', 'post'> => ({
  ...incidentFields(v),
  evidenceDocumentIds: v.evidenceDocumentIds,
});

type EvaluationBody = Body<'/api/v1/cases/{id}/evaluations', 'post'>;
export const evaluationCorrectionBody = (v: Values) => ({
  evaluatedOn: text(v.evaluatedOn),
  safetyScale: orNull(v.safetyScale) as EvaluationBody['safetyScale'],
  clientSafetyRating: ratingOf(v.clientSafetyRating),
  caseworkerRating: ratingOf(v.caseworkerRating),
  collaborationRating: ratingOf(v.collaborationRating),
  notes: orNull(v.notes),
});

export interface EvaluationValues {
  evaluatedOn: string;
  moment: EvaluationBody['moment'];
  safetyScale: string;
  clientSafetyRating: string;
  caseworkerRating: string;
  collaborationRating: string;
  notes: string;
}

export const evaluationBody = ({ moment, ...v }: EvaluationValues): EvaluationBody => ({
  ...evaluationCorrectionBody(v),
  moment,
});

type PlanBody = Body<'/api/v1/cases/{id}/safety-plan', 'post'>;
export type PlanSection = keyof NonNullable<PlanBody['content']>;
export interface PlanValues {
  /** one textarea per section, one item per line */
  content: Record<PlanSection, string>;
  reason: string;
}

/** Each section's lines, in the given order of sections. */
export const planContent = (
  sections: readonly PlanSection[],
  content: Partial<Record<PlanSection, string>>,
) => Object.fromEntries(sections.map((s) => [s, linesOf(content[s] ?? '')])) as Record<PlanSection, string[]>;

export const planBody = (sections: readonly PlanSection[], baseVersion: number, v: PlanValues): PlanBody => ({
  baseVersion,
  content: planContent(sections, v.content),
  reason: v.reason || null,
});

type FormBody = Body<'/api/v1/cases/{id}/forms', 'post'>;
export interface CaseFormValues {
  content: Record<string, string | boolean>;
  reason: string;
}

/** A new version of a handbook form: the answers given (an empty answer left out); a later one says why. */
export const caseFormBody = (
  form: { kind: FormBody['kind']; childId: string | null; baseVersion: number },
  v: CaseFormValues,
): FormBody => ({
  kind: form.kind,
  childId: form.childId,
  baseVersion: form.baseVersion,
  content: Object.fromEntries(Object.entries(v.content).filter(([, answer]) => answer !== '')),
  reason: form.baseVersion > 0 ? v.reason : null,
});

type ReferralBody = Body<'/api/v1/cases/{id}/support-referrals', 'post'>;
export interface ReferralValues {
  referredOn: string;
  kind: ReferralBody['kind'];
  toWhom: string;
  reason: string;
}
export const referralBody = (v: ReferralValues): ReferralBody => ({ ...v, reason: orNull(v.reason) });

type MeetingBody = Body<'/api/v1/cases/{id}/meetings', 'post'>;
type Participant = MeetingBody['participants'][number];
export interface MeetingValues {
  heldOn: string;
  kind: MeetingBody['kind'];
  chair: string;
  decisions: string;
  participants: { kind: Participant['kind']; name: string; organisation: string }[];
  tasks: { description: string; assigneeId: string; dueOn: string }[];
}

/** The meeting as recorded: only the participants with a name; a task without an assignee is nobody's yet. */
export const meetingBody = (v: MeetingValues): MeetingBody => ({
  heldOn: v.heldOn,
  kind: v.kind,
  chair: orNull(v.chair),
  decisions: orNull(v.decisions),
  participants: v.participants
    .filter((p) => p.name.trim())
    .map((p) => ({ kind: p.kind, name: p.name, organisation: orNull(p.organisation) })),
  tasks: v.tasks.map((task) => ({
    description: task.description,
    dueOn: task.dueOn,
    assigneeId: orNull(task.assigneeId),
  })),
});
