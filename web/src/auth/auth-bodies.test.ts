import { describe, expect, it } from 'vitest';
import { loginBody, passwordBody, totpBody } from './auth-bodies.ts';

describe('sign-in forms become request bodies', () => {
  it('signs in with the e-mail trimmed and the code without spaces, or without a code', () => {
    expect(loginBody({ email: ' ab@example.nl ', password: ' geheim ', totp: '123 456' })).toEqual({
      email: 'ab@example.nl',
      password: ' geheim ',
      totp: '123456',
    });
    expect(loginBody({ email: 'ab@example.nl', password: 'x', totp: '  ' })).toEqual({
      email: 'ab@example.nl',
      password: 'x',
    });
  });

  it('sends the passwords as typed, never the repetition', () => {
    expect(
      passwordBody({ currentPassword: 'oud', newPassword: 'nieuw wachtwoord', repeat: 'nieuw' }),
    ).toEqual({
      currentPassword: 'oud',
      newPassword: 'nieuw wachtwoord',
    });
  });

  it('confirms the authenticator with the code without spaces', () => {
    expect(totpBody({ totp: ' 654 321 ' })).toEqual({ totp: '654321' });
  });
});
