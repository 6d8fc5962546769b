import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../../http/auth.ts';
import { fromRows } from '../../http/schema.ts';
import { AlarmPlan, PlanBody, RegionPlan, TickBody } from './schemas.ts';
import type { ActionPlans } from './service.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** A region's action plans, and the plan of one alarm with its ticks (issue 16). */
export function actionPlanRoutes(plans: ActionPlans): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/regions/:id/action-plans',
      {
        schema: {
          tags: ['action plans'],
          summary: 'The region’s action plan for every alarm kind (its own, or the default)',
          params: Id,
          response: { 200: Type.Array(RegionPlan) },
        },
      },
      async (request) => fromRows(await plans.listRegion(contextOf(request), request.params.id)),
    );
    app.put(
      '/regions/:id/action-plans',
      {
        schema: {
          tags: ['action plans'],
          summary: 'Replaces the region’s plan for one alarm kind; 409 when it changed since `version`',
          params: Id,
          body: PlanBody,
          response: { 200: RegionPlan },
        },
      },
      async (request) => {
        const { kind, ...input } = request.body;
        return fromRows(await plans.saveRegion(contextOf(request), request.params.id, kind, input));
      },
    );
    app.get(
      '/alarms/:id/plan',
      {
        schema: {
          tags: ['action plans'],
          summary:
            'The plan of an alarm: the client’s agreements first (an overriding one as an alert), then the region’s steps; only for the operator handling it; audited',
          params: Id,
          response: { 200: AlarmPlan },
        },
      },
      async (request) => fromRows(await plans.readAlarmPlan(contextOf(request), request.params.id)),
    );
    app.post(
      '/alarms/:id/plan/ticks',
      {
        schema: {
          tags: ['action plans'],
          summary: 'Ticks a step done, or not done with a reason; time-stamped on the alarm’s timeline',
          params: Id,
          body: TickBody,
          response: { 200: AlarmPlan },
        },
      },
      async (request) => fromRows(await plans.tick(contextOf(request), request.params.id, request.body)),
    );
  };
}
