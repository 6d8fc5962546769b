import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ORGANISATION_TYPES } from '../../access/index.ts';
import { contextOf } from '../../http/auth.ts';
import { Day, fromRows, Literals, Nullable, Timestamp, Uuid } from '../../http/schema.ts';
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

const Member = Type.Object({
  userId: Uuid,
  name: Type.String(),
  organisation: Nullable(
    Type.String({ description: 'the case parties the person works for, comma-separated' }),
  ),
  role: Literals(TEAM_ROLES),
});
const Candidate = Type.Object({ userId: Uuid, name: Type.String(), organisation: Type.String() });
const Team = Type.Object({
  members: Type.Array(Member),
  candidates: Type.Array(Candidate),
  warnings: Type.Array(Literals(['no_case_director'] as const)),
});
const Members = Type.Array(Member);
const Contacts = Type.Array(
  Type.Object({
    organisationId: Uuid,
    organisation: Type.String(),
    type: Literals(ORGANISATION_TYPES),
    partyRole: Type.String(),
    contacts: Type.Array(
      Type.Object({
        name: Type.String(),
        role: Type.String(),
        phone: Nullable(Type.String()),
        email: Nullable(Type.String()),
      }),
    ),
    team: Type.Array(Member),
  }),
);
const Task = Type.Object({
  id: Uuid,
  kind: Type.String(),
  description: Nullable(Type.String()),
  meetingId: Nullable(Uuid),
  assigneeId: Nullable(Uuid),
  assignee: Nullable(Type.String()),
  dueAt: Timestamp,
  doneAt: Nullable(Timestamp),
  remindedAt: Nullable(Timestamp),
  escalatedAt: Nullable(Timestamp),
  overdue: Type.Boolean(),
});
const MeetingFields = {
  id: Uuid,
  heldOn: Day,
  kind: Literals(['case_meeting', 'round_table', 'other'] as const),
  chair: Nullable(Type.String()),
  participants: Type.Array(
    Type.Object({
      kind: Literals(PARTICIPANT_KINDS),
      name: Type.String(),
      organisation: Type.Optional(Nullable(Type.String())),
    }),
  ),
  decisions: Nullable(Type.String()),
  createdAt: Timestamp,
};
const Meetings = Type.Object({
  meetings: Type.Array(Type.Object(MeetingFields)),
  tasks: Type.Array(Task),
  candidates: Type.Array(Candidate),
});
const MeetingWithTasks = Type.Object({ ...MeetingFields, tasks: Type.Array(Task) });

export function networkRoutes(team: TeamService, meetings: MeetingService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/cases/:id/team',
      {
        schema: {
          tags: ['network'],
          response: { 200: Team },
          summary: 'The case team with roles; warns when no case director',
          params: CaseParams,
        },
      },
      async (request) => team.get(contextOf(request), request.params.id),
    );
    app.post(
      '/cases/:id/team',
      { schema: { tags: ['network'], response: { 200: Members }, params: CaseParams, body: TeamBody } },
      async (request) => team.add(contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/team/remove',
      {
        schema: {
          tags: ['network'],
          response: { 200: Members },
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
          response: { 200: Contacts },
          summary: 'Contact persons of the organisations taking part',
          params: CaseParams,
        },
      },
      async (request) => team.contacts(contextOf(request), request.params.id),
    );
    app.get(
      '/cases/:id/meetings',
      {
        schema: {
          tags: ['network'],
          summary: 'Network meetings and task agreements',
          params: CaseParams,
          response: { 200: Meetings },
        },
      },
      async (request) => fromRows(await meetings.list(contextOf(request), request.params.id)),
    );
    app.post(
      '/cases/:id/meetings',
      {
        schema: {
          tags: ['network'],
          response: { 201: MeetingWithTasks },
          summary: 'Record a network meeting; the client and the perpetrator never both take part (400)',
          params: CaseParams,
          body: MeetingBody,
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(fromRows(await meetings.add(contextOf(request), request.params.id, request.body))),
    );
    app.post(
      '/cases/:id/tasks',
      { schema: { tags: ['network'], params: CaseParams, body: TaskBody, response: { 201: Task } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(fromRows(await meetings.addTask(contextOf(request), request.params.id, request.body))),
    );
    app.post(
      '/case-tasks/:id/done',
      {
        schema: {
          tags: ['network'],
          summary: 'Tick off a task of a case',
          params: CaseParams,
          response: { 200: Task },
        },
      },
      async (request) => fromRows(await meetings.completeTask(contextOf(request), request.params.id)),
    );
  };
}
