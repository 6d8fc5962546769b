import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TSchema, Type } from '@sinclair/typebox';
import { contextOf } from '../http/auth.ts';
import type { WorkService } from './work.ts';

const tags = ['cases'];
const Nullable = (t: TSchema) => Type.Union([Type.Null(), t]);
const Id = Type.String({ format: 'uuid' });
const At = Type.String({ format: 'date-time' });

const Task = Type.Object({
  id: Id,
  kind: Type.String(),
  description: Nullable(Type.String()),
  dueAt: At,
  overdue: Type.Boolean(),
  caseId: Id,
  reference: Type.String(),
  assigneeName: Nullable(Type.String()),
  organisationName: Nullable(Type.String()),
  fromMeeting: Type.Boolean(),
});

export const MyWorkReply = Type.Object({
  tasks: Type.Array(Task, { description: 'open tasks of the caller or of their organisation' }),
  decisions: Type.Array(
    Type.Object({
      caseId: Id,
      reference: Type.String(),
      targetGroup: Type.String(),
      referredAt: At,
      agreed: Type.Array(Type.Object({ name: Type.String(), outcome: Type.String() })),
      requiredCount: Type.Integer(),
      awaitingMine: Type.Boolean({ description: "the caller's organisation has not given its answer yet" }),
    }),
    { description: 'cases awaiting the joint decision' },
  ),
  intake: Type.Array(
    Type.Object({
      caseId: Id,
      reference: Type.String(),
      status: Type.String(),
      targetGroup: Type.String(),
      referredAt: At,
    }),
    { description: 'referrals and screenings' },
  ),
  signalements: Type.Array(
    Type.Object({ caseId: Id, reference: Type.String(), status: Type.String(), sentAt: At }),
    { description: 'signalementen received (police only)' },
  ),
  meetings: Type.Array(
    Type.Object({
      id: Id,
      caseId: Id,
      reference: Type.String(),
      heldOn: Type.String({ format: 'date' }),
      kind: Type.String(),
      tasksOpen: Type.Integer(),
      tasksDone: Type.Integer(),
    }),
    { description: 'network meetings of running cases (process director, coordinator)' },
  ),
  meetingTasks: Type.Array(Task, { description: 'open task agreements of network meetings' }),
  overdueTasks: Type.Array(Task, { description: 'overdue tasks over all visible cases (coordinator)' }),
  caseload: Type.Array(
    Type.Object({
      userId: Id,
      name: Type.String(),
      connecting: Type.Integer(),
      active: Type.Integer(),
      evaluation: Type.Integer(),
      overdueTasks: Type.Integer(),
    }),
    { description: "per caseworker of the coordinator's organisation" },
  ),
});

export function workRoutes(service: WorkService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    app.get(
      '/my-work',
      {
        schema: {
          tags,
          summary: "The caller's work over every case they may see, as their home page lists it",
          response: { 200: MyWorkReply },
        },
      },
      async (request) => service.mine(contextOf(request)),
    );
    app.post(
      '/case-tasks/:id/skip',
      {
        schema: {
          tags,
          summary: 'Report a task (the STOP talk) as not done, with the reason',
          params: Type.Object({ id: Id }),
          body: Type.Object(
            { reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ id: Id, skippedReason: Type.String() }) },
        },
      },
      async (request) => service.skipTask(contextOf(request), request.params.id, request.body.reason),
    );
  };
}
