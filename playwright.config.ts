// Browser journeys through the preview (`npm run preview`'s startPreview, one simulated machine per
// test). Browser: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own Chromium.
import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  globalSetup: './test/e2e/support/global-setup.ts',
  // One tsconfig for every file the journeys load: its paths map #product/… and #double/… to the sources
  // (the Windows double then shares the product modules the journeys import).
  tsconfig: './tsconfig.json',
  fullyParallel: true,
  // Two cores here: two browsers at a time keeps the suite within a couple of minutes.
  workers: 2,
  // One retry in CI only: a journey that fails twice is a real failure; one that passes on retry is
  // reported as flaky in the JSON report (and counted as passed by scripts/count-results.mjs).
  retries: process.env.CI ? 1 : 0,
  // A fix step runs the real elevated helper under pwsh on the Windows double (3-8 s on two busy cores).
  timeout: 240_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1000, height: 800 },
    colorScheme: 'light',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--disable-gpu', '--disable-quic', '--no-first-run'],
    },
  },
});
