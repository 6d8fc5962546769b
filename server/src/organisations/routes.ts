import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ORGANISATION_TYPES, ROLES } from '../access/index.ts';
import { contextOf } from '../http/auth.ts';
import { Literals, Nullable, Timestamp, Uuid } from '../http/schema.ts';
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

const Created = Type.Object({ id: Uuid });
const Region = Type.Object({ id: Uuid, name: Type.String(), acuteUnsafetyEnabled: Type.Boolean() });
const Organisation = Type.Object({
  id: Uuid,
  name: Type.String(),
  type: Literals(ORGANISATION_TYPES),
  regionId: Uuid,
  regionName: Type.String(),
  contacts: Type.Array(
    Type.Object({
      name: Type.String(),
      role: Type.String(),
      phone: Nullable(Type.String()),
      email: Nullable(Type.String()),
    }),
  ),
});
const UserSummary = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  disabled: Type.Boolean(),
  lastLoginAt: Nullable(Timestamp),
  roles: Type.Array(
    Type.Object({ role: Literals(ROLES), organisationId: Uuid, organisationName: Type.String() }),
  ),
});

export function organisationRoutes(service: OrganisationService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/regions',
      { schema: { tags: ['organisations'], response: { 200: Type.Array(Region) } } },
      async (request) => service.listRegions(contextOf(request)),
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
          response: { 201: Created },
        },
      },
      async (request, reply) =>
        reply.code(201).send({ id: await service.createRegion(contextOf(request), request.body) }),
    );

    app.get(
      '/organisations',
      { schema: { tags: ['organisations'], response: { 200: Type.Array(Organisation) } } },
      async (request) => service.listOrganisations(contextOf(request)),
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
          response: { 201: Created },
        },
      },
      async (request, reply) =>
        reply.code(201).send({ id: await service.createOrganisation(contextOf(request), request.body) }),
    );

    app.get(
      '/users',
      { schema: { tags: ['organisations'], response: { 200: Type.Array(UserSummary) } } },
      async (request) => service.listUsers(contextOf(request)),
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
          response: {
            201: Type.Object({
              id: Uuid,
              oneTimePassword: Type.String({ description: 'to hand over in person; shown once' }),
            }),
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.createUser(contextOf(request), request.body)),
    );
  };
}
