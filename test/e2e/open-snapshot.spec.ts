// Journey: a helpdesk person opens a snapshot file received from a customer. The view is read-only and
// says whose machine it is and when it was collected; nothing can be fixed from here.
import { expect, test } from './support/fixtures.js';
import { button, text } from './support/wizard.js';

test.use({ profile: 'healthy-win11' });

test('opening a snapshot file: read-only, marked with whose machine and when', async ({ journey, page }) => {
  await journey.expectScreen('welcome', text.welcome.heading);
  await button(page, text.welcome.openSnapshot).click();
  await journey.expectScreen('snapshot', text.snapshot.chooseHeading);
  await journey.capture('snapshot-choose');
  await button(page, 'server2019-airgapped-root-missing.json').click();
  await expect(page.locator('main h1')).toContainText(/Snapshot of/);
  const banner = page.getByTestId('read-only-banner');
  await expect(banner).toContainText(text.snapshot.readOnly);
  await expect(banner).toContainText(/\d{4}, \d{2}:\d{2} UTC/);
  await expect(button(page, text.result.startFixing)).toHaveCount(0);
  await expect(page.getByTestId('plan')).toBeVisible();
  // The demo banner must not suggest the received snapshot is the simulated machine.
  await expect(page.getByTestId('demo-banner')).toHaveText(text.app.simulatedHostBehindSnapshot);
  await journey.capture('snapshot-read-only', '10-snapshot-read-only');
  await button(page, text.snapshot.close).click();
  await journey.expectScreen('welcome', text.welcome.heading);
});
