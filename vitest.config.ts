import { defineConfig } from 'vitest/config';

// Unit tests are pure; API tests run against a real database: embedded PGlite by default,
// the PostgreSQL server when TEST_DATABASE_URL is set (scripts/test-all.mjs runs both).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['server/**/*.unit.test.ts', 'scripts/**/*.unit.test.ts', 'web/**/*.unit.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'api',
          include: ['server/**/*.api.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: more workers only make each PGlite instance slower.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          // One browser at a time: the server and Chromium share two cores.
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
