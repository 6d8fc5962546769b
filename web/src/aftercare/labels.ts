import { type AftercareTask, TASK_KINDS } from '../api/contract.ts';

/**
 * Open tasks: earliest due first (no due date last), then by the order of the after-care steps (a task's
 * kind is any string: meetings add agreements too).
 */
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
