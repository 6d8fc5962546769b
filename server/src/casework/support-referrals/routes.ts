import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../../http/auth.ts';
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

export function supportReferralRoutes(service: SupportReferralService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/cases/:id/support-referrals',
      { schema: { tags: ['casework'], params: CaseParams } },
      async (request) => service.list(contextOf(request), request.params.id),
    );
    app.post(
      '/cases/:id/support-referrals',
      { schema: { tags: ['casework'], params: CaseParams, body: Body } },
      async (request, reply) =>
        reply.code(201).send(await service.add(contextOf(request), request.params.id, request.body)),
    );
  };
}
