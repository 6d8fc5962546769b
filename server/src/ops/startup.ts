/**
 * Whether this node has finished starting. Until it has, `/health` answers 503 with what it is still
 * doing, so a load balancer or script never sends a user to a node without its first administrator or
 * demo data. (Migrations run before the node listens at all.)
 */
export interface Startup {
  /** what start-up is still doing, or null once it has finished */
  pending(): string | null;
  step(what: string): void;
  done(): void;
}

export function trackStartup(first: string): Startup {
  let pending: string | null = first;
  return {
    pending: () => pending,
    step(what) {
      if (pending !== null) pending = what;
    },
    done() {
      pending = null;
    },
  };
}
