import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TSchema, Type } from '@sinclair/typebox';
import { CASE_STATUSES } from '../../cases/status.ts';
import { contextOf } from '../../http/auth.ts';
import { Day, fromRows, Literals, Nullable, Timestamp, Uuid } from '../../http/schema.ts';
import { Corrections } from '../replies.ts';
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

/** The case's evaluation page; every write answers it as it is afterwards. */
const EvaluationOverview = Type.Object({
  status: Literals(CASE_STATUSES),
  version: Type.Integer(),
  plannedEndOn: Nullable(Day),
  activeSince: Nullable(Timestamp),
  closedAt: Nullable(Timestamp),
  closureReason: Nullable(Type.String()),
  deviceReturn: Nullable(Literals(DEVICE_RETURNS)),
  evaluations: Type.Array(
    Type.Object({
      id: Uuid,
      evaluatedOn: Day,
      moment: Literals(['start', 'interim', 'end'] as const),
      safetyScale: Nullable(Literals(SAFETY_SCALE)),
      clientSafetyRating: Nullable(Type.Integer()),
      caseworkerRating: Nullable(Type.Number()),
      collaborationRating: Nullable(Type.Number()),
      notes: Nullable(Type.String()),
      author: Nullable(Type.String()),
      corrections: Corrections,
    }),
  ),
  goals: Type.Array(
    Type.Object({
      id: Uuid,
      description: Type.String(),
      setOn: Day,
      result: Nullable(Literals(['met', 'partly_met', 'not_met'] as const)),
      evaluatedOn: Nullable(Day),
    }),
  ),
  extensions: Type.Array(
    Type.Object({
      id: Uuid,
      previousEndOn: Nullable(Day),
      newEndOn: Day,
      rationale: Type.String(),
      decidedAt: Timestamp,
      decidedBy: Nullable(Type.String()),
    }),
  ),
  devices: Type.Array(Type.Object({ id: Uuid, serial: Type.String(), model: Type.String() })),
});
const Answer = { 200: EvaluationOverview };

export function evaluationRoutes(service: EvaluationService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const schema = <B extends TSchema>(body: B, summary = '') => ({
      schema: { tags: ['evaluation'], params: CaseParams, body, summary, response: Answer },
    });
    app.get(
      '/cases/:id/evaluation',
      {
        schema: {
          tags: ['evaluation'],
          summary: 'Evaluations, goals, extensions and closure',
          params: CaseParams,
          response: Answer,
        },
      },
      async (request) => fromRows(await service.get(contextOf(request), request.params.id)),
    );
    app.post(
      '/cases/:id/evaluation/start',
      schema(
        Type.Object({ version: Version, rationale: Rationale }, { additionalProperties: false }),
        'active → evaluation',
      ),
      async (request) => fromRows(await service.start(contextOf(request), request.params.id, request.body)),
    );
    app.post(
      '/cases/:id/evaluations',
      {
        schema: {
          tags: ['evaluation'],
          params: CaseParams,
          body: EvaluationBody,
          response: { 201: EvaluationOverview },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(fromRows(await service.record(contextOf(request), request.params.id, request.body))),
    );
    app.post(
      '/cases/:id/evaluations/:entryId/corrections',
      {
        schema: {
          tags: ['evaluation'],
          summary: 'Corrects an evaluation with a reason; the earlier version stays in its history',
          params: EntryParams,
          body: EvaluationCorrectionBody,
          response: Answer,
        },
      },
      async (request) =>
        fromRows(
          await service.correct(contextOf(request), request.params.id, request.params.entryId, request.body),
        ),
    );
    app.post(
      '/cases/:id/goals',
      {
        schema: {
          tags: ['evaluation'],
          params: CaseParams,
          body: Type.Object(
            { description: Type.String({ minLength: 1, maxLength: 1000 }), setOn: DateString },
            { additionalProperties: false },
          ),
          response: { 201: EvaluationOverview },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(fromRows(await service.addGoal(contextOf(request), request.params.id, request.body))),
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
      async (request) =>
        fromRows(await service.evaluateGoal(contextOf(request), request.params.id, request.body)),
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
      async (request) => fromRows(await service.extend(contextOf(request), request.params.id, request.body)),
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
      async (request) => fromRows(await service.close(contextOf(request), request.params.id, request.body)),
    );
  };
}
