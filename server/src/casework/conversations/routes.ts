import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../../http/auth.ts';
import { Day, fromRows, Literals, Nullable, Timestamp, Uuid } from '../../http/schema.ts';
import { Corrections } from '../replies.ts';
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

const KINDS = ['intake', 'client', 'child', 'network', 'psycho_education'] as const;
const Conversation = Type.Object({
  id: Uuid,
  heldOn: Day,
  kind: Literals(KINDS),
  childId: Nullable(Uuid),
  childName: Nullable(Type.String()),
  durationMinutes: Type.Integer(),
  observation: Nullable(Type.String()),
  interpretation: Nullable(Type.String()),
  author: Nullable(Type.String()),
  createdAt: Timestamp,
  corrections: Corrections,
});
const NormProgress = Type.Object({
  done: Type.Number(),
  norm: Type.Object({ expected: Type.Number(), min: Type.Number(), max: Type.Number() }),
  ratio: Type.Number({ description: 'done / expected, 0 when nothing is expected' }),
  band: Literals(['below', 'within', 'above'] as const),
});
const Conversations = Type.Object({
  conversations: Type.Array(Conversation),
  children: Type.Array(Type.Object({ id: Uuid, firstName: Type.String() })),
  progress: Type.Object({
    client: NormProgress,
    children: NormProgress,
    network: NormProgress,
    hours: NormProgress,
  }),
});

export function conversationRoutes(service: ConversationService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/cases/:id/conversations',
      {
        schema: {
          tags: ['casework'],
          response: { 200: Conversations },
          summary: 'Conversations and progress against the norms',
          params: CaseParams,
        },
      },
      async (request) => fromRows(await service.list(contextOf(request), request.params.id)),
    );
    app.post(
      '/cases/:id/conversations',
      {
        schema: {
          tags: ['casework'],
          response: { 201: Conversation },
          params: CaseParams,
          body: ConversationBody,
        },
      },
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
          response: { 200: Conversation },
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
