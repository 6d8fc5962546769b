import type { Actor } from '../access/index.ts';

/**
 * What http/ needs of a signed-in session. identity/ resolves sessions and adds its own fields to this
 * interface (declaration merging), so http/ does not depend on identity/.
 */
export interface Session {
  actor: Actor;
  /** `setup`: signed in for the first time, password and second factor not yet set */
  stage: 'setup' | 'full';
}

/** Resolves a session cookie or a bearer API token to who is calling; null when neither is valid. */
export interface SessionResolver {
  resolveSession(token: string): Promise<Session | null>;
  resolveApiToken(token: string): Promise<Actor | null>;
}
