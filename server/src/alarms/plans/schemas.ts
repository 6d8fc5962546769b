import { Type } from '@sinclair/typebox';
import { Literals, Nullable, Timestamp, Uuid } from '../../http/schema.ts';
import { ALARM_KINDS } from '../rules.ts';
import { MAX_STEPS, PLAN_ACTIONS } from './rules.ts';

const Kind = Literals(ALARM_KINDS);
const Action = Literals(PLAN_ACTIONS, 'what the step asks; the console names it in the reader’s language');
const Priority = Type.Integer({ minimum: 1, maximum: 5, description: '1 = most urgent' });
const PolicePriority = Type.Integer({
  minimum: 1,
  maximum: 3,
  description: 'the police priority to forward with',
});

export const RegionPlan = Type.Object({
  kind: Kind,
  priority: Priority,
  steps: Type.Array(
    Type.Object({
      id: Uuid,
      action: Action,
      instruction: Type.String(),
      policePriority: Type.Optional(PolicePriority),
    }),
  ),
  configured: Type.Boolean({ description: 'false: the region follows the default plan for this kind' }),
  version: Type.Integer({ description: 'send back when saving; 0 while the default applies' }),
});

const KindInput = Type.Union(ALARM_KINDS.map((k) => Type.Literal(k)));
const ActionInput = Type.Union(PLAN_ACTIONS.map((a) => Type.Literal(a)));

export const PlanBody = Type.Object(
  {
    kind: KindInput,
    priority: Priority,
    version: Type.Integer({ minimum: 0, description: 'the version the edit started from (0: the default)' }),
    steps: Type.Array(
      Type.Object(
        {
          id: Type.Optional(
            Type.String({ format: 'uuid', description: 'a kept step’s id; leave out for a new step' }),
          ),
          action: ActionInput,
          instruction: Type.String({ minLength: 1, maxLength: 300 }),
          policePriority: Type.Optional(PolicePriority),
        },
        { additionalProperties: false },
      ),
      { maxItems: MAX_STEPS },
    ),
  },
  { additionalProperties: false },
);

export const AlarmPlan = Type.Object({
  alarmId: Uuid,
  kind: Kind,
  priority: Priority,
  steps: Type.Array(
    Type.Object({
      key: Type.String(),
      source: Literals(['region', 'case'] as const, 'case: an agreement of the client’s safety plan'),
      action: Action,
      instruction: Type.String(),
      policePriority: Nullable(Type.Integer()),
      forbidden: Type.Boolean({ description: 'the client’s safety plan forbids this step' }),
      alert: Type.Boolean({
        description: 'an agreement that overrides a step: shown in red above everything',
      }),
      tick: Nullable(
        Type.Object({
          done: Type.Boolean(),
          reason: Nullable(Type.String()),
          at: Timestamp,
          byName: Nullable(Type.String()),
        }),
      ),
    }),
  ),
});

export const TickBody = Type.Object(
  {
    stepKey: Type.String({ minLength: 1, maxLength: 80 }),
    done: Type.Boolean(),
    reason: Type.Optional(
      Type.String({ minLength: 1, maxLength: 500, description: 'required when not done' }),
    ),
  },
  { additionalProperties: false },
);
