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
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // Some tests start real child processes with time limits; on a loaded 2-core CI machine one retry
    // keeps a slow start from failing the run. Locally a failure shows at once.
    retry: process.env.CI ? 1 : 0,
    // unit: in-process, fast (npx vitest run --project unit). integration: real processes, the browser,
    // packaging, lint, the hardening properties and the fix stories on the Windows double. powershell:
    // the shipped .ps1 scripts under pwsh (with the Pester suites: npm run test:powershell).
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'] } },
      // The fix stories' elevated steps run the real helper under pwsh on the double (3-8 s a step on 2 cores).
      {
        extends: true,
        test: { name: 'integration', include: ['test/**/*.test.{ts,tsx}'], exclude: ['test/unit/**', 'test/e2e/**', 'test/powershell/**', 'node_modules/**', 'dist/**'], testTimeout: 120_000 },
      },
      // The shipped PowerShell scripts run for real under pwsh on the Windows double (npm run test:powershell).
      { extends: true, test: { name: 'powershell', include: ['test/powershell/**/*.test.ts'], testTimeout: 120_000 } },
    ],
  },
});
