import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../../http/auth.ts';
import { CaseParams, DateString, OneOf, OptionalText } from '../schemas.ts';
import type { MeetingService } from './meetings.ts';
import { PARTICIPANT_KINDS, TEAM_ROLES } from './rules.ts';
import type { TeamService } from './team.ts';

const TeamBody = Type.Object(
  { userId: Type.String({ format: 'uuid' }), role: OneOf(TEAM_ROLES) },
  { additionalProperties: false },
);
const TaskFields = {
  description: Type.String({ minLength: 1, maxLength: 1000 }),
  assigneeId: Type.Optional(Type.Union([Type.Null(), Type.String({ format: 'uuid' })])),
  dueOn: DateString,
};
const MeetingBody = Type.Object(
  {
    heldOn: DateString,
    kind: OneOf(['case_meeting', 'round_table', 'other'] as const),
    chair: OptionalText(200),
    participants: Type.Array(
      Type.Object(
        {
          kind: OneOf(PARTICIPANT_KINDS),
          name: Type.String({ minLength: 1, maxLength: 200 }),
          organisation: OptionalText(200),
        },
        { additionalProperties: false },
      ),
      { maxItems: 40 },
    ),
    decisions: OptionalText(10_000),
    tasks: Type.Optional(
      Type.Array(Type.Object(TaskFields, { additionalProperties: false }), { maxItems: 40 }),
    ),
  },
  { additionalProperties: false },
);
const TaskBody = Type.Object(
  { ...TaskFields, meetingId: Type.Optional(Type.Union([Type.Null(), Type.String({ format: 'uuid' })])) },
  { additionalProperties: false },
);

export function networkRoutes(team: TeamService, meetings: MeetingService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/cases/:id/team',
      {
        schema: {
          tags: ['network'],
          summary: 'The case team with roles; warns when no case director',
          params: CaseParams,
        },
      },
      async (request) => team.get(contextOf(request), request.params.id),
    );
    app.post(
      '/cases/:id/team',
      { schema: { tags: ['network'], params: CaseParams, body: TeamBody } },
      async (request) => team.add(contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/team/remove',
      {
        schema: {
          tags: ['network'],
          summary: 'Take a role off the team; the last case director of a running case stays (409)',
          params: CaseParams,
          body: TeamBody,
        },
      },
      async (request) => team.remove(contextOf(request), request.params.id, request.body),
    );
    app.get(
      '/cases/:id/contacts',
      {
        schema: {
          tags: ['network'],
          summary: 'Contact persons of the organisations taking part',
          params: CaseParams,
        },
      },
      async (request) => team.contacts(contextOf(request), request.params.id),
    );
    app.get(
      '/cases/:id/meetings',
      { schema: { tags: ['network'], summary: 'Network meetings and task agreements', params: CaseParams } },
      async (request) => meetings.list(contextOf(request), request.params.id),
    );
    app.post(
      '/cases/:id/meetings',
      {
        schema: {
          tags: ['network'],
          summary: 'Record a network meeting; the client and the perpetrator never both take part (400)',
          params: CaseParams,
          body: MeetingBody,
        },
      },
      async (request, reply) =>
        reply.code(201).send(await meetings.add(contextOf(request), request.params.id, request.body)),
    );
    app.post(
      '/cases/:id/tasks',
      { schema: { tags: ['network'], params: CaseParams, body: TaskBody } },
      async (request, reply) =>
        reply.code(201).send(await meetings.addTask(contextOf(request), request.params.id, request.body)),
    );
    app.post(
      '/case-tasks/:id/done',
      { schema: { tags: ['network'], summary: 'Tick off a task of a case', params: CaseParams } },
      async (request) => meetings.completeTask(contextOf(request), request.params.id),
    );
  };
}
