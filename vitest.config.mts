import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // package.json "imports" point at dist/ (compiled runs); tests run the sources, one copy of each module.
  resolve: {
    alias: [
      { find: /^#product\/(.*)$/, replacement: `${here('./src-main/')}$1` },
      { find: /^#double\/(.*)$/, replacement: `${here('./test/windows-double/')}$1` },
    ],
  },
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
