import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../../http/auth.ts';
import { Day, fromRows, Literals, Nullable, Timestamp, Uuid } from '../../http/schema.ts';
import { CaseParams, DateString, OneOf, OptionalText } from '../schemas.ts';
import { SUPPORT_KINDS, type SupportReferralService } from './service.ts';

const Body = Type.Object(
  {
    referredOn: DateString,
    kind: OneOf(SUPPORT_KINDS),
    toWhom: Type.String({ minLength: 1, maxLength: 300 }),
    reason: OptionalText(2000),
  },
  { additionalProperties: false },
);

const SupportReferral = Type.Object({
  id: Uuid,
  referredOn: Day,
  kind: Literals(SUPPORT_KINDS),
  toWhom: Type.String(),
  reason: Nullable(Type.String()),
  author: Nullable(Type.String()),
  createdAt: Timestamp,
});

export function supportReferralRoutes(service: SupportReferralService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/cases/:id/support-referrals',
      { schema: { tags: ['casework'], response: { 200: Type.Array(SupportReferral) }, params: CaseParams } },
      async (request) => fromRows(await service.list(contextOf(request), request.params.id)),
    );
    app.post(
      '/cases/:id/support-referrals',
      { schema: { tags: ['casework'], response: { 201: SupportReferral }, params: CaseParams, body: Body } },
      async (request, reply) =>
        reply
          .code(201)
          .send(fromRows(await service.add(contextOf(request), request.params.id, request.body))),
    );
  };
}
