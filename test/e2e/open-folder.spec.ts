// Journey (issue 16, point 8): opening a folder that is not one report folder offers the snapshot files
// in it; a file that cannot be opened is named on the same screen with a way back (no "Something went
// wrong"); nothing speaks of "a received snapshot" before one is open.
import { expect, test } from './support/fixtures.js';
import { button, tabTo, text } from './support/wizard.js';

test.use({ profile: 'healthy-win11' });

test('mouse, 1280x720: a folder of snapshots is offered file by file; a broken one is named, Back stays', async ({ journey, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await journey.expectScreen('welcome', text.welcome.heading);
  await button(page, text.welcome.openSnapshot).click();
  await journey.expectScreen('snapshot', text.snapshot.chooseHeading);
  await expect(page.getByTestId('demo-banner')).not.toHaveText(text.app.simulatedHostBehindSnapshot);
  await expect(page.locator('main')).toContainText(text.snapshot.folderHint);

  await button(page, 'broken').click();
  // the folder's files, on the same screen
  await expect(button(page, 'truncated.json')).toBeVisible();
  await expect(page.locator('main')).not.toContainText(text.errors.heading);
  await journey.capture('snapshot-folder-files');

  await button(page, 'truncated.json').click();
  await expect(page.getByRole('alert')).toContainText(/not valid JSON/);
  await expect(page.locator('main h1')).toHaveText(text.snapshot.chooseHeading);
  await expect(page.getByTestId('demo-banner')).not.toHaveText(text.app.simulatedHostBehindSnapshot);
  await journey.capture('snapshot-open-failed');
  await button(page, text.common.back).click();
  await journey.expectScreen('welcome', text.welcome.heading);
});

test('keyboard, 800x600: into the folder and back with Tab and Enter', async ({ journey, page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await journey.expectScreen('welcome', text.welcome.heading);
  await tabTo(page, button(page, text.welcome.openSnapshot));
  await page.keyboard.press('Enter');
  await journey.expectScreen('snapshot', text.snapshot.chooseHeading);
  await tabTo(page, button(page, 'broken'), 80);
  await page.keyboard.press('Enter');
  await expect(button(page, 'missing-os.json')).toBeVisible();
  await tabTo(page, button(page, 'missing-os.json'), 80);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('this part is missing');
  await journey.capture('snapshot-open-failed-keyboard');
  await tabTo(page, button(page, text.common.back), 80);
  await page.keyboard.press('Enter');
  await journey.expectScreen('welcome', text.welcome.heading);
});
