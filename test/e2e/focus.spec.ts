// Journeys (issue 16, point 6): the keyboard focus never drops to the page. What a button brings onto
// the screen takes the focus (the offered update files, the chosen file, the saved report, the decoded
// support code, an opened snapshot's heading); a heading focused by the app shows no ring after a mouse
// click, and keeps it for keyboard use.
import { expect, test } from './support/fixtures.js';
import { button, check, checkWithKeyboard, tabTo, text } from './support/wizard.js';

test.describe('update file, keyboard, 800x600', () => {
  test.use({ profile: 'win10-21h2-offline-unpatched' });

  test('Choose a local update file focuses the first file; Use this file focuses the chosen file', async ({ journey, page }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await checkWithKeyboard(journey);
    await tabTo(page, button(page, text.result.startFixing));
    await page.keyboard.press('Enter');
    await tabTo(page, button(page, text.fix.chooseFile), 60);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('radio').first()).toBeFocused();
    await page.keyboard.press('Space');
    await tabTo(page, button(page, text.fix.useThisFile), 10);
    await page.keyboard.press('Enter');
    await expect(page.locator('.focus-target:has([data-testid="chosen-file"])')).toBeFocused();
    await journey.capture('fix-file-chosen-focus');
  });
});

test.describe('report, helpdesk and snapshot, mouse, 1280x720', () => {
  test.use({ profile: 'healthy-win11' });

  test('Save the report, Decode and opening a snapshot move the focus to what appeared', async ({ journey, page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await check(journey);
    // focused by the app after a mouse click: no heavy ring
    expect(await page.locator('main h1').evaluate((h1) => getComputedStyle(h1).outlineStyle)).toBe('none');
    await button(page, text.result.exportReport).click();
    await button(page, text.report.save).click();
    await expect(page.getByTestId('report-saved')).toBeFocused();
    const code = ((await page.getByTestId('support-code').textContent()) ?? '').trim();
    await journey.capture('report-saved-focus');

    await page.reload();
    await journey.expectScreen('welcome', text.welcome.heading);
    await button(page, text.welcome.helpdesk).click();
    await page.getByRole('textbox', { name: text.helpdesk.inputLabel }).fill(code);
    await button(page, text.helpdesk.decode).click();
    await expect(page.getByTestId('decoded')).toBeFocused();
    await journey.capture('helpdesk-decoded-focus');

    await page.reload();
    await journey.expectScreen('welcome', text.welcome.heading);
    await button(page, text.welcome.openSnapshot).click();
    await button(page, 'server2019-airgapped-root-missing.json').click();
    await expect(page.locator('main h1')).toContainText(/Snapshot of/);
    await expect(page.locator('main h1')).toBeFocused();
  });
});
