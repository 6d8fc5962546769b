// The home pages' reads and the task ticks made from them, with their query keys.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, call, typed } from '../api/client.ts';
import type { Body, Device, Reply } from '../api/contract.ts';

/** Other parties change the lists (a consent, a new task): the home refreshes itself now and then. */
const REFRESH_MS = 60_000;

export type MyWork = Reply<'/api/v1/my-work', 'get'>;
export type WorkTask = MyWork['tasks'][number];

export const homeKeys = {
  myWork: ['my-work'] as const,
  /** the whole button stock, as the devices pages list it */
  devices: ['devices'] as const,
};

/** The caller's work over every case they may see. */
export function useMyWork() {
  return useQuery<MyWork, ApiError>({
    queryKey: homeKeys.myWork,
    queryFn: ({ signal }) => call(typed.GET('/api/v1/my-work', { signal })),
    refetchInterval: REFRESH_MS,
  });
}

export type MyWorkResource = ReturnType<typeof useMyWork>;

export function useDeviceStock() {
  return useQuery<Device[], ApiError>({
    queryKey: homeKeys.devices,
    queryFn: ({ signal }) => call(typed.GET('/api/v1/devices', { signal })),
  });
}

export type SkipBody = Body<'/api/v1/case-tasks/{id}/skip', 'post'>;

/** "Afronden", or "Niet gevoerd" with the reason: the task leaves the work lists. */
export function useCaseTaskStep() {
  const client = useQueryClient();
  return useMutation<
    unknown,
    ApiError,
    { id: string } & ({ step: 'done' } | { step: 'skip'; body: SkipBody })
  >({
    mutationFn: (request) => {
      const params = { path: { id: request.id } };
      return request.step === 'done'
        ? call(typed.POST('/api/v1/case-tasks/{id}/done', { params }))
        : call(typed.POST('/api/v1/case-tasks/{id}/skip', { params, body: request.body }));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: homeKeys.myWork }),
  });
}
