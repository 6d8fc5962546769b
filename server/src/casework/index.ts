import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../db/index.ts';
import type { DeviceDirectory } from '../devices/directory.ts';
import { conversationRoutes } from './conversations/routes.ts';
import { createConversationService } from './conversations/service.ts';
import { evaluationRoutes } from './evaluation/routes.ts';
import { createEvaluationService } from './evaluation/service.ts';
import { formRoutes } from './forms/routes.ts';
import { createFormService } from './forms/service.ts';
import { incidentLogRoutes } from './incident-log/routes.ts';
import { createIncidentLogService } from './incident-log/service.ts';
import { createMeetingService } from './network/meetings.ts';
import { networkRoutes } from './network/routes.ts';
import { createTaskSweep } from './network/task-sweep.ts';
import { createTeamService } from './network/team.ts';
import { safetyPlanRoutes } from './safety-plan/routes.ts';
import { createSafetyPlanService } from './safety-plan/service.ts';
import { supportReferralRoutes } from './support-referrals/routes.ts';
import { createSupportReferralService } from './support-referrals/service.ts';

export { TASK_SWEEP_MS } from './network/task-sweep.ts';

/** Phases 3-4 of the case (carrying out, network collaboration, evaluation and closure): routes and the task sweep. */
export function createCasework(db: Database, directory: DeviceDirectory, publicUrl?: string) {
  const routes: FastifyPluginAsyncTypebox[] = [
    conversationRoutes(createConversationService(db)),
    safetyPlanRoutes(createSafetyPlanService(db)),
    formRoutes(createFormService(db)),
    incidentLogRoutes(createIncidentLogService(db)),
    supportReferralRoutes(createSupportReferralService(db)),
    networkRoutes(createTeamService(db), createMeetingService(db)),
    evaluationRoutes(createEvaluationService(db, directory)),
  ];
  return { routes, taskSweep: createTaskSweep(db, publicUrl) };
}
