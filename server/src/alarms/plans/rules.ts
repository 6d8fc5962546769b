import { createHash } from 'node:crypto';
import type { FieldError } from '../../errors.ts';
import type { AlarmKind } from '../rules.ts';

/** What a step of an action plan asks of the operator; the console names each in the reader's language. */
export const PLAN_ACTIONS = [
  'voice_listen',
  'call_back',
  'forward_police',
  'inform_case_director',
  'inform_caseworker',
  'check_device',
  'other',
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** One step of a region's plan: the region's words, kept as the region wrote them. */
export interface RegionStep {
  id: string;
  action: PlanAction;
  instruction: string;
  /** the police priority to forward with (forward_police only) */
  policePriority?: number;
}

export interface RegionPlan {
  kind: AlarmKind;
  /** 1 = most urgent; the grading report groups alarms by it */
  priority: number;
  steps: RegionStep[];
}

export const MAX_STEPS = 15;

/** Only these kinds can be forwarded to the police (state-machine.ts); a plan for another may not say so. */
const FORWARDABLE: ReadonlySet<AlarmKind> = new Set(['panic', 'tamper']);

/** The plan an alarm follows: a test press (hand-out test mode) follows the test plan, whatever its kind. */
export const planKindOf = (alarm: { kind: AlarmKind; isTest: boolean }): AlarmKind =>
  alarm.isTest ? 'test' : alarm.kind;

/** Refusals of a plan as field errors (empty: the plan is sound). */
export function checkPlan(kind: AlarmKind, steps: readonly Omit<RegionStep, 'id'>[]): FieldError[] {
  const errors: FieldError[] = [];
  if (steps.length === 0)
    errors.push({ field: 'steps', message: 'needs at least one step', code: 'required' });
  if (steps.length > MAX_STEPS)
    errors.push({ field: 'steps', message: `has at most ${MAX_STEPS} steps`, code: 'invalid' });
  const seen = new Set<PlanAction>();
  steps.forEach((step, i) => {
    const at = `steps/${i}`;
    if (!step.instruction.trim())
      errors.push({ field: `${at}/instruction`, message: 'is required', code: 'required' });
    if (step.action !== 'other' && seen.has(step.action))
      errors.push({ field: `${at}/action`, message: 'is already a step of this plan', code: 'invalid' });
    seen.add(step.action);
    if (step.action === 'forward_police') {
      if (!FORWARDABLE.has(kind))
        errors.push({
          field: `${at}/action`,
          message: `a ${kind} alarm is never forwarded`,
          code: 'invalid',
        });
      if (step.policePriority === undefined)
        errors.push({
          field: `${at}/policePriority`,
          message: 'is required to forward',
          code: 'required',
        });
    } else if (step.policePriority !== undefined) {
      errors.push({
        field: `${at}/policePriority`,
        message: 'belongs to a forward step only',
        code: 'invalid',
      });
    }
  });
  return errors;
}

/**
 * What an agreement of the safety plan forbids, read from its words (Dutch and English). A plan line is free
 * text, so this is a reading, not a field: the console always shows the agreement itself as well.
 */
const FORBIDS: readonly { action: PlanAction; pattern: RegExp }[] = [
  {
    action: 'call_back',
    pattern:
      /\b(niet|nooit)\s+(terug\s*)?(bellen|opbellen|terugbellen)\b|\bbel\w*\s+(mij|me|haar|de cliënt|cliënt)?\s*(niet|nooit)\b|\bgeen\s+(terug)?belletje|\b(do not|don't|never)\s+call\b|\bno\s+call\s*-?\s*back\b/i,
  },
];

export function forbiddenBy(agreement: string): PlanAction[] {
  return FORBIDS.filter((f) => f.pattern.test(agreement)).map((f) => f.action);
}

/** A case step's key: stable while the agreement's words stay the same, and naming nothing of them. */
export const agreementKey = (agreement: string) =>
  `case:${createHash('sha256').update(agreement.trim()).digest('hex').slice(0, 16)}`;

export interface Tick {
  stepKey: string;
  done: boolean;
  reason: string | null;
  at: Date;
  byName: string | null;
}

export interface EffectiveStep {
  key: string;
  source: 'region' | 'case';
  action: PlanAction;
  instruction: string;
  policePriority: number | null;
  /** a case agreement forbids this step: never to be done */
  forbidden: boolean;
  /** a case agreement that overrides a step of the region: shown in red above everything */
  alert: boolean;
  /** the newest tick of this step; null while nobody ticked it */
  tick: Omit<Tick, 'stepKey'> | null;
}

/**
 * The plan for one alarm: the case's own agreements first (an overriding one flagged as an alert, the others
 * as steps of their own), then the region's steps, a step an agreement forbids marked as forbidden.
 */
export function effectivePlan(
  region: RegionPlan,
  agreements: readonly string[],
  ticks: readonly Tick[],
): EffectiveStep[] {
  const newest = new Map<string, Omit<Tick, 'stepKey'>>();
  for (const { stepKey, ...tick } of ticks) {
    const before = newest.get(stepKey);
    if (!before || before.at.getTime() <= tick.at.getTime()) newest.set(stepKey, tick);
  }
  const forbidden = new Set<PlanAction>();
  const caseSteps = [...new Set(agreements.map((a) => a.trim()).filter(Boolean))].map((agreement) => {
    const forbids = forbiddenBy(agreement).filter((action) => region.steps.some((s) => s.action === action));
    for (const action of forbids) forbidden.add(action);
    const key = agreementKey(agreement);
    return {
      key,
      source: 'case' as const,
      action: 'other' as const,
      instruction: agreement,
      policePriority: null,
      forbidden: false,
      alert: forbids.length > 0,
      tick: newest.get(key) ?? null,
    };
  });
  caseSteps.sort((a, b) => Number(b.alert) - Number(a.alert));
  const regionSteps = region.steps.map((s) => ({
    key: s.id,
    source: 'region' as const,
    action: s.action,
    instruction: s.instruction,
    policePriority: s.policePriority ?? null,
    forbidden: forbidden.has(s.action),
    alert: false,
    tick: newest.get(s.id) ?? null,
  }));
  return [...caseSteps, ...regionSteps];
}

export type TickRefusal = {
  field: 'stepKey' | 'done' | 'reason';
  message: string;
  code: 'invalid' | 'required';
};

/** Whether a tick may be recorded on this step (null: it may). */
export function checkTick(
  step: EffectiveStep | undefined,
  tick: { done: boolean; reason?: string | undefined },
): TickRefusal | null {
  if (!step) return { field: 'stepKey', message: 'is not a step of this alarm’s plan', code: 'invalid' };
  if (!tick.done && !tick.reason?.trim())
    return { field: 'reason', message: 'is required when a step is not done', code: 'required' };
  if (tick.done && step.forbidden)
    return { field: 'done', message: 'the client’s safety plan forbids this step', code: 'invalid' };
  return null;
}
