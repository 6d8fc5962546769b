import { describe, it } from 'vitest';
import { IN_CI, missing, missingMessage, type Requirement } from './requirements.ts';

/**
 * A `describe` that runs only when `needs` are met. When they are not: skipped outside CI, and in CI a
 * single failing test naming what is missing.
 */
export function describeRequiring(needs: readonly Requirement[], name: string, suite: () => void) {
  const absent = missing(needs);
  if (absent.length === 0) return describe(name, suite);
  if (IN_CI) {
    return describe(name, () => {
      it('has what it needs', () => {
        throw new Error(missingMessage(name, absent));
      });
    });
  }
  return describe.skipIf(true)(`${name} (skipped: ${absent.join('; ')})`, suite);
}
