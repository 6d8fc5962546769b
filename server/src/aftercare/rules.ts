/** The four follow-up tasks after a genuine alarm (seed 000, phase 3B), with their due times. */
export const AFTER_ALARM_TASKS = [
  { kind: 'aftercare_contact', dueHours: 24 },
  { kind: 'evaluate_incident', dueHours: 72 },
  { kind: 'support_police_report', dueHours: 72 },
  { kind: 'review_safety_plan', dueHours: 7 * 24 },
] as const;

export type TaskKind = (typeof AFTER_ALARM_TASKS)[number]['kind'];

export const OUTCOME_LABELS_NL: Record<string, string> = {
  arrest_in_act: 'aanhouding op heterdaad',
  perpetrator_gone: 'pleger vertrokken',
  no_threat: 'geen dreiging aangetroffen',
  pressed_by_accident: 'per ongeluk ingedrukt',
  technical_fault: 'technische storing',
  test: 'test',
  other: 'anders',
};

export function tasksDue(resolvedAt: Date) {
  return AFTER_ALARM_TASKS.map((t) => ({
    kind: t.kind,
    dueAt: new Date(resolvedAt.getTime() + t.dueHours * 3_600_000),
  }));
}
