// The handling steps (claim, forward, dispatch, on scene, resolve) as one mutation: the server's updated alarm
// goes into the cache at once (queue, detail), without waiting for the stream; someone else first (409) →
// the queue and the detail are read again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, call, typed } from '../api/client.ts';
import type { Alarm } from '../api/contract.ts';
import { alarmDetailsChanged, applyAlarm } from './live-cache.ts';
import { alarmKeys } from './queries.ts';
import type { DispatchBody, ForwardBody, ResolveBody } from './step-bodies.ts';

export type StepRequest = { alarmId: string } & (
  | { step: 'claim' | 'on_scene' }
  | { step: 'forward'; body: ForwardBody }
  | { step: 'dispatch'; body: DispatchBody }
  | { step: 'resolve'; body: ResolveBody }
);

function postStep(request: StepRequest): Promise<Alarm> {
  const params = { path: { id: request.alarmId } };
  switch (request.step) {
    case 'claim':
      return call(typed.POST('/api/v1/alarms/{id}/claim', { params }));
    case 'on_scene':
      return call(typed.POST('/api/v1/alarms/{id}/on-scene', { params, body: {} }));
    case 'forward':
      return call(typed.POST('/api/v1/alarms/{id}/forward', { params, body: request.body }));
    case 'dispatch':
      return call(typed.POST('/api/v1/alarms/{id}/dispatch', { params, body: request.body }));
    case 'resolve':
      return call(typed.POST('/api/v1/alarms/{id}/resolve', { params, body: request.body }));
  }
}

export function useAlarmStep() {
  const client = useQueryClient();
  return useMutation<Alarm, ApiError, StepRequest>({
    mutationFn: postStep,
    onSuccess: (alarm) => applyAlarm(client, alarm),
    onError: (err, { alarmId }) => {
      if (err.status !== 409) return;
      void client.invalidateQueries({ queryKey: alarmKeys.open, exact: true });
      alarmDetailsChanged(client, [alarmId]);
    },
  });
}
