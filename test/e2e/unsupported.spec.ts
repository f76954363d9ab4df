// Journeys: Windows versions the app cannot fix by itself — Windows 7 without the ESU rollups (the
// update exists only for Extended Security Updates customers) and Windows 10 1803 (never got an ACS
// update). The result says so in plain words and offers no fix the app cannot make.
import { expect, test } from './support/fixtures.js';
import { button, check, expectVerdict, text } from './support/wizard.js';

test.describe('Windows 7 SP1 without ESU', () => {
  test.use({ profile: 'win7-sp1-no-esu-rollup' });

  test('explains the rollup needs an ESU subscription; the update step gives the order to install in', async ({ journey, page }) => {
    await check(journey);
    await expectVerdict(page, 'action-required');
    await expect(page.locator('main')).toContainText('Extended Security Updates');
    await expect(page.getByTestId('plan')).toContainText('KB5006743');
    await page.locator('details.technical > summary').click();
    await expect(page.locator('details.technical')).toContainText('Windows 7');
    await journey.capture('result-win7-no-esu');
    // The app runs on Windows 10 / Server 2016 and later only: it never offers to fix Windows 7 itself.
    await expect(page.getByTestId('no-fix')).toContainText(text.result.noFix.legacyWindowsText);
    await expect(button(page, text.result.startFixing)).toHaveCount(0);
  });
});

test.describe('Windows 10 1803', () => {
  test.use({ profile: 'win10-1803-unsupported' });

  test('says the version is unsupported; the only step is guidance to upgrade Windows', async ({ journey, page }) => {
    await check(journey);
    await expectVerdict(page, 'unsupported');
    await expect(page.getByTestId('plan')).toContainText(/upgrade/i);
    await journey.capture('result-win10-1803-unsupported');
    // Nothing the app can do: no Start fixing, the guidance is on the result itself.
    await expect(page.getByTestId('no-fix')).toContainText(text.result.noFix.upgradeOnlyText);
    await expect(button(page, text.result.startFixing)).toHaveCount(0);
  });
});
