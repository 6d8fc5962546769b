// The action plan's writes: a tick of a step (the server's updated plan goes into the cache) and an event
// of the voice link; both add a timeline entry, so the alarm's detail is read again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, call, typed } from '../api/client.ts';
import type { AlarmPlan } from '../api/contract.ts';
import { alarmDetailsChanged } from './live-cache.ts';
import type { TickBody, VoiceEvent } from './plan-bodies.ts';
import { alarmKeys } from './queries.ts';

export function useTickStep(alarmId: string) {
  const client = useQueryClient();
  return useMutation<AlarmPlan, ApiError, TickBody>({
    mutationFn: (body) =>
      call(typed.POST('/api/v1/alarms/{id}/plan/ticks', { params: { path: { id: alarmId } }, body })),
    onSuccess: (plan) => {
      client.setQueryData(alarmKeys.plan(alarmId), plan);
      alarmDetailsChanged(client, [alarmId]);
    },
  });
}

/** Settles once the timeline, which the console reads the link's state from, has been read again. */
export function useVoiceLink(alarmId: string) {
  const client = useQueryClient();
  return useMutation<unknown, ApiError, VoiceEvent>({
    mutationFn: (event) =>
      call(
        typed.POST('/api/v1/alarms/{id}/voice-link', { params: { path: { id: alarmId } }, body: { event } }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: alarmKeys.detail(alarmId), exact: true }),
  });
}
