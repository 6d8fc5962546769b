import type { AppNotification } from '../api/contract.ts';
import { useNotificationList } from './queries.ts';

export function unreadCount(list: readonly AppNotification[] | null): number {
  return (list ?? []).filter((n) => !n.readAt).length;
}

/** Notifications for the signed-in user; null until read. */
export function useNotifications(): AppNotification[] | null {
  return useNotificationList().data ?? null;
}
