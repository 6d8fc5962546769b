// The caseworker's own after-care work: open tasks and recent incidents, with their query keys.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, call, typed } from '../api/client.ts';
import type { AftercareTask, Incident } from '../api/contract.ts';

export const aftercareKeys = {
  openTasks: ['tasks', 'open'] as const,
  incidents: ['incidents'] as const,
};

export function useOpenTasks() {
  return useQuery<AftercareTask[], ApiError>({
    queryKey: aftercareKeys.openTasks,
    queryFn: ({ signal }) => call(typed.GET('/api/v1/tasks', { params: { query: { open: true } }, signal })),
  });
}

export function useIncidents() {
  return useQuery<Incident[], ApiError>({
    queryKey: aftercareKeys.incidents,
    queryFn: ({ signal }) => call(typed.GET('/api/v1/incidents', { signal })),
  });
}

/** Tick off a task: it leaves the open list at once; a refusal re-reads the list. */
export function useTaskDone() {
  const client = useQueryClient();
  return useMutation<unknown, ApiError, AftercareTask>({
    mutationFn: (task) => call(typed.POST('/api/v1/tasks/{id}/done', { params: { path: { id: task.id } } })),
    onSuccess: (_reply, task) =>
      client.setQueryData<AftercareTask[]>(aftercareKeys.openTasks, (list) =>
        list?.filter((x) => x.id !== task.id),
      ),
    onError: () => client.invalidateQueries({ queryKey: aftercareKeys.openTasks }),
  });
}
