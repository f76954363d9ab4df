// The journeys' fixtures: a fresh preview per test on the simulated machine the test names (its own
// app session, journal and data folder), and a Journey that screenshots, scans and watches requests.
import { test as base, expect } from '@playwright/test';
import { join } from 'node:path';
import { startPreview, type RunningPreview } from '../../../src-main/preview/start.js';
import { Journey } from './journey.js';

export interface JourneyOptions {
  /** Simulated machine profile (assets/simulated/profiles/NAME.json). */
  profile: string;
  /** The simulated person answers the administrator prompt with "No". */
  declineUac: boolean;
}

export const test = base.extend<JourneyOptions & { preview: RunningPreview; journey: Journey }>({
  profile: ['healthy-win11', { option: true }],
  declineUac: [false, { option: true }],
  preview: async ({ profile, declineUac }, use) => {
    const preview = await startPreview({
      profile,
      declineUac,
      receivedDir: join(process.cwd(), 'test', 'fixtures', 'snapshots'),
      log: () => {},
    });
    await use(preview);
    await preview.close();
  },
  journey: async ({ page, preview }, use, testInfo) => {
    const slug = testInfo.titlePath.slice(1).join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
    const journey = new Journey(page, testInfo, slug);
    await page.goto(preview.server.url);
    await use(journey);
    journey.expectNoForeignRequests();
  },
});

export { expect };
