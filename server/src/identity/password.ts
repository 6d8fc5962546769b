import { hash, verify } from '@node-rs/argon2';
import type { RefusalCode } from '../refusals.ts';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// algorithm 2 = Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax)
const PARAMS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real hash of nothing anybody knows, verified for unknown e-mail addresses so they take the same time. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}`);
  return decoyHash;
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  context: { email: string },
): { message: string; code: RefusalCode; params?: Record<string, string> } | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return {
      message: `must be at least ${MIN_PASSWORD_LENGTH} characters`,
      code: 'password.tooShort',
      params: { min: String(MIN_PASSWORD_LENGTH) },
    };
  if (password.length > 256) return { message: 'must be at most 256 characters', code: 'password.tooLong' };
  if (password.toLowerCase().includes(context.email.split('@')[0]!.toLowerCase())) {
    return { message: 'must not contain the e-mail address', code: 'password.containsEmail' };
  }
  if (new Set(password).size < 5) return { message: 'is too repetitive', code: 'password.repetitive' };
  return null;
}
