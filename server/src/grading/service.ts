import { requireAccess } from '../access/index.ts';
import { DEFAULT_PLANS } from '../alarms/plans/defaults.ts';
import { storedPlans } from '../alarms/plans/repository.ts';
import type { AlarmKind } from '../alarms/rules.ts';
import { audit } from '../audit/index.ts';
import type { RequestContext } from '../context.ts';
import type { Database } from '../db/index.ts';
import { invalid, invalidFields, notFound } from '../errors.ts';
import { renderGradingPdf } from './pdf.ts';
import * as repo from './repository.ts';
import {
  addDays,
  allStages,
  DEFAULT_NORMS,
  type GradedAlarm,
  type GradingReport,
  isoWeekOf,
  mondayOf,
  type Norm,
  secondsOf,
  weeksBetween,
} from './rules.ts';

/** Most weeks one report spans. */
export const MAX_WEEKS = 26;
/** Most alarms a report lists one by one (the figures count them all). */
export const MAX_LISTED = 1000;

function groupBy<K>(alarms: readonly GradedAlarm[], key: (a: GradedAlarm) => K): Map<K, GradedAlarm[]> {
  const groups = new Map<K, GradedAlarm[]>();
  for (const a of alarms) groups.set(key(a), [...(groups.get(key(a)) ?? []), a]);
  return groups;
}

/** The response grading of a region (issue 16): per ISO week, priority and operator, against its norms. */
export function createGrading(db: Database, clock: () => Date = () => new Date()) {
  async function norms(regionId: string) {
    const stored = await repo.storedNorms(db, regionId);
    return { configured: stored.length > 0, stages: stored.length > 0 ? stored : [...DEFAULT_NORMS] };
  }

  async function regionOrNotFound(regionId: string) {
    const name = await repo.regionName(db, regionId);
    if (name === null) throw notFound('region');
    return name;
  }

  function weekRange(query: { from?: string; to?: string }) {
    const current = isoWeekOf(clock());
    const from = query.from ?? query.to ?? current;
    const to = query.to ?? query.from ?? current;
    const first = mondayOf(from);
    const last = mondayOf(to);
    const errors = [
      ...(first ? [] : [{ field: 'from', message: 'is not an ISO week', code: 'invalid' as const }]),
      ...(last ? [] : [{ field: 'to', message: 'is not an ISO week', code: 'invalid' as const }]),
    ];
    if (errors.length > 0) throw invalidFields(errors);
    if (first! > last!) throw invalid('to', 'lies before from', 'invalid');
    if (weeksBetween(from, to).length > MAX_WEEKS)
      throw invalid('to', `spans more than ${MAX_WEEKS} weeks`, 'invalid');
    return { from, to, fromDay: first!, toDay: addDays(last!, 7) };
  }

  async function build(
    regionId: string,
    region: string,
    range: ReturnType<typeof weekRange>,
  ): Promise<GradingReport> {
    const [rows, plans, n] = await Promise.all([
      repo.gradedAlarms(db, regionId, range.fromDay, range.toDay),
      storedPlans(db, regionId),
      norms(regionId),
    ]);
    const priorityOf = (kind: string) =>
      plans.find((p) => p.kind === kind)?.priority ?? DEFAULT_PLANS[kind as AlarmKind]?.priority ?? 5;
    const alarms: GradedAlarm[] = rows.map((r) => ({
      id: r.id,
      week: isoWeekOf(r.receivedAt),
      kind: r.kind,
      priority: priorityOf(r.kind),
      receivedAt: r.receivedAt,
      operatorName: r.operatorName,
      seconds: secondsOf(r.receivedAt, {
        shown: r.shownAt,
        claimed: r.claimedAt,
        voice: r.voiceAt,
        forwarded: r.forwardedAt,
        dispatched: r.dispatchedAt,
        on_scene: r.onSceneAt,
      }),
    }));
    const stats = (group: readonly GradedAlarm[]) =>
      allStages(
        group.map((a) => a.seconds),
        n.stages,
      );
    const byWeek = groupBy(alarms, (a) => a.week);
    return {
      regionId,
      region,
      from: range.from,
      to: range.to,
      norms: n,
      total: alarms.length,
      overall: stats(alarms),
      weeks: weeksBetween(range.from, range.to).map((week) => {
        const group = byWeek.get(week) ?? [];
        return { week, alarms: group.length, stages: stats(group) };
      }),
      byPriority: [...groupBy(alarms, (a) => a.priority)]
        .sort(([a], [b]) => a - b)
        .map(([priority, group]) => ({ priority, alarms: group.length, stages: stats(group) })),
      byOperator: [...groupBy(alarms, (a) => a.operatorName)]
        .sort(([a], [b]) => (a ?? '\uffff').localeCompare(b ?? '\uffff', 'nl'))
        .map(([operatorName, group]) => ({ operatorName, alarms: group.length, stages: stats(group) })),
      alarms: alarms.slice(-MAX_LISTED).reverse(),
    };
  }

  async function open(
    ctx: RequestContext,
    regionId: string,
    query: { from?: string; to?: string },
    view: string,
  ) {
    requireAccess(ctx.actor, 'grading.read', { regionId }, true);
    const region = await regionOrNotFound(regionId);
    const range = weekRange(query);
    await db.transaction((tx) =>
      audit(tx, ctx, {
        action: 'grading.read',
        access: 'read',
        recordType: 'region',
        recordId: regionId,
        details: { view, from: range.from, to: range.to },
      }),
    );
    return build(regionId, region, range);
  }

  return {
    report: (ctx: RequestContext, regionId: string, query: { from?: string; to?: string }) =>
      open(ctx, regionId, query, 'report'),

    /** The week's report as a Dutch PDF for the alarm centre's manager. */
    async weekPdf(ctx: RequestContext, regionId: string, week: string | undefined) {
      const report = await open(ctx, regionId, { from: week, to: week }, 'pdf');
      const printedFor = (await repo.displayName(db, ctx.actor.id)) ?? ctx.actor.label;
      return {
        filename: `aware-responsbeoordeling-${report.from}.pdf`,
        bytes: await renderGradingPdf(report, { printedFor, at: clock() }),
      };
    },

    async norms(ctx: RequestContext, regionId: string) {
      requireAccess(ctx.actor, 'grading.manage', { regionId }, true);
      await regionOrNotFound(regionId);
      return norms(regionId);
    },

    async saveNorms(ctx: RequestContext, regionId: string, stages: Norm[]) {
      requireAccess(ctx.actor, 'grading.manage', { regionId }, true);
      await regionOrNotFound(regionId);
      const errors = stages.flatMap((s, i) => {
        const problems = [];
        if (stages.findIndex((o) => o.stage === s.stage) !== i)
          problems.push({ field: `stages/${i}/stage`, message: 'is named twice', code: 'invalid' as const });
        if (s.within30 === null && s.within60 === null)
          problems.push({
            field: `stages/${i}/within30`,
            message: 'needs a norm',
            code: 'required' as const,
          });
        if (s.within30 !== null && s.within60 !== null && s.within30 > s.within60)
          problems.push({
            field: `stages/${i}/within30`,
            message: 'cannot exceed the share within 60 s',
            code: 'invalid' as const,
          });
        return problems;
      });
      if (errors.length > 0) throw invalidFields(errors);
      await db.transaction(async (tx) => {
        await repo.replaceNorms(tx, regionId, stages);
        await audit(tx, ctx, {
          action: 'grading.norms.save',
          access: 'write',
          recordType: 'region',
          recordId: regionId,
          details: { stages: stages.map((s) => s.stage) },
        });
      });
      return norms(regionId);
    },
  };
}

export type Grading = ReturnType<typeof createGrading>;
