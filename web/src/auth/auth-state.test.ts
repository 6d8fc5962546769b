import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { Me } from '../api/contract.ts';
import { authState } from './auth-state.ts';

const user = { id: 'u1', email: 'a@b.nl', displayName: 'A' } as unknown as Me;

describe('who is signed in', () => {
  it('waits for the first read, also when retrying after a failure', () => {
    expect(authState({ data: undefined, error: null, isFetching: true }, false).status).toBe('loading');
    const failed = new ApiError(0, null);
    expect(authState({ data: undefined, error: failed, isFetching: true }, false).status).toBe('loading');
    expect(authState({ data: undefined, error: failed, isFetching: false }, false)).toEqual({
      status: 'error',
      error: failed,
    });
  });

  it('is nobody after a 401, with the expiry told, and the user once known', () => {
    expect(authState({ data: null, error: null, isFetching: false }, true)).toEqual({
      status: 'signedOut',
      expired: true,
    });
    expect(authState({ data: user, error: null, isFetching: false }, false)).toEqual({
      status: 'signedIn',
      user,
    });
  });
});
