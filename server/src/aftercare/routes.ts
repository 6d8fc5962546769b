import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../http/auth.ts';
import type { AfterCareService } from './service.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

export function afterCareRoutes(service: AfterCareService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/tasks',
      {
        schema: {
          tags: ['after-care'],
          querystring: Type.Object({ open: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        },
      },
      async (request) => service.tasks(contextOf(request), { open: request.query.open ?? true }),
    );
    app.post('/tasks/:id/done', { schema: { tags: ['after-care'], params: Id } }, async (request) =>
      service.completeTask(contextOf(request), request.params.id),
    );
    app.get('/incidents', { schema: { tags: ['after-care'] } }, async (request) =>
      service.incidents(contextOf(request)),
    );
    app.get('/notifications', { schema: { tags: ['after-care'] } }, async (request) =>
      service.notifications(contextOf(request)),
    );
    app.post(
      '/notifications/:id/read',
      { schema: { tags: ['after-care'], params: Id } },
      async (request, reply) => {
        await service.markRead(contextOf(request), request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
