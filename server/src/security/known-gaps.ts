import { expect } from 'vitest';

/**
 * Access gaps this suite found and that are not fixed yet. Each entry keeps CI green while it lasts,
 * and FAILS as soon as the gap is closed, so the entry is removed and the check becomes strict.
 * Keep in step with the security report.
 */
export const KNOWN_GAPS: Readonly<Record<string, string>> = {};

export const gapKey = (kind: string, route: string) => `${kind}: ${route}`;

/**
 * `problems` must be empty — unless `key` is a known gap, in which case it must still be non-empty
 * (so a fix is noticed).
 */
export function expectGap(key: string, problems: readonly string[]) {
  if (KNOWN_GAPS[key] === undefined) {
    expect(problems, key).toEqual([]);
    return;
  }
  expect(
    problems.length,
    `known gap "${key}" no longer shows: remove it from KNOWN_GAPS in security/known-gaps.ts`,
  ).toBeGreaterThan(0);
}

/** The problems whose key is not a known gap (known ones are asserted where they are tracked). */
export function unknownOnly(problems: Readonly<Record<string, readonly string[]>>) {
  return Object.fromEntries(Object.entries(problems).filter(([key]) => KNOWN_GAPS[key] === undefined));
}
