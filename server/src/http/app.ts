import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { DomainError } from '../errors.ts';
import type { Metrics } from '../metrics/registry.ts';
import { registerAuthentication } from './auth.ts';
import { registerNulGuard } from './nul-guard.ts';
import { problemErrorHandler, sendProblem } from './problem.ts';
import { registerResponseCheck } from './response-check.ts';
import type { SessionResolver } from './session.ts';

export interface AppOptions {
  identity: SessionResolver;
  metrics: Metrics;
  /** plugins mounted under /api/v1 */
  apiRoutes: FastifyPluginAsyncTypebox[];
  /** plugins mounted at the root (/health, /metrics) */
  rootRoutes: FastifyPluginAsyncTypebox[];
  webDist: string;
  trustProxy: boolean;
  secureCookies: boolean;
  logLevel: string;
  version: string;
  /** extra origins images may come from (map tiles) */
  imageOrigins: string[];
  /** requests per minute per client address (default 600) */
  requestRatePerMinute?: number;
  /** tests: a reply the response schema does not describe fails with 500 (see response-check.ts) */
  checkResponses?: boolean;
}

// Never let personal data or secrets reach the logs.
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-aware-signature"]',
  'res.headers["set-cookie"]',
];

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      redact: REDACT,
      // query strings are left out of request logs: they may carry search terms
      serializers: {
        req: (req) => ({ method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip }),
      },
    },
    trustProxy: options.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { allErrors: true, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(problemErrorHandler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...options.imageOrigins],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    hsts: options.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: options.requestRatePerMinute ?? 600,
    timeWindow: 60_000,
    // also answers the sign-in routes' own limits; the Retry-After header is the plugin's
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new DomainError(
        context.statusCode,
        'Too Many Requests',
        `rate limit exceeded, retry in ${seconds} s`,
        [],
        { code: 'rateLimited', params: { seconds } },
      );
    },
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Aware API',
        version: options.version,
        description: 'Alarm chain and case management for AWARE',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'aware_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuthentication(app, options.identity);
  registerNulGuard(app);
  if (options.checkResponses) registerResponseCheck(app);

  app.addHook('onResponse', async (request, reply) => {
    options.metrics.httpRequests.inc({
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    });
  });

  for (const routes of options.rootRoutes) await app.register(routes);
  await app.register(
    async (api) => {
      for (const routes of options.apiRoutes) await api.register(routes);
    },
    { prefix: '/api/v1' },
  );

  const indexHtml = join(options.webDist, 'index.html');
  const hasWeb = existsSync(indexHtml);
  if (hasWeb)
    await app.register(fastifyStatic, { root: options.webDist, wildcard: false, index: 'index.html' });

  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.includes('.');
    if (isPage && hasWeb) return reply.type('text/html').sendFile('index.html');
    return sendProblem(reply, {
      status: 404,
      title: 'Not Found',
      detail: `${request.method} ${request.url.split('?')[0]} not found`,
      code: 'notFound',
    });
  });

  return app;
}
