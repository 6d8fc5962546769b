import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { haMissing } from './ha-cluster.ts';

/**
 * What some suites need from the machine. Outside CI a suite whose need is missing is reported as
 * skipped (a developer without PostgreSQL can still run the rest); in CI (`CI=true`) it fails, naming
 * what is missing, so the suite can never pass by skipping.
 */
export type Requirement = 'postgres' | 'openssl' | 'chromium' | 'pg_dump' | 'patroni';

export const IN_CI = ['true', '1'].includes((process.env.CI ?? '').toLowerCase());

const commandRuns = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const CHECKS: Record<Requirement, () => string | undefined> = {
  postgres: () =>
    process.env.DATABASE_URL
      ? undefined
      : 'PostgreSQL: DATABASE_URL is not set (postgres://user@host:port/db)',
  openssl: () => (commandRuns('openssl', ['version']) ? undefined : 'openssl: the command is not on PATH'),
  chromium: () => {
    const path = process.env.AWARE_CHROMIUM || '/usr/bin/chromium';
    return existsSync(path) ? undefined : `Chromium: not found at ${path} (apt-get install chromium)`;
  },
  // the HA fault test: etcd and two Patroni-managed PostgreSQL servers of its own (Debian packages)
  patroni: () => {
    const absent = haMissing();
    return absent.length === 0 ? undefined : `Patroni cluster: ${absent.join('; ')}`;
  },
  pg_dump: () =>
    commandRuns('pg_dump', ['--version'])
      ? undefined
      : 'pg_dump: the command is not on PATH (postgresql-client)',
};

/** What is missing of `needs`, each as a sentence naming it. */
export function missing(needs: readonly Requirement[]): string[] {
  return needs.map((need) => CHECKS[need]()).filter((m): m is string => m !== undefined);
}

/** The failure CI reports for a suite that cannot run. */
export function missingMessage(suite: string, absent: readonly string[]): string {
  return `CI=true: "${suite}" cannot run, and CI does not skip: ${absent.join('; ')}`;
}

/** Every requirement: what CI checks before any suite runs. */
export const ALL_REQUIREMENTS = Object.keys(CHECKS) as Requirement[];
