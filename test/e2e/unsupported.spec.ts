// Journeys: Windows versions the app cannot fix by itself — Windows 7 without the ESU rollups (the
// update exists only for Extended Security Updates customers) and Windows 10 1803 (never got an ACS
// update). The result says so in plain words and the step gives guidance instead of installing.
import { expect, test } from './support/fixtures.js';
import { button, check, currentFixKind, expectVerdict, fixResult, text } from './support/wizard.js';

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

    await button(page, text.result.startFixing).click();
    expect(await currentFixKind(page)).toBe('install-windows-update');
    await expect(page.getByTestId('offline-notice')).toBeVisible();
    await journey.capture('fix-win7-update');
  });
});

test.describe('Windows 10 1803', () => {
  test.use({ profile: 'win10-1803-unsupported' });

  test('says the version is unsupported; the only step is guidance to upgrade Windows', async ({ journey, page }) => {
    await check(journey);
    await expectVerdict(page, 'unsupported');
    await expect(page.getByTestId('plan')).toContainText(/upgrade/i);
    await journey.capture('result-win10-1803-unsupported');

    await button(page, text.result.startFixing).click();
    expect(await currentFixKind(page)).toBe('upgrade-windows');
    await button(page, text.fix.consent['upgrade-windows']).click();
    expect(await fixResult(page)).toBe('guidance');
    await expect(page.getByTestId('fix-result')).toContainText(/upgraded to a supported version/);
    await journey.capture('fix-win10-1803-upgrade-guidance');
  });
});
