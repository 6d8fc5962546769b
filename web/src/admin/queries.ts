// The administration pages' server state: query keys (one place) and reads.
import { useQuery } from '@tanstack/react-query';
import { type ApiError, call, typed } from '../api/client.ts';
import type { Organisation, Region, Reply, UserSummary } from '../api/contract.ts';

export type MailOverview = Reply<'/api/v1/admin/mail', 'get'>;
type Health = Reply<'/health', 'get'>;

/** How often the replication banner asks the server. */
const LOOK_EVERY_MS = 15_000;

export const adminKeys = {
  organisations: ['organisations'] as const,
  regions: ['regions'] as const,
  users: ['users'] as const,
  mail: ['admin', 'mail'] as const,
  health: ['health', 'details'] as const,
};

export function useOrganisations({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery<Organisation[], ApiError>({
    queryKey: adminKeys.organisations,
    queryFn: ({ signal }) => call(typed.GET('/api/v1/organisations', { signal })),
    enabled,
  });
}

export function useRegions() {
  return useQuery<Region[], ApiError>({
    queryKey: adminKeys.regions,
    queryFn: ({ signal }) => call(typed.GET('/api/v1/regions', { signal })),
  });
}

export function useUsers() {
  return useQuery<UserSummary[], ApiError>({
    queryKey: adminKeys.users,
    queryFn: ({ signal }) => call(typed.GET('/api/v1/users', { signal })),
  });
}

export function useMailOverview() {
  return useQuery<MailOverview, ApiError>({
    queryKey: adminKeys.mail,
    queryFn: ({ signal }) => call(typed.GET('/api/v1/admin/mail', { signal })),
  });
}

/**
 * The server's health with details, looked at every 15 s. A 503 answers with the same fields; a server
 * that cannot be reached keeps the last answer (the outage banner tells about that).
 */
export function useHealthDetails() {
  return useQuery<Pick<Health, 'replication'>>({
    queryKey: adminKeys.health,
    queryFn: async ({ signal }) => {
      const { data, error } = await typed.GET('/health', { params: { query: { details: true } }, signal });
      return data ?? (error as Pick<Health, 'replication'>);
    },
    refetchInterval: LOOK_EVERY_MS,
  });
}
