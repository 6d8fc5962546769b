import { randomUUID } from 'node:crypto';
import { requireAccess } from '../../access/index.ts';
import { audit } from '../../audit/index.ts';
import { alarmAgreementsOf } from '../../casework/safety-plan/repository.ts';
import type { RequestContext } from '../../context.ts';
import type { Database, Queryable } from '../../db/index.ts';
import { conflict, DomainError, forbidden, invalidFields, notFound } from '../../errors.ts';
import type { Bus } from '../../realtime/bus.ts';
import { touchAlarmStep } from '../handling-repository.ts';
import * as alarms from '../repository.ts';
import { ALARM_KINDS, type AlarmKind } from '../rules.ts';
import { DEFAULT_PLANS } from './defaults.ts';
import * as repo from './repository.ts';
import {
  checkPlan,
  checkTick,
  type EffectiveStep,
  effectivePlan,
  type PlanAction,
  planKindOf,
  type RegionPlan,
  type RegionStep,
} from './rules.ts';

export interface RegionPlanView extends RegionPlan {
  /** false: the region has not written its own plan for this kind and follows the default */
  configured: boolean;
  /** send it back when saving; 0 while the default applies */
  version: number;
}

export interface AlarmPlanView {
  alarmId: string;
  kind: AlarmKind;
  priority: number;
  steps: EffectiveStep[];
}

export interface PlanInput {
  priority: number;
  version: number;
  steps: { id?: string; action: PlanAction; instruction: string; policePriority?: number }[];
}

const view = (kind: AlarmKind, stored: repo.StoredPlanRow | null): RegionPlanView =>
  stored
    ? { kind, priority: stored.priority, steps: stored.steps, configured: true, version: stored.version }
    : { ...DEFAULT_PLANS[kind], configured: false, version: 0 };

/** The plan a region follows for a kind: its own, or the default. */
export async function regionPlanFor(
  db: Queryable,
  regionId: string,
  kind: AlarmKind,
): Promise<RegionPlanView> {
  return view(kind, await repo.storedPlan(db, regionId, kind));
}

/**
 * Action plans (issue 16): a region's steps per alarm kind, edited by its team lead or an administrator; the
 * plan of one alarm, with the case's own agreements on top, worked by the operator who handles it.
 */
export function createActionPlans(db: Database, deps: { bus: Bus }) {
  async function regionOrNotFound(regionId: string) {
    if (!(await repo.regionExists(db, regionId))) throw notFound('region');
  }

  async function listRegion(ctx: RequestContext, regionId: string): Promise<RegionPlanView[]> {
    requireAccess(ctx.actor, 'actionplan.read', { regionId }, true);
    await regionOrNotFound(regionId);
    const stored = await repo.storedPlans(db, regionId);
    return ALARM_KINDS.map((kind) => view(kind, stored.find((s) => s.kind === kind) ?? null));
  }

  async function saveRegion(
    ctx: RequestContext,
    regionId: string,
    kind: AlarmKind,
    input: PlanInput,
  ): Promise<RegionPlanView> {
    requireAccess(ctx.actor, 'actionplan.read', { regionId }, true);
    requireAccess(ctx.actor, 'actionplan.manage', { regionId });
    await regionOrNotFound(regionId);
    const errors = checkPlan(kind, input.steps);
    const ids = input.steps.map((s) => s.id).filter((id): id is string => id !== undefined);
    input.steps.forEach((s, i) => {
      if (s.id !== undefined && ids.indexOf(s.id) !== ids.lastIndexOf(s.id))
        errors.push({ field: `steps/${i}/id`, message: 'names another step too', code: 'invalid' });
    });
    if (errors.length > 0) throw invalidFields(errors);
    // a kept step keeps its id, so its ticks on open alarms still name it; a new step gets one
    const steps: RegionStep[] = input.steps.map((s) => ({
      id: s.id ?? randomUUID(),
      action: s.action,
      instruction: s.instruction.trim(),
      ...(s.policePriority !== undefined ? { policePriority: s.policePriority } : {}),
    }));
    const version = await db.transaction(async (tx) => {
      const saved = await repo.savePlan(tx, {
        regionId,
        kind,
        priority: input.priority,
        steps,
        baseVersion: input.version,
        by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      if (saved === null)
        throw conflict('someone saved this plan first; reload it', 'changedMeanwhile', 'version');
      await audit(tx, ctx, {
        action: 'action_plan.save',
        access: 'write',
        recordType: 'region',
        recordId: regionId,
        details: { kind, version: saved, steps: steps.length, priority: input.priority },
      });
      return saved;
    });
    return { kind, priority: input.priority, steps, configured: true, version };
  }

  /**
   * The alarm, if the caller handles it: an operator of its region (others: 404, the police: 403) who claimed
   * it while it is open (otherwise 403: the plan holds the case's agreements, shown on need to know only).
   */
  async function handled(ctx: RequestContext, q: Queryable, alarmId: string) {
    const facts = await alarms.findAlarmFacts(q, alarmId);
    if (!facts) throw notFound('alarm');
    requireAccess(ctx.actor, 'alarm.read', { regionId: facts.regionId }, true);
    requireAccess(ctx.actor, 'alarm.handle', { regionId: facts.regionId });
    if (facts.state === 'resolved') throw conflict('the alarm is already resolved', 'alarm.resolved');
    if (facts.claimedBy === null || facts.claimedBy !== ctx.actor.id)
      throw forbidden(
        'the plan is shown only to the operator handling this alarm',
        'alarm.caseDetailsWhileHandling',
      );
    return facts;
  }

  async function planOf(q: Queryable, facts: alarms.AlarmFactsRow): Promise<AlarmPlanView> {
    const kind = planKindOf(facts);
    const [region, agreements, ticks] = await Promise.all([
      regionPlanFor(q, facts.regionId, kind),
      facts.caseId ? alarmAgreementsOf(q, facts.caseId) : Promise.resolve([]),
      repo.ticksOf(q, facts.id),
    ]);
    return {
      alarmId: facts.id,
      kind,
      priority: region.priority,
      steps: effectivePlan(region, agreements, ticks),
    };
  }

  async function readAlarmPlan(ctx: RequestContext, alarmId: string): Promise<AlarmPlanView> {
    const facts = await handled(ctx, db, alarmId);
    return db.transaction(async (tx) => {
      // the plan shows the case's agreements: a read of linked case information, with the alarm as reason
      if (facts.caseId)
        await audit(tx, ctx, {
          action: 'case.linked_info.read',
          access: 'read',
          recordType: 'case',
          recordId: facts.caseId,
          reason: `alarm:${alarmId}`,
          details: { view: 'action_plan' },
        });
      return planOf(tx, facts);
    });
  }

  /** One tick: done, or not done with a reason; on the alarm's timeline and in the audit log. */
  async function tick(
    ctx: RequestContext,
    alarmId: string,
    input: { stepKey: string; done: boolean; reason?: string },
  ): Promise<AlarmPlanView> {
    const done = await db.transaction(async (tx) => {
      const facts = await handled(ctx, tx, alarmId);
      const before = await planOf(tx, facts);
      const step = before.steps.find((s) => s.key === input.stepKey);
      const refusal = checkTick(step, input);
      if (refusal || !step)
        throw new DomainError(
          400,
          'Invalid request',
          `${refusal?.field} ${refusal?.message}`,
          refusal ? [refusal] : [],
          { code: refusal?.code ?? 'invalid' },
        );
      const reason = input.done ? null : (input.reason?.trim() ?? null);
      const eventId = await alarms.insertAlarmEvent(tx, {
        alarmId,
        actorId: ctx.actor.id,
        actorLabel: ctx.actor.label,
        from: facts.state,
        to: facts.state,
        kind: 'plan_step',
        ...(reason ? { note: reason } : {}),
      });
      await repo.insertTick(tx, {
        alarmId,
        eventId,
        stepKey: step.key,
        source: step.source,
        action: step.action,
        instruction: step.source === 'region' ? step.instruction : null,
        done: input.done,
        reason,
        actorId: ctx.actor.id!,
      });
      await touchAlarmStep(tx, alarmId);
      await audit(tx, ctx, {
        action: 'alarm.plan_step',
        access: 'write',
        recordType: 'alarm',
        recordId: alarmId,
        details: { step: step.key, source: step.source, action: step.action, done: input.done },
      });
      return { plan: await planOf(tx, facts), eventId, regionId: facts.regionId };
    });
    deps.bus.publish({ type: 'alarm', alarmId, eventId: done.eventId, regionId: done.regionId });
    return done.plan;
  }

  return {
    listRegion,
    saveRegion,
    readAlarmPlan,
    tick,
  };
}

export type ActionPlans = ReturnType<typeof createActionPlans>;
