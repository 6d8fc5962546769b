// The administration pages' writes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, call, typed } from '../api/client.ts';
import type { Reply } from '../api/contract.ts';
import { adminKeys } from './queries.ts';

/** Puts every failed e-mail back in the queue; the outbox's counts and failures change. */
export function useRetryMail() {
  const client = useQueryClient();
  return useMutation<Reply<'/api/v1/admin/mail/retry', 'post'>, ApiError>({
    mutationFn: () => call(typed.POST('/api/v1/admin/mail/retry')),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.mail }),
  });
}
