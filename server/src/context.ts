import type { Actor } from './access/index.ts';

/** Who is acting and from where; every service call takes one. */
export interface RequestContext {
  actor: Actor;
  ip: string | null;
}
