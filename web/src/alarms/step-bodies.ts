// The handling forms' values → the request bodies of their steps (empty notes left out, text trimmed).
import type { Body, Outcome } from '../api/contract.ts';

export interface NoteForm {
  note: string;
}
export interface ResolveForm {
  outcome: Outcome | '';
  note: string;
}

export type ForwardBody = Body<'/api/v1/alarms/{id}/forward', 'post'>;
export type DispatchBody = Body<'/api/v1/alarms/{id}/dispatch', 'post'>;
export type ResolveBody = Body<'/api/v1/alarms/{id}/resolve', 'post'>;

function note(text: string): { note?: string } {
  const v = text.trim();
  return v ? { note: v } : {};
}

export const forwardBody = (form: NoteForm): ForwardBody => note(form.note);

/** The note is required: left out when empty, so the schema names it at its field. */
export const dispatchBody = (form: NoteForm): DispatchBody => note(form.note) as DispatchBody;

/** Without a chosen outcome the body has none, so the schema names it at its field. */
export const resolveBody = (form: ResolveForm): ResolveBody =>
  ({ ...(form.outcome ? { outcome: form.outcome } : {}), ...note(form.note) }) as ResolveBody;
