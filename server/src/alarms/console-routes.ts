import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../http/auth.ts';
import { Nullable, Timestamp } from '../http/schema.ts';
import type { ConsoleReports } from './console.ts';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** What the console reports: an alarm shown to an operator, and the voice link (issue 16). */
export function consoleRoutes(reports: ConsoleReports): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/alarms/:id/shown',
      {
        schema: {
          tags: ['alarms'],
          summary:
            'The console has rendered this alarm: the first report is timed on the alarm’s timeline, later ones change nothing',
          params: Id,
          response: {
            200: Type.Object({ shownAt: Nullable(Timestamp) }),
          },
        },
      },
      async (request) => reports.shown(contextOf(request), request.params.id),
    );
    app.post(
      '/alarms/:id/voice-link',
      {
        schema: {
          tags: ['alarms'],
          summary:
            'The handling operator opens the device’s voice link listening or speaking, starts speaking, or closes it; on the timeline',
          params: Id,
          body: Type.Object(
            {
              event: Type.Union([Type.Literal('listen'), Type.Literal('speak'), Type.Literal('close')], {
                description: 'listen / speak: open the link so, or start speaking on it; close: hang up',
              }),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              open: Type.Boolean(),
              openedAt: Nullable(Timestamp),
              spoke: Type.Boolean({ description: 'false: the operator only listened on this link' }),
              closedAt: Nullable(Timestamp),
            }),
          },
        },
      },
      async (request) => reports.voiceLink(contextOf(request), request.params.id, request.body.event),
    );
  };
}
