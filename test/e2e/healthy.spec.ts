// Journey: a healthy Windows 11 laptop, keyboard only from Start to the report and its support code,
// then the helpdesk decodes that code.
import { expect, test } from './support/fixtures.js';
import { button, checkWithKeyboard, expectVerdict, tabTo, text } from './support/wizard.js';

test.use({ profile: 'healthy-win11' });

test('healthy machine: all good, keyboard only, report with support code, helpdesk decodes it', async ({ journey, page }) => {
  await journey.expectScreen('welcome', text.welcome.heading);
  await expect(page.getByTestId('offline-badge')).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toContainText('Windows 11');
  await journey.capture('welcome', '01-welcome');

  await checkWithKeyboard(journey);
  await expectVerdict(page, 'ready');
  await expect(page.getByTestId('headline')).not.toBeEmpty();
  await expect(button(page, text.result.startFixing)).toHaveCount(0);
  // technical details open from the keyboard
  const details = page.locator('details.technical > summary');
  await tabTo(page, details);
  await page.keyboard.press('Enter');
  await expect(page.locator('details.technical')).toHaveAttribute('open', '');
  await expect(page.locator('details.technical')).toContainText('F40042E2E5F7E8EF8189FED15519AECE42C3BFA2');
  await journey.capture('result-healthy');

  await tabTo(page, button(page, text.result.exportReport));
  await page.keyboard.press('Enter');
  await journey.expectScreen('report', text.report.heading);
  await expect(page.getByRole('checkbox', { name: text.report.redact })).toBeChecked();
  await expect(page.getByTestId('redaction-preview')).toBeVisible();
  await journey.capture('report-redaction-preview');
  await tabTo(page, button(page, text.report.save));
  await page.keyboard.press('Enter');
  const code = page.getByTestId('support-code');
  await expect(code).toHaveText(/^ACS-[A-Z0-9]{4}-[A-Z0-9]{4}/);
  await expect(page.getByRole('img', { name: /QR code for the support code/ })).toBeVisible();
  await expect(page.getByTestId('report-files')).toContainText('.html');
  const supportCode = (await code.textContent()) ?? '';
  await journey.capture('report-saved-support-code', '08-report-support-code');

  // the helpdesk side: start over, decode the code read over the phone
  await page.reload();
  await journey.expectScreen('welcome', text.welcome.heading);
  await tabTo(page, button(page, text.welcome.helpdesk));
  await page.keyboard.press('Enter');
  await journey.expectScreen('helpdesk', text.helpdesk.heading);
  await page.getByRole('textbox', { name: text.helpdesk.inputLabel }).fill(supportCode.toLowerCase());
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('decoded-facts')).toBeVisible();
  await journey.capture('helpdesk-decoded', '09-helpdesk-decoded');
});
