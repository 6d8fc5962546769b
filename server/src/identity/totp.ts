import { authenticator } from 'otplib';

// One step (30 s) either side absorbs clock drift between phone and server.
authenticator.options = { window: 1 };

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function totpMatches(secret: string, code: string): boolean {
  return totpStep(secret, code) !== null;
}

/** The 30-second time step the code belongs to, or null when it matches none in the window. */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const delta = authenticator.checkDelta(code, secret);
    return delta === null ? null : Math.floor(now / 30_000) + delta;
  } catch {
    return null;
  }
}

export function totpCode(secret: string): string {
  return authenticator.generate(secret);
}

export function otpauthUrl(secret: string, email: string): string {
  return authenticator.keyuri(email, 'Aware', secret);
}
