import { ApiError } from '../api/client.ts';
import type { Me } from '../api/contract.ts';

export type AuthState =
  | { status: 'loading' }
  | { status: 'signedOut'; expired: boolean }
  | { status: 'signedIn'; user: Me }
  | { status: 'error'; error: ApiError };

/** Who is signed in, from the read of /auth/me (null: nobody) and whether a session just expired. */
export function authState(
  me: { data: Me | null | undefined; error: unknown; isFetching: boolean },
  expired: boolean,
): AuthState {
  if (me.data === undefined) {
    if (me.isFetching || !me.error) return { status: 'loading' };
    return { status: 'error', error: me.error instanceof ApiError ? me.error : new ApiError(0, null) };
  }
  return me.data === null ? { status: 'signedOut', expired } : { status: 'signedIn', user: me.data };
}
