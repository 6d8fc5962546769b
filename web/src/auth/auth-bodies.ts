// The sign-in forms' values → the request bodies (codes without spaces, e-mail trimmed, empty code left out).
import type { LoginBody, PasswordBody, TotpBody } from './queries.ts';

export interface SignInForm {
  email: string;
  password: string;
  totp: string;
}
export interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}
export interface TotpForm {
  totp: string;
}

/** "123 456" → "123456": apps show the code in two groups. */
export const plainCode = (code: string): string => code.replace(/\s+/g, '');

export function loginBody(form: SignInForm): LoginBody {
  const totp = plainCode(form.totp);
  return { email: form.email.trim(), password: form.password, ...(totp ? { totp } : {}) };
}

export const passwordBody = (form: PasswordForm): PasswordBody => ({
  currentPassword: form.currentPassword,
  newPassword: form.newPassword,
});

export const totpBody = (form: TotpForm): TotpBody => ({ totp: plainCode(form.totp) });
