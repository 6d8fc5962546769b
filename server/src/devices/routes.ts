import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../http/auth.ts';
import { Literals, Nullable, Position, Timestamp, Uuid } from '../http/schema.ts';
import { DEVICE_PROTOCOLS, DEVICE_STATES } from './repository.ts';
import type { DeviceService } from './service.ts';

const oneOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

const fields = {
  vendor: Type.String({ minLength: 1, maxLength: 100 }),
  model: Type.String({ minLength: 1, maxLength: 100 }),
  serial: Type.String({ minLength: 1, maxLength: 100 }),
  imei: Type.Union([Type.Null(), Type.String({ pattern: '^[0-9]{14,16}$' })]),
  simNumber: Type.Union([Type.Null(), Type.String({ pattern: '^\\+?[0-9 ]{6,20}$' })]),
  protocol: oneOf(DEVICE_PROTOCOLS),
  account: Type.String({ pattern: '^[0-9A-Za-z._:-]{1,64}$' }),
  key: Type.Union([Type.Null(), Type.String({ maxLength: 64 })], {
    description: 'write-only; never returned',
  }),
  rentPerQuarterCents: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
  heartbeatIntervalSeconds: Type.Integer({ minimum: 30, maximum: 604_800 }),
};

const Device = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: Type.String(),
  regionId: Uuid,
  vendor: Type.String(),
  model: Type.String(),
  serial: Type.String(),
  imei: Nullable(Type.String()),
  simNumber: Nullable(Type.String()),
  protocol: Literals(DEVICE_PROTOCOLS),
  account: Type.String(),
  hasKey: Type.Boolean({ description: 'the key itself is never returned' }),
  rentPerQuarterCents: Type.Integer(),
  state: Literals(DEVICE_STATES),
  testMode: Type.Boolean(),
  caseId: Nullable(Uuid),
  caseReference: Nullable(Type.String()),
  heartbeatIntervalSeconds: Type.Integer(),
  lastHeartbeatAt: Nullable(Timestamp),
  batteryPercent: Nullable(Type.Number()),
  charging: Nullable(Type.Boolean()),
  lastPosition: Nullable(Position),
});
const Assignment = Type.Object({
  caseId: Uuid,
  caseReference: Type.String(),
  assignedAt: Timestamp,
  unassignedAt: Nullable(Timestamp),
});

export function deviceRoutes(service: DeviceService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/devices',
      {
        schema: {
          tags: ['devices'],
          querystring: Type.Object(
            { state: Type.Optional(oneOf(DEVICE_STATES)), q: Type.Optional(Type.String({ maxLength: 100 })) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Array(Device) },
        },
      },
      async (request) => service.list(contextOf(request), request.query),
    );

    app.get(
      '/devices/:id',
      { schema: { tags: ['devices'], params: Id, response: { 200: Device } } },
      async (request) => service.get(contextOf(request), request.params.id),
    );

    app.post(
      '/devices',
      {
        schema: {
          tags: ['devices'],
          body: Type.Object(
            {
              organisationId: Type.Optional(Type.String({ format: 'uuid' })),
              vendor: fields.vendor,
              model: fields.model,
              serial: fields.serial,
              imei: Type.Optional(fields.imei),
              simNumber: Type.Optional(fields.simNumber),
              protocol: fields.protocol,
              account: fields.account,
              key: Type.Optional(fields.key),
              rentPerQuarterCents: fields.rentPerQuarterCents,
              heartbeatIntervalSeconds: Type.Optional(fields.heartbeatIntervalSeconds),
            },
            { additionalProperties: false },
          ),
          response: { 201: Device },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await service.create(contextOf(request), {
            ...request.body,
            heartbeatIntervalSeconds: request.body.heartbeatIntervalSeconds ?? 3600,
          }),
        ),
    );

    app.patch(
      '/devices/:id',
      {
        schema: {
          tags: ['devices'],
          params: Id,
          body: Type.Partial(
            Type.Object(
              { ...fields, state: oneOf(DEVICE_STATES), testMode: Type.Boolean() },
              { additionalProperties: false },
            ),
          ),
          response: { 200: Device },
        },
      },
      async (request) => service.update(contextOf(request), request.params.id, request.body),
    );

    app.post(
      '/devices/:id/assign',
      {
        schema: {
          tags: ['devices'],
          params: Id,
          body: Type.Object({ caseId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
          response: { 200: Device },
        },
      },
      async (request) => service.assign(contextOf(request), request.params.id, request.body.caseId),
    );

    app.post(
      '/devices/:id/unassign',
      { schema: { tags: ['devices'], params: Id, response: { 200: Device } } },
      async (request) => service.unassign(contextOf(request), request.params.id),
    );

    app.get(
      '/devices/:id/assignments',
      { schema: { tags: ['devices'], params: Id, response: { 200: Type.Array(Assignment) } } },
      async (request) => service.assignments(contextOf(request), request.params.id),
    );
  };
}
