// The dark theme follows the system setting: the same screens, scanned by axe for contrast in dark.
import { expect, test } from './support/fixtures.js';
import { button, checkWithKeyboard, currentFixKind, text } from './support/wizard.js';

test.use({ profile: 'win10-21h2-offline-unpatched', colorScheme: 'dark' });

test('dark theme: result, fix step and report follow the system colour scheme and pass axe', async ({ journey, page }) => {
  await checkWithKeyboard(journey);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 24, 28)');
  await journey.capture('result-dark', '11-result-dark-theme');
  await button(page, text.result.startFixing).click();
  expect(await currentFixKind(page)).toBe('install-windows-update');
  await journey.capture('fix-dark');
  await button(page, text.result.exportReport).click();
  await journey.expectScreen('report', text.report.heading);
  await button(page, text.report.save).click();
  await expect(page.getByTestId('support-code')).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  await journey.capture('report-dark');
});
