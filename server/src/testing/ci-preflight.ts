import { ALL_REQUIREMENTS, IN_CI, missing } from './requirements.ts';

/**
 * Vitest global setup. In CI every suite must run: a missing PostgreSQL, openssl, pg_dump or Chromium
 * fails the run before any test, naming what is missing (outside CI those suites report themselves skipped).
 */
export default function ciPreflight() {
  if (!IN_CI) return;
  const absent = missing(ALL_REQUIREMENTS);
  if (absent.length > 0) {
    throw new Error(
      `CI=true, but the machine lacks what some suites need, and CI does not skip them:\n  - ${absent.join('\n  - ')}`,
    );
  }
}
