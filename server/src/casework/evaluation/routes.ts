import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TSchema, Type } from '@sinclair/typebox';
import { contextOf } from '../../http/auth.ts';
import { CaseParams, DateString, EntryParams, OneOf, OptionalText, Reason } from '../schemas.ts';
import { DEVICE_RETURNS, SAFETY_SCALE } from './rules.ts';
import type { EvaluationService } from './service.ts';

const Version = Type.Integer({ minimum: 1, description: 'the case version the form was loaded at' });
const Rationale = Type.String({ minLength: 1, maxLength: 5000 });
const Rating = (integer: boolean) =>
  Type.Optional(
    Type.Union([Type.Null(), (integer ? Type.Integer : Type.Number)({ minimum: 0, maximum: 10 })]),
  );

const EvaluationBody = Type.Object(
  {
    evaluatedOn: DateString,
    moment: OneOf(['start', 'interim', 'end'] as const),
    safetyScale: Type.Optional(Type.Union([Type.Null(), OneOf(SAFETY_SCALE)])),
    clientSafetyRating: Rating(true),
    caseworkerRating: Rating(false),
    collaborationRating: Rating(false),
    notes: OptionalText(10_000),
  },
  { additionalProperties: false },
);

const { moment: _moment, ...CorrectableFields } = EvaluationBody.properties;
const EvaluationCorrectionBody = Type.Object(
  { ...CorrectableFields, reason: Reason },
  { additionalProperties: false },
);

export function evaluationRoutes(service: EvaluationService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const schema = <B extends TSchema>(body: B, summary = '') => ({
      schema: { tags: ['evaluation'], params: CaseParams, body, summary },
    });
    app.get(
      '/cases/:id/evaluation',
      {
        schema: {
          tags: ['evaluation'],
          summary: 'Evaluations, goals, extensions and closure',
          params: CaseParams,
        },
      },
      async (request) => service.get(contextOf(request), request.params.id),
    );
    app.post(
      '/cases/:id/evaluation/start',
      schema(
        Type.Object({ version: Version, rationale: Rationale }, { additionalProperties: false }),
        'active → evaluation',
      ),
      async (request) => service.start(contextOf(request), request.params.id, request.body),
    );
    app.post('/cases/:id/evaluations', schema(EvaluationBody), async (request, reply) =>
      reply.code(201).send(await service.record(contextOf(request), request.params.id, request.body)),
    );
    app.post(
      '/cases/:id/evaluations/:entryId/corrections',
      {
        schema: {
          tags: ['evaluation'],
          summary: 'Corrects an evaluation with a reason; the earlier version stays in its history',
          params: EntryParams,
          body: EvaluationCorrectionBody,
        },
      },
      async (request) =>
        service.correct(contextOf(request), request.params.id, request.params.entryId, request.body),
    );
    app.post(
      '/cases/:id/goals',
      schema(
        Type.Object(
          { description: Type.String({ minLength: 1, maxLength: 1000 }), setOn: DateString },
          { additionalProperties: false },
        ),
      ),
      async (request, reply) =>
        reply.code(201).send(await service.addGoal(contextOf(request), request.params.id, request.body)),
    );
    app.post(
      '/cases/:id/goals/result',
      schema(
        Type.Object(
          {
            goalId: Type.String({ format: 'uuid' }),
            result: OneOf(['met', 'partly_met', 'not_met'] as const),
            evaluatedOn: DateString,
          },
          { additionalProperties: false },
        ),
      ),
      async (request) => service.evaluateGoal(contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/extension',
      schema(
        Type.Object(
          { version: Version, newEndOn: DateString, rationale: Rationale },
          { additionalProperties: false },
        ),
        'evaluation → active with a new end date',
      ),
      async (request) => service.extend(contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/closure',
      schema(
        Type.Object(
          { version: Version, deviceReturn: OneOf(DEVICE_RETURNS), reason: Rationale },
          { additionalProperties: false },
        ),
        'evaluation → closed; the device is unassigned and marked returned, lost or stolen',
      ),
      async (request) => service.close(contextOf(request), request.params.id, request.body),
    );
  };
}
