import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/src/**/*.test.ts', 'web/src/**/*.test.ts', 'tools/**/*.test.ts', 'e2e/**/*.test.ts'],
    // in CI, a suite whose database, openssl, pg_dump or Chromium is missing fails the run instead of skipping
    globalSetup: ['server/src/testing/ci-preflight.ts'],
    // a focused test (`.only`) fails the run everywhere, not only in CI
    allowOnly: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
