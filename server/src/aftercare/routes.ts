import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../http/auth.ts';
import { fromRows, NoContent, Nullable, Timestamp, Uuid } from '../http/schema.ts';
import type { AfterCareService } from './service.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

const TaskFields = {
  id: Uuid,
  caseId: Uuid,
  caseReference: Type.String(),
  alarmId: Nullable(Uuid),
  kind: Type.String(),
  dueAt: Timestamp,
  doneAt: Nullable(Timestamp),
};
const Task = Type.Object({ ...TaskFields, description: Nullable(Type.String()) });
const Incident = Type.Object({
  id: Uuid,
  caseId: Uuid,
  caseReference: Type.String(),
  alarmId: Nullable(Uuid),
  occurredAt: Timestamp,
  outcome: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
const Notification = Type.Object({
  id: Uuid,
  kind: Type.String(),
  caseId: Nullable(Uuid),
  caseReference: Nullable(Type.String()),
  alarmId: Nullable(Uuid),
  createdAt: Timestamp,
  readAt: Nullable(Timestamp),
  task: Nullable(Type.Object({ id: Uuid, kind: Type.String(), description: Nullable(Type.String()) })),
});

export function afterCareRoutes(service: AfterCareService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/tasks',
      {
        schema: {
          tags: ['after-care'],
          querystring: Type.Object({ open: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
          response: { 200: Type.Array(Task) },
        },
      },
      async (request) =>
        fromRows(await service.tasks(contextOf(request), { open: request.query.open ?? true })),
    );
    app.post(
      '/tasks/:id/done',
      { schema: { tags: ['after-care'], params: Id, response: { 200: Type.Object(TaskFields) } } },
      async (request) => fromRows(await service.completeTask(contextOf(request), request.params.id)),
    );
    app.get(
      '/incidents',
      { schema: { tags: ['after-care'], response: { 200: Type.Array(Incident) } } },
      async (request) => fromRows(await service.incidents(contextOf(request))),
    );
    app.get(
      '/notifications',
      { schema: { tags: ['after-care'], response: { 200: Type.Array(Notification) } } },
      async (request) => fromRows(await service.notifications(contextOf(request))),
    );
    app.post(
      '/notifications/:id/read',
      { schema: { tags: ['after-care'], params: Id, response: { 204: NoContent } } },
      async (request, reply) => {
        await service.markRead(contextOf(request), request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
