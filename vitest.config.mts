import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // Some tests start real child processes with time limits; on a loaded 2-core CI machine one retry
    // keeps a slow start from failing the run. Locally a failure shows at once.
    retry: process.env.CI ? 1 : 0,
  },
});
