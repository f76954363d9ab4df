// Journey: a German Server 2016 whose update waits for a restart. The person chooses "restart later",
// closes the app; when it opens again it says "Welcome back" and continues at the restart step; after
// the (simulated) restart the agent's services run.
import { expect, test } from './support/fixtures.js';
import { button, check, currentFixKind, fixResult, text } from './support/wizard.js';

test.use({ profile: 'german-server2016-pending-reboot' });

test('pending restart: restart later, reopen, the app resumes at the restart step, then runs', async ({ journey, page }) => {
  await check(journey);
  await expect(page.getByTestId('headline')).toContainText(/restart/i);
  await button(page, text.result.startFixing).click();
  expect(await currentFixKind(page)).toBe('reboot');
  await expect(page.getByText(text.fix.rebootWarning, { exact: false })).toBeVisible();
  await button(page, text.fix.rebootLater).click();
  expect(await fixResult(page)).toBe('restart-later');
  await journey.capture('fix-restart-later');

  // the person closes the app and opens it again later
  await page.reload();
  await journey.expectScreen('welcome', text.welcome.resumeHeading);
  // nothing claims a restart before the check knows
  await expect(page.locator('main')).toContainText(text.welcome.resumeCheck('Start the security agent'));
  await expect(page.locator('main')).not.toContainText(text.fix.rebootDone);
  await journey.capture('welcome-back');
  await button(page, text.welcome.resume).click();
  // Windows has not restarted yet (same boot time): the app says so and stays at the restart step
  expect(await currentFixKind(page)).toBe('reboot');
  await expect(page.getByTestId('restart-notice')).toHaveAttribute('data-restarted', 'false');
  await expect(page.locator('.step-position')).toHaveText(text.fix.progress(1, 2));
  await button(page, text.fix.consent.reboot).click();
  // the simulated Windows restarts, the app checks again and moves on from the restart step
  await expect(page.locator('main:not(:has([data-step-kind="reboot"]))')).toHaveAttribute('data-step', /fix|done/, { timeout: 20_000 });
  if ((await page.locator('main').getAttribute('data-step')) === 'fix') {
    expect(await currentFixKind(page)).toBe('start-agent-services');
    await button(page, text.fix.consent['start-agent-services']).click();
    expect(await fixResult(page)).toBe('verified');
    await button(page, text.fix.next).click();
  }
  await journey.expectScreen('done', text.done.heading);
  await expect(page.getByTestId('services')).toContainText(/Running|Wird ausgeführt/i);
  await journey.capture('done-after-restart');
});
