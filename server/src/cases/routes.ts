import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../http/auth.ts';
import type { CaseService } from './service.ts';

export function caseRoutes(service: CaseService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/cases', { schema: { tags: ['cases'], summary: 'Cases the caller may see' } }, async (request) =>
      service.list(contextOf(request)),
    );
    app.get(
      '/cases/:id',
      { schema: { tags: ['cases'], params: Type.Object({ id: Type.String({ format: 'uuid' }) }) } },
      async (request) => service.get(contextOf(request), request.params.id),
    );
  };
}
