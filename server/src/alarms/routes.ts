import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { regionsFor, requireAccess } from '../access/index.ts';
import type { Database } from '../db/index.ts';
import { contextOf } from '../http/auth.ts';
import type { DatabaseWatch } from '../ops/database-watch.ts';
import type { Bus } from '../realtime/bus.ts';
import type { AlarmHandling } from './handling.ts';
import { searchHistory } from './history.ts';
import { alarmsChangedSince } from './repository.ts';
import type { AlarmService } from './service.ts';
import { OUTCOMES } from './state-machine.ts';

const KEEPALIVE_MS = 15_000;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Note = Type.String({ minLength: 1, maxLength: 1000 });

export function alarmRoutes(
  service: AlarmService,
  handling: AlarmHandling,
  bus: Bus,
  db: Database,
  databaseWatch: Pick<DatabaseWatch, 'state' | 'subscribe'>,
): FastifyPluginAsyncTypebox {
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
      '/alarms/stream',
      {
        schema: {
          tags: ['alarms'],
          summary:
            'Server-sent events: one `alarm` event per new alarm or state change; send Last-Event-ID to get what was missed. A `status` event ({"database":"up"|"down"}) comes first and on every change: while the database is down, alarms are refused and not stored',
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        requireAccess(ctx.actor, 'alarm.read');
        const reach = regionsFor(ctx.actor, 'alarm.read');
        const lastEventId = Number(request.headers['last-event-id']);
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        res.write(': connected\n\nretry: 2000\n\n');
        const status = (database: string) => {
          if (!res.destroyed) res.write(`event: status\ndata: ${JSON.stringify({ database })}\n\n`);
        };
        status(databaseWatch.state());
        const send = async (alarmId: string, eventId: number) => {
          const alarm = await service.visibleTo(ctx, alarmId);
          if (alarm && !res.destroyed)
            res.write(`event: alarm\nid: ${eventId}\ndata: ${JSON.stringify(alarm)}\n\n`);
        };
        // The access check reads the database: when it fails, end the stream so that the console
        // reconnects with Last-Event-ID and gets the event then (an unhandled failure would end the process).
        const lost = () => res.end();
        // Subscribe before replaying so nothing falls between the two; a duplicate is harmless (merged by id).
        const unsubscribe = bus.subscribe(
          (message) => void send(message.alarmId, message.eventId).catch(lost),
        );
        const unwatch = databaseWatch.subscribe(status);
        const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
        request.raw.on('close', () => {
          clearInterval(keepalive);
          unsubscribe();
          unwatch();
        });
        if (Number.isSafeInteger(lastEventId) && lastEventId > 0) {
          try {
            for (const missed of await alarmsChangedSince(
              db,
              lastEventId,
              reach.all ? null : reach.regionIds,
            )) {
              await send(missed.alarmId, missed.eventId);
            }
          } catch {
            lost();
          }
        }
      },
    );

    const Day = Type.String({ format: 'date', description: 'yyyy-mm-dd, Dutch time' });
    const Search = Type.String({ maxLength: 60 });
    app.get(
      '/alarms/history',
      {
        schema: {
          tags: ['alarms'],
          summary:
            'Handled alarms of your regions, newest first, 20 a page; search by case reference (start), button label and the day received',
          querystring: Type.Object(
            {
              reference: Type.Optional(Search),
              device: Type.Optional(Search),
              from: Type.Optional(Day),
              to: Type.Optional(Day),
              page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => searchHistory(db, contextOf(request), request.query),
    );

    app.get('/alarms/:id', { schema: { tags: ['alarms'], params: Id } }, async (request) =>
      handling.detail(contextOf(request), request.params.id),
    );

    app.get(
      '/alarms/:id/linked',
      {
        schema: {
          tags: ['alarms'],
          summary:
            'Client, perpetrator, bans, children, agreements: only while handling an open alarm; audited',
          params: Id,
        },
      },
      async (request) => handling.linkedInfo(contextOf(request), request.params.id),
    );

    const NoteBody = Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false });
    app.post('/alarms/:id/claim', { schema: { tags: ['alarms'], params: Id } }, async (request) =>
      handling.step(contextOf(request), request.params.id, 'claim'),
    );
    app.post(
      '/alarms/:id/forward',
      { schema: { tags: ['alarms'], params: Id, body: NoteBody } },
      async (request) => handling.step(contextOf(request), request.params.id, 'forward', request.body ?? {}),
    );
    app.post(
      '/alarms/:id/on-scene',
      { schema: { tags: ['alarms'], params: Id, body: NoteBody } },
      async (request) => handling.step(contextOf(request), request.params.id, 'on_scene', request.body ?? {}),
    );
    app.post(
      '/alarms/:id/dispatch',
      {
        schema: {
          tags: ['alarms'],
          params: Id,
          body: Type.Object({ note: Note }, { additionalProperties: false }),
        },
      },
      async (request) => handling.dispatch(contextOf(request), request.params.id, request.body.note),
    );
    app.post(
      '/alarms/:id/resolve',
      {
        schema: {
          tags: ['alarms'],
          params: Id,
          body: Type.Object(
            {
              outcome: Type.Union(
                OUTCOMES.filter((o) => o !== 'cleared_by_device').map((o) => Type.Literal(o)),
                { description: 'how the alarm ended' },
              ),
              note: Type.Optional(Note),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => handling.step(contextOf(request), request.params.id, 'resolve', request.body),
    );
  };
}
