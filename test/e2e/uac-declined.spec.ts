// Journey: the person answers Windows' administrator prompt with "No". Nothing changes, the step says
// so in plain words, and it can be tried again.
import { expect, test } from './support/fixtures.js';
import { button, check, currentFixKind, fixResult, text } from './support/wizard.js';

test.use({ profile: 'win10-21h2-offline-unpatched', declineUac: true });

test('UAC declined: nothing changed, the step offers to try again', async ({ journey, page }) => {
  await check(journey);
  await button(page, text.result.startFixing).click();
  expect(await currentFixKind(page)).toBe('install-windows-update');
  await expect(page.getByText(text.fix.adminNotice)).toBeVisible();
  await button(page, text.fix.chooseFile).click();
  await page.getByRole('radio', { name: /x64/ }).check();
  await button(page, text.fix.useThisFile).click();
  await button(page, text.fix.consent['install-windows-update']).click();
  expect(await fixResult(page)).toBe('declined');
  await expect(page.getByTestId('fix-result')).toContainText(text.fix.declined);
  await expect(button(page, text.common.tryAgain)).toBeEnabled();
  await expect(button(page, text.fix.next)).toHaveCount(0);
  await journey.capture('fix-uac-declined', '12-fix-uac-declined');
});
