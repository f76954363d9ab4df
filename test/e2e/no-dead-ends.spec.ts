// Journeys (issue 16, points 1, 5 and 10): no dead ends. Without a local update file a person can skip
// the update step and still install the root certificate; every fix step has Skip and Back; a skipped
// step stays open and the last screen says what remains; the next action stays in view at 1280×720
// and 800×600; Windows this app cannot fix never shows "Start fixing".
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { button, check, checkWithKeyboard, currentFixKind, fixResult, tabTo, text } from './support/wizard.js';

const SIZES = [
  { name: '1280x720', width: 1280, height: 720 },
  { name: '800x600', width: 800, height: 600 },
] as const;

/** The primary action is visible without scrolling (the sticky action bar). */
async function expectInView(page: Page, name: string): Promise<void> {
  await expect(button(page, name)).toBeInViewport();
}

test.describe('offline Windows 10 21H2 without an update file', () => {
  test.use({ profile: 'win10-21h2-offline-unpatched' });

  for (const size of SIZES) {
    test(`mouse, ${size.name}: skip the update, install the certificate, the last screen lists the skipped update`, async ({ journey, page }) => {
      await page.setViewportSize(size);
      await check(journey);
      await expectInView(page, text.result.startFixing);
      await journey.capture(`result-${size.name}`);

      await button(page, text.result.startFixing).click();
      expect(await currentFixKind(page)).toBe('install-windows-update');
      await expect(button(page, text.fix.consent['install-windows-update'])).toBeDisabled();
      await expectInView(page, text.fix.skip);
      await expectInView(page, text.common.back);
      await expect(page.locator('#missing-file')).toContainText(text.fix.skipNoFileHint);
      await journey.capture(`fix-update-no-file-${size.name}`);

      // Back leads to the result, and Start fixing comes back to the same step
      await button(page, text.common.back).click();
      await journey.expectScreen('result', text.result.heading);
      await button(page, text.result.startFixing).click();
      expect(await currentFixKind(page)).toBe('install-windows-update');

      await button(page, text.fix.skip).click();
      expect(await currentFixKind(page)).toBe('install-root-certificate');
      await expect(page.locator('.step-position')).toHaveText(text.fix.progress(2, 4));
      await expectInView(page, text.fix.consent['install-root-certificate']);
      await button(page, text.fix.consent['install-root-certificate']).click();
      expect(await fixResult(page)).toBe('verified');
      await expectInView(page, text.fix.next);
      await button(page, text.fix.next).click();

      // nothing was installed that needs a restart: the restart step is passed over; starting the
      // agent is offered (and skipped: without the update it cannot work yet)
      expect(await currentFixKind(page)).toBe('start-agent-services');
      await expect(page.locator('.step-position')).toHaveText(text.fix.progress(4, 4));
      await button(page, text.fix.skip).click();
      await expect(page.locator('main')).toHaveAttribute('data-step', 'done', { timeout: 20_000 });
      await expect(page.locator('main h1')).toHaveText(text.done.stillBroken);
      const remaining = page.getByTestId('remaining');
      await expect(remaining).toContainText(text.done.skippedByYou);
      await expect(remaining.locator('li[data-skipped="true"]')).toHaveCount(2);
      await expectInView(page, text.done.continueFixing);
      await journey.capture(`done-skipped-update-${size.name}`);

      // the skipped step stays open: Continue fixing offers it again
      await button(page, text.done.continueFixing).click();
      expect(await currentFixKind(page)).toBe('install-windows-update');
    });
  }

  test('keyboard only, 800x600: Skip and Back are reachable with Tab and work with Enter', async ({ journey, page }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await checkWithKeyboard(journey);
    await tabTo(page, button(page, text.result.startFixing));
    await page.keyboard.press('Enter');
    expect(await currentFixKind(page)).toBe('install-windows-update');
    await expect(page.locator('main h1')).toBeFocused();

    await tabTo(page, button(page, text.common.back), 60);
    await page.keyboard.press('Enter');
    await journey.expectScreen('result', text.result.heading);
    await tabTo(page, button(page, text.result.startFixing));
    await page.keyboard.press('Enter');
    expect(await currentFixKind(page)).toBe('install-windows-update');

    await tabTo(page, button(page, text.fix.skip), 60);
    await page.keyboard.press('Enter');
    expect(await currentFixKind(page)).toBe('install-root-certificate');
    // Back from the second step returns to the skipped first one
    await tabTo(page, button(page, text.common.back), 60);
    await page.keyboard.press('Enter');
    expect(await currentFixKind(page)).toBe('install-windows-update');
    await tabTo(page, button(page, text.fix.skip), 60);
    await page.keyboard.press('Enter');
    expect(await currentFixKind(page)).toBe('install-root-certificate');
    await tabTo(page, button(page, text.fix.consent['install-root-certificate']), 60);
    await page.keyboard.press('Enter');
    expect(await fixResult(page)).toBe('verified');
    await tabTo(page, button(page, text.fix.next), 60);
    await page.keyboard.press('Enter');
    expect(await currentFixKind(page)).toBe('start-agent-services');
    await tabTo(page, button(page, text.fix.skip), 60);
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toHaveAttribute('data-step', 'done', { timeout: 20_000 });
    await expect(page.getByTestId('remaining').locator('li[data-skipped="true"]')).toHaveCount(2);
    await journey.capture('done-keyboard-800x600');
  });
});

test.describe('a step that fails can be skipped (administrator prompt declined)', () => {
  test.use({ profile: 'server2019-airgapped-missing-root', declineUac: true });

  test('declined: Try again, Skip and Back are offered; Skip moves on', async ({ journey, page }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await check(journey);
    await button(page, text.result.startFixing).click();
    const first = await currentFixKind(page);
    await button(page, text.fix.consent[first as keyof typeof text.fix.consent]).click();
    expect(await fixResult(page)).toBe('declined');
    await expectInView(page, text.common.tryAgain);
    await expect(button(page, text.fix.skip)).toBeVisible();
    await expect(button(page, text.common.back)).toBeVisible();
    await journey.capture('fix-declined-skip-800x600');
    await button(page, text.fix.skip).click();
    await expect(page.locator('main')).toHaveAttribute('data-step', /fix|verify|done/);
    await expect(page.locator(`main section[data-step-kind="${first}"]`)).toHaveCount(0);
  });
});

test.describe('Windows the app cannot fix', () => {
  test.describe('Windows 7 SP1', () => {
    test.use({ profile: 'win7-sp1-no-esu-rollup' });
    for (const size of SIZES) {
      test(`${size.name}: says plainly the assistant cannot change this Windows; no Start fixing`, async ({ journey, page }) => {
        await page.setViewportSize(size);
        await check(journey);
        await expect(page.getByTestId('no-fix')).toContainText(text.result.noFix.legacyWindowsText);
        await expect(page.getByTestId('no-fix')).toContainText('Windows 7');
        await expect(button(page, text.result.startFixing)).toHaveCount(0);
        await expectInView(page, text.result.exportReport);
        await journey.capture(`result-win7-no-fix-${size.name}`);
      });
    }
  });

  test.describe('Windows 10 1803', () => {
    test.use({ profile: 'win10-1803-unsupported' });
    test('keyboard, 800x600: upgrade only, no Start fixing; the report is the next action', async ({ journey, page }) => {
      await page.setViewportSize({ width: 800, height: 600 });
      await checkWithKeyboard(journey);
      await expect(page.getByTestId('no-fix')).toContainText(text.result.noFix.upgradeOnlyHeading);
      await expect(button(page, text.result.startFixing)).toHaveCount(0);
      await tabTo(page, button(page, text.result.exportReport));
      await page.keyboard.press('Enter');
      await journey.expectScreen('report', text.report.heading);
      await journey.capture('report-after-upgrade-only');
    });
  });
});
