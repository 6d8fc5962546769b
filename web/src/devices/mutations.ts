// The buttons' writes. Each answers with the device as it is now: it replaces the cached device, and the
// lists (and, where the case changed, the assignment history) are fetched afresh.
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, call, typed } from '../api/client.ts';
import type { Device, DeviceInput, DevicePatch } from '../api/contract.ts';
import { deviceKeys } from './queries.ts';

function stored(client: QueryClient, device: Device) {
  client.setQueryData(deviceKeys.one(device.id), device);
  void client.invalidateQueries({ queryKey: deviceKeys.lists });
}

export function useCreateDevice() {
  const client = useQueryClient();
  return useMutation<Device, ApiError, DeviceInput>({
    mutationFn: (body) => call(typed.POST('/api/v1/devices', { body })),
    onSuccess: (device) => stored(client, device),
  });
}

export function useUpdateDevice(id: string) {
  const client = useQueryClient();
  return useMutation<Device, ApiError, DevicePatch>({
    mutationFn: (body) => call(typed.PATCH('/api/v1/devices/{id}', { params: { path: { id } }, body })),
    onSuccess: (device) => stored(client, device),
  });
}

/** Gives the button to a case (caseId) or takes it back (null). */
export function useAssignDevice(id: string) {
  const client = useQueryClient();
  return useMutation<Device, ApiError, { caseId: string } | null>({
    mutationFn: (to) =>
      call(
        to
          ? typed.POST('/api/v1/devices/{id}/assign', { params: { path: { id } }, body: to })
          : typed.POST('/api/v1/devices/{id}/unassign', { params: { path: { id } } }),
      ),
    onSuccess: (device) => {
      stored(client, device);
      void client.invalidateQueries({ queryKey: deviceKeys.assignments(id) });
    },
  });
}
