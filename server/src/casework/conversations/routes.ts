import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../../http/auth.ts';
import { CaseParams, DateString, EntryParams, OneOf, OptionalText, Reason } from '../schemas.ts';
import type { ConversationService } from './service.ts';

const ConversationBody = Type.Object(
  {
    heldOn: DateString,
    kind: OneOf(['intake', 'client', 'child', 'network', 'psycho_education']),
    childId: Type.Optional(Type.Union([Type.Null(), Type.String({ format: 'uuid' })])),
    durationMinutes: Type.Integer({ minimum: 1, maximum: 600 }),
    observation: OptionalText(10_000),
    interpretation: OptionalText(10_000),
  },
  { additionalProperties: false },
);

const CorrectionBody = Type.Object(
  {
    heldOn: DateString,
    durationMinutes: Type.Integer({ minimum: 1, maximum: 600 }),
    observation: OptionalText(10_000),
    interpretation: OptionalText(10_000),
    reason: Reason,
  },
  { additionalProperties: false },
);

export function conversationRoutes(service: ConversationService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/cases/:id/conversations',
      {
        schema: {
          tags: ['casework'],
          summary: 'Conversations and progress against the norms',
          params: CaseParams,
        },
      },
      async (request) => service.list(contextOf(request), request.params.id),
    );
    app.post(
      '/cases/:id/conversations',
      { schema: { tags: ['casework'], params: CaseParams, body: ConversationBody } },
      async (request, reply) => {
        return reply
          .code(201)
          .send(await service.create(contextOf(request), request.params.id, request.body));
      },
    );
    app.post(
      '/cases/:id/conversations/:entryId/corrections',
      {
        schema: {
          tags: ['casework'],
          summary: 'Corrects a conversation with a reason; the earlier version stays in its history',
          params: EntryParams,
          body: CorrectionBody,
        },
      },
      async (request) =>
        service.correct(contextOf(request), request.params.id, request.params.entryId, request.body),
    );
  };
}
