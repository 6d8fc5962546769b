import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ORGANISATION_TYPES, ROLES } from '../access/index.ts';
import { contextOf } from '../http/auth.ts';
import type { OrganisationService } from './service.ts';

const literalUnion = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

const Contact = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: Type.String({ minLength: 1, maxLength: 200 }),
    phone: Type.Union([Type.Null(), Type.String({ maxLength: 40 })]),
    email: Type.Union([Type.Null(), Type.String({ format: 'email', maxLength: 254 })]),
  },
  { additionalProperties: false },
);

export function organisationRoutes(service: OrganisationService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/regions', { schema: { tags: ['organisations'] } }, async (request) =>
      service.listRegions(contextOf(request)),
    );

    app.post(
      '/regions',
      {
        schema: {
          tags: ['organisations'],
          body: Type.Object(
            {
              name: Type.String({ minLength: 2, maxLength: 200 }),
              acuteUnsafetyEnabled: Type.Boolean({ default: false }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) =>
        reply.code(201).send({ id: await service.createRegion(contextOf(request), request.body) }),
    );

    app.get('/organisations', { schema: { tags: ['organisations'] } }, async (request) =>
      service.listOrganisations(contextOf(request)),
    );

    app.post(
      '/organisations',
      {
        schema: {
          tags: ['organisations'],
          body: Type.Object(
            {
              regionId: Type.String({ format: 'uuid' }),
              name: Type.String({ minLength: 2, maxLength: 200 }),
              type: literalUnion(ORGANISATION_TYPES),
              contacts: Type.Array(Contact, { maxItems: 50, default: [] }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) =>
        reply.code(201).send({ id: await service.createOrganisation(contextOf(request), request.body) }),
    );

    app.get('/users', { schema: { tags: ['organisations'] } }, async (request) =>
      service.listUsers(contextOf(request)),
    );

    app.post(
      '/users',
      {
        schema: {
          tags: ['organisations'],
          summary: 'Create a professional; answers a one-time password to hand over in person',
          body: Type.Object(
            {
              email: Type.String({ format: 'email', maxLength: 254 }),
              displayName: Type.String({ minLength: 1, maxLength: 200 }),
              memberships: Type.Array(
                Type.Object(
                  { organisationId: Type.String({ format: 'uuid' }), role: literalUnion(ROLES) },
                  { additionalProperties: false },
                ),
                { minItems: 1, maxItems: 20 },
              ),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.createUser(contextOf(request), request.body)),
    );
  };
}
