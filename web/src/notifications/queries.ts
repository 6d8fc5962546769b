// The signed-in user's notifications: one cached list for the header badge and the caseworker's home page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, call, typed } from '../api/client.ts';
import type { AppNotification } from '../api/contract.ts';

const REFRESH_MS = 60_000;

export const notificationKeys = {
  all: ['notifications'] as const,
};

/**
 * Notifications, refreshed every minute while anything shows them and forgotten once nothing does (e.g.
 * after signing out).
 */
export function useNotificationList() {
  return useQuery<AppNotification[], ApiError>({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) => call(typed.GET('/api/v1/notifications', { signal })),
    refetchInterval: REFRESH_MS,
    gcTime: 0,
  });
}

/** Mark one read; the badge and the list drop it at once. */
export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => call(typed.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: (_nothing, id) => {
      const readAt = new Date().toISOString();
      client.setQueryData<AppNotification[]>(notificationKeys.all, (list) =>
        list?.map((n) => (n.id === id ? { ...n, readAt } : n)),
      );
    },
  });
}
