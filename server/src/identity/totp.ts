import { authenticator } from 'otplib';

// One step (30 s) either side absorbs clock drift between phone and server.
authenticator.options = { window: 1 };

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function totpMatches(secret: string, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  try {
    return authenticator.check(code, secret);
  } catch {
    return false;
  }
}

export function totpCode(secret: string): string {
  return authenticator.generate(secret);
}

export function otpauthUrl(secret: string, email: string): string {
  return authenticator.keyuri(email, 'Aware', secret);
}
