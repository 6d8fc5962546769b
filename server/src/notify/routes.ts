import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../http/auth.ts';
import type { MailService } from './service.ts';

const Overview = Type.Object({
  enabled: Type.Boolean({ description: 'false when AWARE_SMTP_URL is not set: nothing is sent' }),
  pending: Type.Integer(),
  failed: Type.Integer(),
  sentLastDay: Type.Integer(),
  oldestPendingAt: Type.Union([Type.Null(), Type.String({ format: 'date-time' })]),
  failedMessages: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      kind: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
      failedAt: Type.String({ format: 'date-time' }),
      attempts: Type.Integer(),
      reason: Type.String({ description: 'rejected, deferred, unreachable, expired or other' }),
      responseCode: Type.Union([Type.Null(), Type.Integer()]),
    }),
  ),
});

export function mailRoutes(service: MailService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/admin/mail',
      {
        schema: {
          tags: ['operations'],
          summary: 'The e-mail outbox for administrators: counts and failed messages, without addresses',
          response: { 200: Overview },
        },
      },
      async (request) => service.overview(contextOf(request)),
    );
    app.post(
      '/admin/mail/retry',
      {
        schema: {
          tags: ['operations'],
          summary: 'Puts every failed message back in the queue',
          response: { 200: Type.Object({ requeued: Type.Integer() }) },
        },
      },
      async (request) => service.retryFailed(contextOf(request)),
    );
  };
}
