import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/cloud/**/*.test.ts', 'tests/sync/**/*.test.ts'],
    // One throwaway PostgreSQL for the sync server's tests (skipped when none is installed).
    globalSetup: ['tests/helpers/postgres-global-setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
