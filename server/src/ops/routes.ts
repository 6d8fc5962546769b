import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Metrics } from '../metrics/registry.ts';
import type { DatabaseWatch } from './database-watch.ts';
import type { Leadership } from './leader.ts';
import type { Startup } from './startup.ts';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * Metrics reveal when alarms happen (a panic counter that moves), so they answer only scrapers on this
 * host or those presenting AWARE_METRICS_TOKEN.
 */
function mayScrape(ip: string, authorization: string | undefined, token: string | undefined): boolean {
  if (LOOPBACK.test(ip)) return true;
  return token !== undefined && authorization === `Bearer ${token}`;
}

const Details = {
  database: Type.Optional(Type.Union([Type.Literal('up'), Type.Literal('down')])),
  leader: Type.Optional(Type.Boolean({ description: 'this node runs the sweeps' })),
  mail: Type.Optional(
    Type.Union([Type.Literal('on'), Type.Literal('off')], { description: 'off: AWARE_SMTP_URL is not set' }),
  ),
  replication: Type.Optional(
    Type.Union(
      [
        Type.Literal('synchronous'),
        Type.Literal('waiting for standby'),
        Type.Literal('primary only'),
        Type.Literal('single host'),
      ],
      {
        description:
          'synchronous: an acknowledged alarm is on the primary and a synchronous standby; waiting for standby: commits wait for a synchronous standby that does not confirm them, so alarms are not stored or acknowledged until Patroni runs the primary alone or the standby is back; primary only: on one host (the standby is gone); single host: one database host by design',
      },
    ),
  ),
};

export function opsRoutes(
  databaseWatch: Pick<DatabaseWatch, 'current' | 'reason' | 'replication'>,
  startup: Pick<Startup, 'pending'>,
  metrics: Metrics,
  leadership: Pick<Leadership, 'isLeader'>,
  metricsToken?: string,
  mail: 'on' | 'off' = 'off',
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { public: true },
        schema: {
          tags: ['operations'],
          summary:
            '200 when start-up has finished and the database answers (as the consoles are told); 503 with a reason otherwise (e.g. no writable primary among the database hosts); ?details=true adds which node leads and whether acknowledged alarms are on two hosts (replication)',
          querystring: Type.Object({ details: Type.Optional(Type.Boolean()) }),
          response: {
            200: Type.Object({ status: Type.Literal('ok'), ...Details }),
            503: Type.Object({
              status: Type.Union([Type.Literal('starting'), Type.Literal('database unavailable')]),
              reason: Type.String(),
              ...Details,
            }),
          },
        },
      },
      async (request, reply) => {
        const database = await databaseWatch.current();
        const replication = databaseWatch.replication();
        const details = request.query.details
          ? { database, leader: leadership.isLeader(), mail, ...(replication ? { replication } : {}) }
          : {};
        const starting = startup.pending();
        if (starting !== null)
          return reply.code(503).send({ status: 'starting', reason: starting, ...details });
        if (database === 'down')
          return reply.code(503).send({
            status: 'database unavailable',
            reason:
              databaseWatch.reason() ?? 'the database does not answer: alarms are refused and not stored',
            ...details,
          });
        return { status: 'ok' as const, ...details };
      },
    );

    app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
      if (!mayScrape(request.ip, request.headers.authorization, metricsToken)) {
        return reply
          .code(403)
          .type('text/plain')
          .send('metrics are served to this host or with AWARE_METRICS_TOKEN\n');
      }
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    });
  };
}

export function metaRoutes(info: {
  demo: boolean;
  version: string;
  mapTileUrl: string | null;
  theme: string;
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
              mapTileUrl: Type.Union([Type.Null(), Type.String()]),
              theme: Type.String({
                description: 'the region theme the web app shows (AWARE_THEME); "aware" is the default',
              }),
            }),
          },
        },
      },
      async () => info,
    );
  };
}
