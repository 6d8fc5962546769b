import type { AftercareTask } from '../api/contract.ts';

/** The after-care steps, in their order (a task's kind is any string: meetings add agreements too). */
export const TASK_KINDS = [
  'aftercare_contact',
  'evaluate_incident',
  'review_safety_plan',
  'support_police_report',
] as const;

/** Open tasks: earliest due first (no due date last), then by the order of the after-care steps. */
export function sortTasks(tasks: readonly AftercareTask[]): AftercareTask[] {
  const due = (t: AftercareTask) => (t.dueAt ? Date.parse(t.dueAt) : Number.POSITIVE_INFINITY);
  const step = (t: AftercareTask) => {
    const i = (TASK_KINDS as readonly string[]).indexOf(t.kind);
    return i === -1 ? TASK_KINDS.length : i;
  };
  return [...tasks].sort(
    (a, b) => due(a) - due(b) || step(a) - step(b) || a.caseReference.localeCompare(b.caseReference),
  );
}
