// Journeys (issue 16, point 10): a Windows no update can fix. "Open the upgrade guide" opens Settings >
// Windows Update on this computer, or says where it is (the preview's machine is simulated); Microsoft's
// upgrade page opens only after the person agreed to go online (and here, in the preview, the screen
// gives its address to copy: nothing is requested from the internet). No "Start fixing" where nothing
// can be fixed; a plan only a person can carry out says so. Mouse at 1280×720 and keyboard at 800×600.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { button, check, checkWithKeyboard, tabTo, text } from './support/wizard.js';

const MODES = [
  { name: 'mouse, 1280x720', keyboard: false, width: 1280, height: 720 },
  { name: 'keyboard, 800x600', keyboard: true, width: 800, height: 600 },
] as const;

function presser(page: Page, keyboard: boolean) {
  return async (name: string) => {
    if (keyboard) {
      await tabTo(page, button(page, name), 80);
      await page.keyboard.press('Enter');
    } else await button(page, name).click();
  };
}

test.describe('Windows 10 1803: only an upgrade helps', () => {
  test.use({ profile: 'win10-1803-unsupported' });

  for (const mode of MODES) {
    test(`${mode.name}: no Start fixing; the upgrade guide says where Windows Update is; Microsoft's page only after consent`, async ({ journey, page }) => {
      await page.setViewportSize({ width: mode.width, height: mode.height });
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      const press = presser(page, mode.keyboard);
      if (mode.keyboard) await checkWithKeyboard(journey);
      else await check(journey);
      await expect(page.getByTestId('no-fix')).toContainText(text.result.noFix.upgradeOnlyHeading);
      await expect(button(page, text.result.startFixing)).toHaveCount(0);

      // Settings > Windows Update: the simulated machine's Settings cannot open here, so it says where they are
      await press(text.fix.consent['upgrade-windows']);
      await expect(page.getByTestId('upgrade-guide-status')).toHaveText(text.result.upgradeGuide.settingsWhere);

      // Microsoft's page: asked first; Cancel opens nothing
      await press(text.result.upgradeGuide.openWeb);
      await expect(page.getByTestId('upgrade-consent')).toBeFocused();
      await expect(page.getByTestId('upgrade-consent')).toContainText(text.result.upgradeGuide.webConsent);
      await journey.capture(`upgrade-consent-${mode.width}`);
      await press(text.common.cancel);
      await expect(page.getByTestId('upgrade-consent')).toHaveCount(0);
      await expect(page.getByTestId('upgrade-page')).toHaveCount(0);

      // agreed: in the preview the address is given (to copy), nothing is fetched from the internet
      await press(text.result.upgradeGuide.openWeb);
      await press(text.result.upgradeGuide.webConfirm);
      const address = 'https://www.microsoft.com/software-download/windows11';
      await expect(page.getByTestId('upgrade-guide-status')).toContainText(text.result.upgradeGuide.webWhere);
      await expect(page.getByTestId('upgrade-page')).toHaveAttribute('data-value', address);
      await press(`${text.places.copy} (${text.places.what.upgradePage})`);
      await expect(page.getByTestId('upgrade-page').locator('.place-status')).toHaveText(text.places.copied);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
      await journey.capture(`upgrade-guide-where-${mode.width}`);
      expect(page.context().pages()).toHaveLength(1);
    });
  }
});

test.describe('the Microsoft root in Disallowed: only an administrator can help', () => {
  test.use({ profile: 'japanese-win10-root-disallowed' });

  for (const mode of MODES) {
    test(`${mode.name}: no Start fixing, says the assistant cannot fix it, the report is the next action`, async ({ journey, page }) => {
      await page.setViewportSize({ width: mode.width, height: mode.height });
      if (mode.keyboard) await checkWithKeyboard(journey);
      else await check(journey);
      await expect(page.getByTestId('no-fix')).toContainText(text.result.noFix.guidanceOnlyHeading);
      await expect(page.getByTestId('no-fix')).toContainText(text.result.noFix.guidanceOnlyText);
      await expect(button(page, text.result.startFixing)).toHaveCount(0);
      await expect(button(page, text.result.exportReport)).toHaveClass(/primary/);
      await expect(button(page, text.result.exportReport)).toBeInViewport();
      await journey.capture(`result-guidance-only-${mode.width}`);
    });
  }
});
