// Writes on a case. Each names what it changes; on success exactly those queries are fetched afresh.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api/client.ts';
import { caseKeys } from './queries.ts';

/**
 * What a change to a case shows up in besides the case itself and its timeline: the case lists and the
 * homes' overview (status, caseworker, deadline), its documents, the device stock.
 */
export type Affected = 'lists' | 'documents' | 'devices';

/** The query keys a change to the case touches. */
export function affectedKeys(caseId: string, affected: readonly Affected[]): (readonly unknown[])[] {
  const keys: (readonly unknown[])[] = [caseKeys.timeline(caseId)];
  if (affected.includes('lists')) keys.push(caseKeys.lists, caseKeys.overview);
  if (affected.includes('documents')) keys.push(caseKeys.documents(caseId));
  if (affected.includes('devices')) keys.push(caseKeys.devices);
  return keys;
}

/** Fetch the case afresh (its page and timeline), and what else the change touched. */
export function useCaseRefresh(caseId: string) {
  const client = useQueryClient();
  return (affected: readonly Affected[] = []) =>
    Promise.all([
      client.invalidateQueries({ queryKey: caseKeys.detail(caseId), exact: true }),
      ...affectedKeys(caseId, affected).map((queryKey) => client.invalidateQueries({ queryKey })),
    ]);
}

/** A write on the case; on success the case, its timeline and the `affected` queries are fetched afresh. */
export function useCaseWrite<V, R = unknown>(
  caseId: string,
  write: (values: V) => Promise<R>,
  affected: readonly Affected[] = [],
) {
  const refresh = useCaseRefresh(caseId);
  return useMutation<R, ApiError, V>({
    mutationFn: write,
    onSuccess: () => refresh(affected),
  });
}
