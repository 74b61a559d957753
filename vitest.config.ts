import { defineConfig } from 'vitest/config';

// Dates in this product are local Vietnamese dates (periods, deadlines): pin the zone for every test.
process.env.TZ = 'Asia/Ho_Chi_Minh';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/server/src/**/*.test.ts',
      'apps/web/src/**/*.test.ts',
      'apps/web/src/**/*.test.tsx',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // PGlite instances are memory-hungry; two cores on CI.
    maxWorkers: 2,
  },
});
