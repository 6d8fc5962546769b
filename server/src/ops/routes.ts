import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database } from '../db/index.ts';
import type { Metrics } from '../metrics/registry.ts';

export function opsRoutes(db: Database, metrics: Metrics): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { public: true },
        schema: {
          tags: ['operations'],
          summary: '200 when the database answers, 503 otherwise',
          response: {
            200: Type.Object({ status: Type.Literal('ok') }),
            503: Type.Object({ status: Type.String() }),
          },
        },
      },
      async (_request, reply) => {
        const up = await db.ping(1000);
        metrics.databaseUp.set(up ? 1 : 0);
        return up ? { status: 'ok' as const } : reply.code(503).send({ status: 'database unavailable' });
      },
    );

    app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    });
  };
}

export function metaRoutes(info: {
  demo: boolean;
  version: string;
  mapTileUrl: string | null;
}): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/meta',
      {
        config: { public: true },
        schema: {
          tags: ['operations'],
          response: {
            200: Type.Object({
              demo: Type.Boolean(),
              version: Type.String(),
              mapTileUrl: Type.Union([Type.String(), Type.Null()]),
            }),
          },
        },
      },
      async () => info,
    );
  };
}
