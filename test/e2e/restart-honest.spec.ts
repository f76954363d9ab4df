// Journey (issue 16, point 2): honest restart state. "I will restart later", then the app is opened
// again without a restart: it does not claim Windows restarted (the boot time did not change), offers
// the restart again, and keeps the step numbers ("Step 3 of 4" stays "Step 3 of 4"); after the restart
// (the boot time changed) the check finds the agent running. The "restarted" notice and "Step 4 of 4"
// after a real restart are covered in test/unit/renderer/actions.test.ts (resumedAt).
import { expect, test } from './support/fixtures.js';
import { button, check, checkWithKeyboard, currentFixKind, fixResult, tabTo, text } from './support/wizard.js';

test.use({ profile: 'win10-21h2-offline-unpatched' });

for (const mode of [
  { name: 'mouse, 1280x720', keyboard: false, width: 1280, height: 720 },
  { name: 'keyboard, 800x600', keyboard: true, width: 800, height: 600 },
]) {
  test(`${mode.name}: restart later, reopen: not restarted, same step numbers; restart now: done`, async ({ journey, page }) => {
    await page.setViewportSize({ width: mode.width, height: mode.height });
    const press = async (name: string) => {
      if (mode.keyboard) {
        await tabTo(page, button(page, name), 80);
        await page.keyboard.press('Enter');
      } else await button(page, name).click();
    };
    if (mode.keyboard) await checkWithKeyboard(journey);
    else await check(journey);
    await press(text.result.startFixing);
    expect(await currentFixKind(page)).toBe('install-windows-update');
    await button(page, text.fix.chooseFile).click();
    await page.getByRole('radio', { name: /x64/ }).check();
    await button(page, text.fix.useThisFile).click();
    await press(text.fix.consent['install-windows-update']);
    expect(await fixResult(page)).toBe('awaiting-reboot');
    await press(text.fix.next);
    expect(await currentFixKind(page)).toBe('install-root-certificate');
    await press(text.fix.consent['install-root-certificate']);
    expect(await fixResult(page)).toBe('verified');
    await press(text.fix.next);
    expect(await currentFixKind(page)).toBe('reboot');
    await expect(page.locator('.step-position')).toHaveText(text.fix.progress(3, 4));
    await press(text.fix.rebootLater);
    expect(await fixResult(page)).toBe('restart-later');
    // said once, not twice (issue 16, point 7)
    await expect(page.getByTestId('fix-result')).toHaveText(text.fix.restartLater);

    // closed and opened again, without a restart
    await page.reload();
    await journey.expectScreen('welcome', text.welcome.resumeHeading);
    await expect(page.locator('main')).not.toContainText(text.fix.rebootDone);
    await press(text.welcome.resume);
    expect(await currentFixKind(page)).toBe('reboot');
    await expect(page.getByTestId('restart-notice')).toHaveAttribute('data-restarted', 'false');
    await expect(page.getByTestId('restart-notice')).toContainText(text.fix.notRestartedYet);
    await expect(page.locator('.step-position')).toHaveText(text.fix.progress(3, 4));
    await expect(button(page, text.fix.consent.reboot)).toBeInViewport();
    await journey.capture(`fix-not-restarted-yet-${mode.width}`);

    await press(text.fix.consent.reboot);
    // after the restart Windows starts the agent's services itself: nothing is left
    await expect(page.locator('main')).toHaveAttribute('data-step', 'done', { timeout: 20_000 });
    await expect(page.locator('main h1')).toHaveText(text.done.heading);
    await journey.capture(`done-after-restart-${mode.width}`);
  });
}
