// Journeys: Windows versions the agent's signature cannot be fixed on in place — Windows 7 without
// ESU rollups, and Windows 10 1803 that never got an ACS update. The result says so in plain words.
import { expect, test } from './support/fixtures.js';
import { check, expectVerdict, text } from './support/wizard.js';

test.describe('Windows 7 SP1 without ESU', () => {
  test.use({ profile: 'win7-sp1-no-esu-rollup' });

  test('says the rollup needs ESU and offers no update to install', async ({ journey, page }) => {
    await check(journey);
    await expect(page.getByTestId('headline')).not.toBeEmpty();
    await expect(page.locator('main')).toContainText(/ESU|Extended Security Updates/);
    await expect(page.getByTestId('plan')).not.toContainText(text.fix.consent['install-windows-update']);
    await page.locator('details.technical > summary').click();
    await expect(page.locator('details.technical')).toContainText('Windows 7');
    await journey.capture('result-win7-no-esu');
  });
});

test.describe('Windows 10 1803', () => {
  test.use({ profile: 'win10-1803-unsupported' });

  test('says the version is unsupported and the way forward is an upgrade', async ({ journey, page }) => {
    await check(journey);
    await expectVerdict(page, 'unsupported');
    await expect(page.getByTestId('plan')).toContainText(/upgrade|feature update/i);
    await journey.capture('result-win10-1803-unsupported');
  });
});
