// Who is signed in, and the calls that change it, with their query key. Sign-in calls never trigger the
// global "signed out" handling: a 401 there is an answer, not an expired session.
import { useMutation, useQuery } from '@tanstack/react-query';
import { ApiError, call, typed } from '../api/client.ts';
import type { Body, Me, Reply } from '../api/contract.ts';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

const quiet = { skipUnauthorized: true };

/** The signed-in user, or null when nobody is. Read once; sign-in and sign-out write it. */
export function useMeQuery() {
  return useQuery<Me | null, ApiError>({
    queryKey: authKeys.me,
    queryFn: async ({ signal }) => {
      try {
        return (await call(typed.GET('/api/v1/auth/me', { signal }), quiet)).user;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

export type LoginBody = Body<'/api/v1/auth/login', 'post'>;
export type PasswordBody = Body<'/api/v1/auth/password', 'post'>;
export type TotpBody = Body<'/api/v1/auth/totp/confirm', 'post'>;
export type TotpSetup = Reply<'/api/v1/auth/totp/setup', 'post'>;

export function useSignIn() {
  return useMutation<Me, ApiError, LoginBody>({
    mutationFn: async (body) => (await call(typed.POST('/api/v1/auth/login', { body }), quiet)).user,
    gcTime: 0, // the password is not kept
  });
}

export function useSignOut() {
  return useMutation<void, ApiError>({
    mutationFn: () => call(typed.POST('/api/v1/auth/logout'), quiet),
  });
}

/**
 * Changes the one-time password; answers the user as the server now knows it (null when that read failed:
 * the password was changed all the same).
 */
export function useChangePassword() {
  return useMutation<Me | null, ApiError, PasswordBody>({
    mutationFn: async (body) => {
      await call(typed.POST('/api/v1/auth/password', { body }));
      try {
        return (await call(typed.GET('/api/v1/auth/me'))).user;
      } catch {
        return null;
      }
    },
    gcTime: 0, // the passwords are not kept
  });
}

/** Every call makes a new secret: a write, not a read. */
export function useTotpSetup() {
  return useMutation<TotpSetup, ApiError>({
    mutationFn: () => call(typed.POST('/api/v1/auth/totp/setup')),
    gcTime: 0,
  });
}

export function useConfirmTotp() {
  return useMutation<Me, ApiError, TotpBody>({
    mutationFn: async (body) => (await call(typed.POST('/api/v1/auth/totp/confirm', { body }), quiet)).user,
    gcTime: 0,
  });
}
