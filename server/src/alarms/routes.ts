import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireAccess } from '../access/index.ts';
import { contextOf } from '../http/auth.ts';
import type { Bus } from '../realtime/bus.ts';
import type { AlarmService } from './service.ts';

const KEEPALIVE_MS = 15_000;

export function alarmRoutes(service: AlarmService, bus: Bus): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/alarms',
      {
        schema: {
          tags: ['alarms'],
          summary: 'Alarms; state=open lists every open alarm, never paged',
          querystring: Type.Object(
            {
              state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('all')])),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) =>
        service.list(contextOf(request), {
          state: request.query.state ?? 'open',
          limit: request.query.limit,
        }),
    );

    app.get(
      '/alarms/:id',
      { schema: { tags: ['alarms'], params: Type.Object({ id: Type.String({ format: 'uuid' }) }) } },
      async (request) => service.get(contextOf(request), request.params.id),
    );

    app.get(
      '/alarms/stream',
      {
        schema: {
          tags: ['alarms'],
          summary: 'Server-sent events: one `alarm` event per new alarm or state change',
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        requireAccess(ctx.actor, 'alarm.read');
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        res.write(': connected\n\nretry: 2000\n\n');
        const unsubscribe = bus.subscribe((message) => {
          void service.visibleTo(ctx, message.alarmId).then((alarm) => {
            if (alarm && !res.destroyed)
              res.write(`event: alarm\nid: ${alarm.id}\ndata: ${JSON.stringify(alarm)}\n\n`);
          });
        });
        const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
        request.raw.on('close', () => {
          clearInterval(keepalive);
          unsubscribe();
        });
      },
    );
  };
}
