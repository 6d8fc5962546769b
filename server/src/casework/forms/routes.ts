import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../../http/auth.ts';
import { FreeObject, fromRows, Literals, Nullable, Timestamp, Uuid } from '../../http/schema.ts';
import { CaseParams, OneOf, OptionalText } from '../schemas.ts';
import { FORM_KINDS } from './definitions.ts';
import type { FormService } from './service.ts';

const FormBody = Type.Object(
  {
    kind: OneOf(FORM_KINDS),
    childId: Type.Optional(Type.Union([Type.Null(), Type.String({ format: 'uuid' })])),
    baseVersion: Type.Integer({ minimum: 0 }),
    // each field's type is checked against the form's definition (definitions.ts), not coerced here
    content: Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), { maxProperties: 40 }),
    // why an earlier version is corrected: required from the second version on
    reason: OptionalText(2000),
  },
  { additionalProperties: false },
);

const VersionFields = {
  id: Uuid,
  kind: Literals(FORM_KINDS),
  childId: Nullable(Uuid),
  version: Type.Integer(),
  content: FreeObject,
  reason: Nullable(Type.String({ description: 'why this version corrects the one before' })),
  author: Nullable(Type.String()),
  createdAt: Timestamp,
};
const Form = Type.Object({
  ...VersionFields,
  earlier: Type.Array(Type.Object(VersionFields), { description: 'the versions before, newest first' }),
});
const Forms = Type.Object({
  definitions: Type.Array(
    Type.Object({
      kind: Literals(FORM_KINDS),
      perChild: Type.Boolean(),
      fields: Type.Array(
        Type.Object({
          key: Type.String(),
          type: Literals(['text', 'yesno', 'date'] as const),
          required: Type.Optional(Type.Boolean()),
        }),
      ),
    }),
  ),
  children: Type.Array(Type.Object({ id: Uuid, firstName: Type.String() })),
  forms: Type.Array(Form),
});

export function formRoutes(service: FormService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/cases/:id/forms',
      {
        schema: {
          tags: ['casework'],
          response: { 200: Forms },
          summary: 'Form definitions and the newest version of each form',
          params: CaseParams,
        },
      },
      async (request) => fromRows(await service.list(contextOf(request), request.params.id)),
    );
    app.post(
      '/cases/:id/forms',
      {
        schema: {
          tags: ['casework'],
          response: { 201: Form },
          summary: 'Save a new version of a form; 409 when baseVersion is not the newest',
          params: CaseParams,
          body: FormBody,
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.save(contextOf(request), request.params.id, request.body)),
    );
  };
}
