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
import { Alarm, AlarmDetail, AlarmHistoryPage, LinkedInfo } from './schemas.ts';
import type { AlarmService } from './service.ts';
import { OUTCOMES } from './state-machine.ts';
import { streamAlarms } from './stream.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Note = Type.String({ minLength: 1, maxLength: 1000 });

export function alarmRoutes(
  service: AlarmService,
  handling: AlarmHandling,
  bus: Bus,
  db: Database,
  databaseWatch: Pick<DatabaseWatch, 'state' | 'current' | 'subscribe'>,
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
          response: { 200: Type.Array(Alarm) },
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
            'Server-sent events: one `alarm` event per new alarm or state change; send Last-Event-ID to get what was missed. A `status` event ({"database":"up"|"down"}) comes first and on every change: while the database is down, alarms are refused and not stored. A failed read never ends the stream: what it could not send follows once the database answers again',
          response: {
            200: {
              description: 'text/event-stream; each `alarm` event’s data is an Alarm',
              content: { 'text/event-stream': { schema: { type: 'string' } } },
            },
          },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        requireAccess(ctx.actor, 'alarm.read');
        const reach = regionsFor(ctx.actor, 'alarm.read');
        const lastEventId = Number(request.headers['last-event-id']);
        reply.hijack();
        reply.raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        const stop = streamAlarms(
          reply.raw,
          {
            bus,
            databaseWatch,
            maySee: (regionId) => reach.all || reach.regionIds.includes(regionId),
            read: (alarmId) => service.visibleTo(ctx, alarmId),
            changedSince: (eventId, recentBelow) =>
              alarmsChangedSince(db, eventId, reach.all ? null : reach.regionIds, recentBelow),
          },
          Number.isSafeInteger(lastEventId) && lastEventId > 0 ? lastEventId : null,
        );
        request.raw.on('close', stop);
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
          response: { 200: AlarmHistoryPage },
        },
      },
      async (request) => searchHistory(db, contextOf(request), request.query),
    );

    app.get(
      '/alarms/:id',
      { schema: { tags: ['alarms'], params: Id, response: { 200: AlarmDetail } } },
      async (request) => handling.detail(contextOf(request), request.params.id),
    );

    app.get(
      '/alarms/:id/linked',
      {
        schema: {
          tags: ['alarms'],
          summary:
            'Client, perpetrator, bans, children, agreements: only while handling an open alarm; audited',
          params: Id,
          response: { 200: LinkedInfo },
        },
      },
      async (request) => handling.linkedInfo(contextOf(request), request.params.id),
    );

    const NoteBody = Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false });
    const Step = { 200: Alarm };
    app.post(
      '/alarms/:id/claim',
      { schema: { tags: ['alarms'], params: Id, response: Step } },
      async (request) => handling.step(contextOf(request), request.params.id, 'claim'),
    );
    app.post(
      '/alarms/:id/forward',
      { schema: { tags: ['alarms'], params: Id, body: NoteBody, response: Step } },
      async (request) => handling.step(contextOf(request), request.params.id, 'forward', request.body ?? {}),
    );
    app.post(
      '/alarms/:id/on-scene',
      { schema: { tags: ['alarms'], params: Id, body: NoteBody, response: Step } },
      async (request) => handling.step(contextOf(request), request.params.id, 'on_scene', request.body ?? {}),
    );
    app.post(
      '/alarms/:id/dispatch',
      {
        schema: {
          tags: ['alarms'],
          params: Id,
          body: Type.Object({ note: Note }, { additionalProperties: false }),
          response: Step,
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
          response: Step,
        },
      },
      async (request) => handling.step(contextOf(request), request.params.id, 'resolve', request.body),
    );
  };
}
