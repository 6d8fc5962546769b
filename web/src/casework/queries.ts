// The server state of the phase 3-4 tabs: one query key per resource (all under ['casework', caseId]),
// fetched through the typed client; each write invalidates exactly the resources it changes.
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, typed } from '../api/client.ts';
import type { Body, Reply } from '../api/contract.ts';

export const caseworkKeys = {
  conversations: (caseId: string) => ['casework', caseId, 'conversations'] as const,
  /** every version of the plan; `safetyPlanVersion` is one of them (null: the newest) */
  safetyPlan: (caseId: string) => ['casework', caseId, 'safety-plan'] as const,
  safetyPlanVersion: (caseId: string, version: number | null) =>
    ['casework', caseId, 'safety-plan', version] as const,
  forms: (caseId: string) => ['casework', caseId, 'forms'] as const,
  supportReferrals: (caseId: string) => ['casework', caseId, 'support-referrals'] as const,
  incidentLog: (caseId: string) => ['casework', caseId, 'incident-log'] as const,
  documents: (caseId: string) => ['casework', caseId, 'documents'] as const,
  team: (caseId: string) => ['casework', caseId, 'team'] as const,
  meetings: (caseId: string) => ['casework', caseId, 'meetings'] as const,
  contacts: (caseId: string) => ['casework', caseId, 'contacts'] as const,
  evaluation: (caseId: string) => ['casework', caseId, 'evaluation'] as const,
};

export type Conversations = Reply<'/api/v1/cases/{id}/conversations', 'get'>;
export type SafetyPlan = Reply<'/api/v1/cases/{id}/safety-plan', 'get'>;
export type Forms = Reply<'/api/v1/cases/{id}/forms', 'get'>;
export type Meetings = Reply<'/api/v1/cases/{id}/meetings', 'get'>;
export type Evaluation = Reply<'/api/v1/cases/{id}/evaluation', 'get'>;

const onCase = (caseId: string) => ({ path: { id: caseId } });

export const useConversations = (caseId: string) =>
  useQuery({
    queryKey: caseworkKeys.conversations(caseId),
    queryFn: ({ signal }) =>
      call(typed.GET('/api/v1/cases/{id}/conversations', { params: onCase(caseId), signal })),
  });

export const useSafetyPlan = (caseId: string, version: number | null) =>
  useQuery({
    queryKey: caseworkKeys.safetyPlanVersion(caseId, version),
    queryFn: ({ signal }) =>
      call(
        typed.GET('/api/v1/cases/{id}/safety-plan', {
          params: { ...onCase(caseId), query: version ? { version } : {} },
          signal,
        }),
      ),
  });

export const useForms = (caseId: string) =>
  useQuery({
    queryKey: caseworkKeys.forms(caseId),
    queryFn: ({ signal }) => call(typed.GET('/api/v1/cases/{id}/forms', { params: onCase(caseId), signal })),
  });

export const useSupportReferrals = (caseId: string) =>
  useQuery({
    queryKey: caseworkKeys.supportReferrals(caseId),
    queryFn: ({ signal }) =>
      call(typed.GET('/api/v1/cases/{id}/support-referrals', { params: onCase(caseId), signal })),
  });

export const useIncidentLog = (caseId: string) =>
  useQuery({
    queryKey: caseworkKeys.incidentLog(caseId),
    queryFn: ({ signal }) =>
      call(typed.GET('/api/v1/cases/{id}/incident-log', { params: onCase(caseId), signal })),
  });

export const useCaseDocuments = (caseId: string) =>
  useQuery({
    queryKey: caseworkKeys.documents(caseId),
    queryFn: ({ signal }) =>
      call(typed.GET('/api/v1/cases/{id}/documents', { params: onCase(caseId), signal })),
  });

export const useTeam = (caseId: string) =>
  useQuery({
    queryKey: caseworkKeys.team(caseId),
    queryFn: ({ signal }) => call(typed.GET('/api/v1/cases/{id}/team', { params: onCase(caseId), signal })),
  });

export const useMeetings = (caseId: string) =>
  useQuery({
    queryKey: caseworkKeys.meetings(caseId),
    queryFn: ({ signal }) =>
      call(typed.GET('/api/v1/cases/{id}/meetings', { params: onCase(caseId), signal })),
  });

export const useContacts = (caseId: string) =>
  useQuery({
    queryKey: caseworkKeys.contacts(caseId),
    queryFn: ({ signal }) =>
      call(typed.GET('/api/v1/cases/{id}/contacts', { params: onCase(caseId), signal })),
  });

export const useEvaluation = (caseId: string) =>
  useQuery({
    queryKey: caseworkKeys.evaluation(caseId),
    queryFn: ({ signal }) =>
      call(typed.GET('/api/v1/cases/{id}/evaluation', { params: onCase(caseId), signal })),
  });

/** A write whose success makes the given queries stale (the mutation ends once they are fetched again). */
function useWrite<V, R>(write: (variables: V) => Promise<R>, affects: readonly QueryKey[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => Promise.all(affects.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}

export const useAddConversation = (caseId: string) =>
  useWrite(
    (body: Body<'/api/v1/cases/{id}/conversations', 'post'>) =>
      call(typed.POST('/api/v1/cases/{id}/conversations', { params: onCase(caseId), body })),
    [caseworkKeys.conversations(caseId)],
  );

export const useSaveSafetyPlan = (caseId: string) =>
  useWrite(
    (body: Body<'/api/v1/cases/{id}/safety-plan', 'post'>) =>
      call(typed.POST('/api/v1/cases/{id}/safety-plan', { params: onCase(caseId), body })),
    [caseworkKeys.safetyPlan(caseId)],
  );

export const useSaveForm = (caseId: string) =>
  useWrite(
    (body: Body<'/api/v1/cases/{id}/forms', 'post'>) =>
      call(typed.POST('/api/v1/cases/{id}/forms', { params: onCase(caseId), body })),
    [caseworkKeys.forms(caseId)],
  );

export const useAddSupportReferral = (caseId: string) =>
  useWrite(
    (body: Body<'/api/v1/cases/{id}/support-referrals', 'post'>) =>
      call(typed.POST('/api/v1/cases/{id}/support-referrals', { params: onCase(caseId), body })),
    [caseworkKeys.supportReferrals(caseId)],
  );

export const useAddIncident = (caseId: string) =>
  useWrite(
    (body: Body<'/api/v1/cases/{id}/incident-log', 'post'>) =>
      call(typed.POST('/api/v1/cases/{id}/incident-log', { params: onCase(caseId), body })),
    [caseworkKeys.incidentLog(caseId)],
  );

/** The team decides who is offered for tasks and whom to call: a change there reaches those too. */
const teamAffects = (caseId: string) => [
  caseworkKeys.team(caseId),
  caseworkKeys.meetings(caseId),
  caseworkKeys.contacts(caseId),
];

export const useAddTeamMember = (caseId: string) =>
  useWrite(
    (body: Body<'/api/v1/cases/{id}/team', 'post'>) =>
      call(typed.POST('/api/v1/cases/{id}/team', { params: onCase(caseId), body })),
    teamAffects(caseId),
  );

export const useRemoveTeamMember = (caseId: string) =>
  useWrite(
    (body: Body<'/api/v1/cases/{id}/team/remove', 'post'>) =>
      call(typed.POST('/api/v1/cases/{id}/team/remove', { params: onCase(caseId), body })),
    teamAffects(caseId),
  );

export const useAddMeeting = (caseId: string) =>
  useWrite(
    (body: Body<'/api/v1/cases/{id}/meetings', 'post'>) =>
      call(typed.POST('/api/v1/cases/{id}/meetings', { params: onCase(caseId), body })),
    [caseworkKeys.meetings(caseId)],
  );

export const useTickOffTask = (caseId: string) =>
  useWrite(
    (taskId: string) =>
      call(typed.POST('/api/v1/case-tasks/{id}/done', { params: { path: { id: taskId } } })),
    [caseworkKeys.meetings(caseId)],
  );

export const useAddEvaluation = (caseId: string) =>
  useWrite(
    (body: Body<'/api/v1/cases/{id}/evaluations', 'post'>) =>
      call(typed.POST('/api/v1/cases/{id}/evaluations', { params: onCase(caseId), body })),
    [caseworkKeys.evaluation(caseId)],
  );

export const useAddGoal = (caseId: string) =>
  useWrite(
    (body: Body<'/api/v1/cases/{id}/goals', 'post'>) =>
      call(typed.POST('/api/v1/cases/{id}/goals', { params: onCase(caseId), body })),
    [caseworkKeys.evaluation(caseId)],
  );

export const useRateGoal = (caseId: string) =>
  useWrite(
    (body: Body<'/api/v1/cases/{id}/goals/result', 'post'>) =>
      call(typed.POST('/api/v1/cases/{id}/goals/result', { params: onCase(caseId), body })),
    [caseworkKeys.evaluation(caseId)],
  );

export const useStartEvaluation = (caseId: string) =>
  useWrite(
    (body: Body<'/api/v1/cases/{id}/evaluation/start', 'post'>) =>
      call(typed.POST('/api/v1/cases/{id}/evaluation/start', { params: onCase(caseId), body })),
    [caseworkKeys.evaluation(caseId)],
  );

export const useExtend = (caseId: string) =>
  useWrite(
    (body: Body<'/api/v1/cases/{id}/extension', 'post'>) =>
      call(typed.POST('/api/v1/cases/{id}/extension', { params: onCase(caseId), body })),
    [caseworkKeys.evaluation(caseId)],
  );

export const useClose = (caseId: string) =>
  useWrite(
    (body: Body<'/api/v1/cases/{id}/closure', 'post'>) =>
      call(typed.POST('/api/v1/cases/{id}/closure', { params: onCase(caseId), body })),
    [caseworkKeys.evaluation(caseId)],
  );

/** The recorded entries a correction can be made to, by the route that takes it. */
export type CorrectionRoute =
  | 'POST /api/v1/cases/{id}/conversations/{entryId}/corrections'
  | 'POST /api/v1/cases/{id}/incident-log/{entryId}/corrections'
  | 'POST /api/v1/cases/{id}/evaluations/{entryId}/corrections';

/** Corrects one entry; the section's toBody made the body for its own route (checked by its schema first). */
export function useCorrection(route: CorrectionRoute, caseId: string, entryId: string) {
  const params = { path: { id: caseId, entryId } };
  const [write, affects] = {
    'POST /api/v1/cases/{id}/conversations/{entryId}/corrections': [
      (body: Record<string, unknown>) =>
        call(
          typed.POST('/api/v1/cases/{id}/conversations/{entryId}/corrections', {
            params,
            body: body as Body<'/api/v1/cases/{id}/conversations/{entryId}/corrections', 'post'>,
          }),
        ),
      caseworkKeys.conversations(caseId),
    ],
    'POST /api/v1/cases/{id}/incident-log/{entryId}/corrections': [
      (body: Record<string, unknown>) =>
        call(
          typed.POST('/api/v1/cases/{id}/incident-log/{entryId}/corrections', {
            params,
            body: body as Body<'/api/v1/cases/{id}/incident-log/{entryId}/corrections', 'post'>,
          }),
        ),
      caseworkKeys.incidentLog(caseId),
    ],
    'POST /api/v1/cases/{id}/evaluations/{entryId}/corrections': [
      (body: Record<string, unknown>) =>
        call(
          typed.POST('/api/v1/cases/{id}/evaluations/{entryId}/corrections', {
            params,
            body: body as Body<'/api/v1/cases/{id}/evaluations/{entryId}/corrections', 'post'>,
          }),
        ),
      caseworkKeys.evaluation(caseId),
    ],
  }[route] as [(body: Record<string, unknown>) => Promise<unknown>, QueryKey];
  return useWrite(write, [affects]);
}
