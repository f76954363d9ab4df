// Journeys (issue 16, point 7): each thing is said once. The update file picker says which file fits
// this computer (KB and architecture) and marks the files offered; a file for the wrong architecture is
// refused with one visible sentence (not three: the checks list, a warning and the blocker); after the
// update is installed, "Windows must restart" is said once; "restart later" is said once.
// Mouse at 1280×720 and keyboard at 800×600, axe on every captured screen.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { button, check, checkWithKeyboard, currentFixKind, fixResult, tabTo, text } from './support/wizard.js';

test.use({ profile: 'win10-21h2-offline-unpatched' });

const WRONG_ARCHITECTURE = 'Built for x86, but this Windows is x64.';

/** How many elements on screen show this text (hidden ones, such as inside a closed <details>, do not count). */
async function visibleCount(page: Page, pattern: string | RegExp): Promise<number> {
  return page.locator('main').getByText(pattern).filter({ visible: true }).count();
}

for (const mode of [
  { name: 'mouse, 1280x720', keyboard: false, width: 1280, height: 720 },
  { name: 'keyboard, 800x600', keyboard: true, width: 800, height: 600 },
]) {
  test(`${mode.name}: which file fits, the wrong architecture said once, "must restart" and "restart later" said once`, async ({ journey, page }) => {
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
    await press(text.fix.chooseFile);

    // the picker says which file fits: the KB (or a later cumulative update) and the architecture
    const wanted = page.getByTestId('file-wanted');
    await expect(wanted).toContainText(text.fix.fileKbOrLater('KB5011487'));
    await expect(wanted).toContainText(text.fix.fileArchitecture('x64'));
    const x64 = page.getByRole('radio', { name: /x64/ });
    const x86 = page.getByRole('radio', { name: /x86/ });
    await expect(page.locator('label.radio').filter({ has: x64 })).toContainText(text.fix.fileFits);
    await expect(page.locator('label.radio').filter({ has: x86 })).toContainText(text.fix.fileWrongArchitecture('x86'));
    await journey.capture(`fix-update-files-offered-${mode.width}`);

    // the wrong one chosen anyway: refused, said once
    if (mode.keyboard) {
      await expect(page.getByRole('radio').first()).toBeFocused();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      await expect(x86).toBeChecked();
    } else await x86.check();
    await press(text.fix.useThisFile);
    await expect(page.getByTestId('blockers')).toContainText(WRONG_ARCHITECTURE);
    expect(await visibleCount(page, WRONG_ARCHITECTURE)).toBe(1);
    await expect(button(page, text.fix.consent['install-windows-update'])).toBeDisabled();
    await journey.capture(`fix-update-wrong-architecture-${mode.width}`);

    // the right one: installed, and "Windows must restart" said once
    await press(text.fix.chooseOtherFile);
    if (mode.keyboard) {
      await expect(page.getByRole('radio').first()).toBeFocused();
      await page.keyboard.press('Space');
      await expect(x64).toBeChecked();
    } else await x64.check();
    await press(text.fix.useThisFile);
    await expect(page.getByTestId('blockers')).toHaveCount(0);
    await press(text.fix.consent['install-windows-update']);
    expect(await fixResult(page)).toBe('awaiting-reboot');
    await expect(page.getByTestId('fix-result')).toContainText(text.fix.awaitingReboot);
    expect(await visibleCount(page, /must restart/i)).toBe(1);
    await journey.capture(`fix-update-installed-${mode.width}`);

    // the restart step: "restart later" said once
    await press(text.fix.next);
    expect(await currentFixKind(page)).toBe('install-root-certificate');
    await press(text.fix.skip);
    expect(await currentFixKind(page)).toBe('reboot');
    await press(text.fix.rebootLater);
    expect(await fixResult(page)).toBe('restart-later');
    await expect(page.getByTestId('fix-result')).toHaveText(text.fix.restartLater);
    expect(await visibleCount(page, /restart Windows when it suits you/i)).toBe(1);
    await journey.capture(`fix-restart-later-${mode.width}`);
  });
}
