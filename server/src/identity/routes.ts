import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ORGANISATION_TYPES, ROLES } from '../access/index.ts';
import { contextOf, SESSION_COOKIE } from '../http/auth.ts';
import { sendProblem } from '../http/problem.ts';
import { Literals, NoContent, Nullable, Timestamp, Uuid } from '../http/schema.ts';
import type { IdentityService } from './service.ts';

export const Role = Literals(ROLES);
export const OrganisationType = Literals(ORGANISATION_TYPES);
export const Grant = Type.Object({
  role: Role,
  organisationId: Uuid,
  organisationName: Type.String(),
  organisationType: OrganisationType,
  regionId: Uuid,
  regionName: Type.String(),
});
export const MeSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  locale: Literals(['nl', 'en'] as const),
  roles: Type.Array(Grant),
  mustChangePassword: Type.Boolean(),
  mustEnrolTotp: Type.Boolean(),
});
const MeReply = Type.Object({ user: MeSchema });
const ApiToken = Type.Object({
  id: Uuid,
  name: Type.String(),
  role: Role,
  organisationId: Uuid,
  organisationName: Type.String(),
  createdAt: Timestamp,
  lastUsedAt: Nullable(Timestamp),
  revokedAt: Nullable(Timestamp),
});

export function identityRoutes(
  identity: IdentityService,
  options: { secureCookies: boolean; loginRatePerMinute: number },
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: { public: true, rateLimit: { max: options.loginRatePerMinute, timeWindow: 60_000 } },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with e-mail, password and TOTP code',
          body: Type.Object(
            {
              email: Type.String({ minLength: 3, maxLength: 254 }),
              password: Type.String({ minLength: 1, maxLength: 256 }),
              totp: Type.Optional(Type.String({ maxLength: 10 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: MeReply },
        },
      },
      async (request, reply) => {
        const result = await identity.login({
          ...request.body,
          totp: request.body.totp ?? '',
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        if (!result.ok) {
          return result.reason === 'locked'
            ? sendProblem(reply, {
                status: 429,
                title: 'Too Many Requests',
                detail: 'too many failed attempts; try again later',
                code: 'auth.locked',
              })
            : sendProblem(reply, {
                status: 401,
                title: 'Unauthorized',
                detail: 'e-mail address, password or code is incorrect',
                code: 'auth.credentials',
              });
        }
        reply.setCookie(SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: options.secureCookies || request.protocol === 'https',
          path: '/',
        });
        return { user: result.me };
      },
    );

    app.get(
      '/auth/me',
      { config: { setup: true }, schema: { tags: ['auth'], response: { 200: MeReply } } },
      async (request) => ({ user: request.session!.me }),
    );

    app.post(
      '/auth/logout',
      { config: { public: true }, schema: { tags: ['auth'], response: { 204: NoContent } } },
      async (request, reply) => {
        if (request.session)
          await identity.logout({ actor: request.session.actor, ip: request.ip }, request.session);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send();
      },
    );

    app.post(
      '/auth/password',
      {
        // the current password can be guessed here too
        config: { setup: true, rateLimit: { max: options.loginRatePerMinute, timeWindow: 60_000 } },
        schema: {
          tags: ['auth'],
          body: Type.Object(
            {
              currentPassword: Type.String({ maxLength: 256 }),
              newPassword: Type.String({ maxLength: 256 }),
            },
            { additionalProperties: false },
          ),
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await identity.changePassword(
          contextOf(request),
          request.session!,
          request.body.currentPassword,
          request.body.newPassword,
        );
        return reply.code(204).send();
      },
    );

    app.post(
      '/auth/totp/setup',
      {
        config: { setup: true },
        schema: {
          tags: ['auth'],
          response: { 200: Type.Object({ secret: Type.String(), otpauthUrl: Type.String() }) },
        },
      },
      async (request) => identity.setupTotp(contextOf(request), request.session!),
    );

    app.post(
      '/auth/totp/confirm',
      {
        // six digits can be guessed: as strict as signing in
        config: { setup: true, rateLimit: { max: options.loginRatePerMinute, timeWindow: 60_000 } },
        schema: {
          tags: ['auth'],
          body: Type.Object({ totp: Type.String({ maxLength: 10 }) }, { additionalProperties: false }),
          response: { 200: MeReply },
        },
      },
      async (request) => ({
        user: await identity.confirmTotp(contextOf(request), request.session!, request.body.totp),
      }),
    );

    app.get(
      '/api-tokens',
      { schema: { tags: ['admin'], response: { 200: Type.Array(ApiToken) } } },
      async (request) => identity.listApiTokens(contextOf(request)),
    );

    app.post(
      '/api-tokens',
      {
        schema: {
          tags: ['admin'],
          summary: 'Create an API token for an integration; the token is shown once',
          body: Type.Object(
            {
              name: Type.String({ minLength: 1, maxLength: 100 }),
              organisationId: Type.String({ format: 'uuid' }),
              role: Type.Union(ROLES.map((r) => Type.Literal(r))),
            },
            { additionalProperties: false },
          ),
          response: {
            201: Type.Object({ id: Uuid, token: Type.String({ description: 'shown once, never again' }) }),
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await identity.createApiToken(contextOf(request), request.body)),
    );

    app.delete(
      '/api-tokens/:id',
      {
        schema: {
          tags: ['admin'],
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await identity.revokeApiToken(contextOf(request), request.params.id);
        return reply.code(204).send();
      },
    );

    app.post(
      '/users/:id/reset-credentials',
      {
        schema: {
          tags: ['admin'],
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
          response: { 200: Type.Object({ oneTimePassword: Type.String() }) },
        },
      },
      async (request) => identity.resetCredentials(contextOf(request), request.params.id),
    );

    app.post(
      '/users/:id/revoke-sessions',
      {
        schema: {
          tags: ['admin'],
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
          response: { 200: Type.Object({ revoked: Type.Integer({ description: 'sessions ended' }) }) },
        },
      },
      async (request) => ({ revoked: await identity.revokeSessions(contextOf(request), request.params.id) }),
    );
  };
}
