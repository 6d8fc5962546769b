import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../api/client.ts';
import type { AppNotification } from '../api/contract.ts';

const REFRESH_MS = 60_000;

// One shared list for the header badge and the caseworker's home page.
let items: AppNotification[] | null = null;
let failed = false;
const listeners = new Set<() => void>();
let timer: number | undefined;
let users = 0;

function emit() {
  for (const l of listeners) l();
}

export function refreshNotifications(): void {
  api.get<AppNotification[]>('/notifications').then(
    (list) => {
      items = list;
      failed = false;
      emit();
    },
    () => {
      failed = true;
      emit();
    },
  );
}

export async function markNotificationRead(id: string): Promise<void> {
  const updated = await api.post<AppNotification | undefined>(
    `/notifications/${encodeURIComponent(id)}/read`,
    {},
  );
  const readAt = updated?.readAt ?? new Date().toISOString();
  items = (items ?? []).map((n) => (n.id === id ? { ...n, readAt } : n));
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function unreadCount(list: readonly AppNotification[] | null): number {
  return (list ?? []).filter((n) => !n.readAt).length;
}

/** Notifications for the signed-in user, refreshed every minute while anything shows them. */
export function useNotifications(enabled = true): { items: AppNotification[] | null; failed: boolean } {
  const list = useSyncExternalStore(
    subscribe,
    () => items,
    () => items,
  );
  const hasFailed = useSyncExternalStore(
    subscribe,
    () => failed,
    () => failed,
  );
  useEffect(() => {
    if (!enabled) return;
    users += 1;
    if (users === 1) {
      refreshNotifications();
      timer = window.setInterval(refreshNotifications, REFRESH_MS);
    }
    return () => {
      users -= 1;
      if (users === 0) {
        window.clearInterval(timer);
        timer = undefined;
        // Nothing shows them any more (e.g. signed out): forget them.
        items = null;
        failed = false;
      }
    };
  }, [enabled]);
  return { items: list, failed: hasFailed };
}
