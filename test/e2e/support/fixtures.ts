// The journeys' fixtures: a fresh preview per test on the simulated machine the test names (its own
// app session, journal and data folder), and a Journey that screenshots, scans and watches requests.
import { test as base, expect } from '@playwright/test';
import { join } from 'node:path';
import { defaultServices } from '../../../src-main/app/default-services.js';
import type { AppServices } from '../../../src-main/app/services.js';
import { pacedProbeServices } from '../../../src-main/preview/paced-probe.js';
import { startPreview, type RunningPreview } from '../../../src-main/preview/start.js';
import { Journey } from './journey.js';

export interface JourneyOptions {
  /** Simulated machine profile (assets/simulated/profiles/NAME.json). */
  profile: string;
  /** The simulated person answers the administrator prompt with "No". */
  declineUac: boolean;
  /** Real milliseconds at least between the probe's section reports (0: as fast as the simulation
   * answers). The simulated PowerShell pass reports every section at once; replaying the reports at
   * half the simulated machine's own timing (this many ms at least apart) shows the checking screen
   * ticking line by line, as on a real machine, and leaves time to stop the check. */
  probePaceMs: number;
}

/** The real services, with the probe's section reports replayed at half the simulated timing, at
 * least `paceMs` apart (cancel still works): the preview's own pacing (src-main/preview/paced-probe.ts). */
function pacedServices(paceMs: number): AppServices {
  return paceMs <= 0 ? defaultServices : pacedProbeServices(defaultServices, { scale: 0.5, minGapMs: paceMs });
}

export const test = base.extend<JourneyOptions & { preview: RunningPreview; journey: Journey }>({
  profile: ['healthy-win11', { option: true }],
  declineUac: [false, { option: true }],
  probePaceMs: [0, { option: true }],
  preview: async ({ profile, declineUac, probePaceMs }, use) => {
    const preview = await startPreview({
      profile,
      declineUac,
      services: pacedServices(probePaceMs),
      receivedDir: join(process.cwd(), 'test', 'fixtures', 'snapshots'),
      log: () => {},
    });
    await use(preview);
    await preview.close();
  },
  journey: async ({ page, preview }, use, testInfo) => {
    const slug = testInfo.titlePath
      .slice(1)
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60);
    const journey = new Journey(page, testInfo, slug);
    await page.goto(preview.server.url);
    await use(journey);
    journey.expectCleanRun();
  },
});

export { expect };
