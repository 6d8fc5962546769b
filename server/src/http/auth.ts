import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../access/index.ts';
import type { RequestContext } from '../context.ts';
import { forbidden, unauthorized } from '../errors.ts';
import type { Session, SessionResolver } from './session.ts';

export const SESSION_COOKIE = 'aware_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** reachable without signing in */
    public?: boolean;
    /** reachable with a first-sign-in session that has not yet set a password and TOTP */
    setup?: boolean;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the caller (session cookie or bearer API token) for every /api request and refuses
 * what the route does not allow. Deny by default: a route is private unless it says `public`.
 */
export function registerAuthentication(app: FastifyInstance, identity: SessionResolver) {
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);

  // preValidation: a caller who is not signed in learns nothing about the route's input rules either
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const config = request.routeOptions.config;
    const bearer = request.headers.authorization?.match(/^Bearer (\S+)$/)?.[1];
    const cookie = request.cookies[SESSION_COOKIE];

    if (bearer) {
      request.actor = await identity.resolveApiToken(bearer);
    } else if (cookie) {
      // Cross-site requests cannot set a JSON content type or a custom header without a CORS preflight,
      // which this server never grants: together with SameSite=strict this closes CSRF.
      if (STATE_CHANGING.has(request.method)) {
        const json = request.headers['content-type']?.startsWith('application/json');
        if (!json && request.headers['x-requested-with'] === undefined) {
          throw forbidden(
            'state-changing requests need a JSON body or X-Requested-With',
            'auth.requestHeader',
          );
        }
      }
      request.session = await identity.resolveSession(cookie);
      if (request.session?.stage === 'full' || (request.session && config.setup))
        request.actor = request.session.actor;
    }

    if (config.public) return;
    if (!request.actor) {
      if (request.session?.stage === 'setup') {
        throw forbidden('set a new password and enrol the second factor first', 'auth.setupFirst');
      }
      throw unauthorized();
    }
    if (config.setup && !request.session) {
      throw unauthorized('this route needs a signed-in person, not an API token', 'auth.personOnly');
    }
  });
}

export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.actor) throw unauthorized();
  return { actor: request.actor, ip: request.ip };
}
