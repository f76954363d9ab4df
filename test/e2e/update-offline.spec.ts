// Journey: an offline Windows 10 21H2 laptop without the update → install it from a local .msu →
// restart → the remaining steps → the agent's services run.
import { expect, test } from './support/fixtures.js';
import { button, check, currentFixKind, expectVerdict, fixResult, text } from './support/wizard.js';

test.use({ profile: 'win10-21h2-offline-unpatched' });

test('unpatched Windows 10 21H2: update from a local file, restart, services running', async ({ journey, page }) => {
  await journey.capture('welcome');
  await check(journey);
  await expectVerdict(page, 'action-required');
  await expect(page.getByTestId('plan').locator('li')).not.toHaveCount(0);
  await expect(page.getByTestId('plan')).toContainText('KB5011487');
  await journey.capture('result-update-missing', '03-result-update-missing');

  await button(page, text.result.startFixing).click();
  expect(await currentFixKind(page)).toBe('install-windows-update');
  await expect(page.locator('main h1')).toBeFocused();
  // offline: the step says so and offers the local file instead of a download
  await expect(page.getByTestId('offline-notice')).toContainText(text.fix.offlineHeading);
  await expect(page.getByTestId('offline-notice')).toContainText('Microsoft Update Catalog');
  await expect(button(page, text.fix.consent['install-windows-update'])).toBeDisabled();
  // the restart is a later step of its own: this step says which one does it (issue 16, point 3)
  await expect(page.getByTestId('restart-after')).toHaveText(text.fix.restartAfter(3, 'Restart the computer'));
  await expect(page.getByText(text.fix.rebootWarning, { exact: false })).toHaveCount(0);
  await journey.capture('fix-update-offline', '04-fix-update-offline');

  await button(page, text.fix.chooseFile).click();
  await page.getByRole('radio', { name: /x64/ }).check();
  await button(page, text.fix.useThisFile).click();
  await expect(page.getByTestId('chosen-file')).toContainText('kb5011487-x64');
  await expect(button(page, text.fix.consent['install-windows-update'])).toBeEnabled();
  await page.locator('details.commands > summary').click();
  await expect(page.locator('details.commands')).toContainText(/wusa|dism/i);
  await journey.capture('fix-update-file-chosen');

  await button(page, text.fix.consent['install-windows-update']).click();
  expect(await fixResult(page)).toBe('awaiting-reboot');
  await expect(page.locator('.progress-lines li')).not.toHaveCount(0);
  await journey.capture('fix-update-installed');
  await button(page, text.fix.next).click();

  const seen: string[] = ['install-windows-update'];
  for (let guard = 0; guard < 6 && (await page.locator('main').getAttribute('data-step')) !== 'done'; guard += 1) {
    await expect(page.locator('main')).toHaveAttribute('data-step', /fix|verify|done|checking/);
    const step = await page.locator('main').getAttribute('data-step');
    if (step !== 'fix') {
      await expect(page.locator('main')).toHaveAttribute('data-step', 'done', { timeout: 20_000 });
      break;
    }
    const kind = await currentFixKind(page);
    seen.push(kind);
    await expect(page.locator('main h1')).toBeFocused();
    if (kind === 'reboot') {
      // the restart is announced before it starts
      await expect(page.getByText(text.fix.rebootWarning, { exact: false })).toBeVisible();
      await journey.capture('fix-reboot-before', '06-fix-restart');
      await button(page, text.fix.consent.reboot).click();
      // the simulated Windows restarts; the app checks again and resumes at the next step
      await expect(page.locator('main:not(:has([data-step-kind="reboot"]))')).toHaveAttribute('data-step', /fix|done/, { timeout: 20_000 });
      continue;
    }
    await expect(button(page, text.fix.consent[kind as keyof typeof text.fix.consent])).toBeEnabled();
    await journey.capture(`fix-${kind}`);
    await button(page, text.fix.consent[kind as keyof typeof text.fix.consent]).click();
    expect(await fixResult(page)).toBe('verified');
    await journey.capture(`fix-${kind}-verified`);
    await button(page, text.fix.next).click();
  }

  // the update needs its restart before anything can be checked; after it the agent starts
  expect(seen.slice(0, 1)).toEqual(['install-windows-update']);
  expect(seen).toContain('reboot');
  await journey.expectScreen('done', text.done.heading);
  await expect(page.getByTestId('services')).toContainText(/Running/i);
  await journey.capture('done-services-running', '07-done-services-running');
});

test('internet use only when the person allows it, and it can be turned off again', async ({ journey, page }) => {
  await check(journey);
  await expect(page.getByTestId('offline-badge')).toBeVisible();
  await button(page, text.result.startFixing).click();
  expect(await currentFixKind(page)).toBe('install-windows-update');
  await expect(page.getByTestId('offline-notice')).toBeVisible();
  await page.getByTestId('offline-notice').getByRole('button', { name: text.app.allowNetwork }).click();
  await expect(page.getByTestId('online-badge')).toHaveText(text.app.onlineBadge);
  // with the internet allowed the update can come from Windows Update: no local file is required
  await expect(page.getByTestId('offline-notice')).toHaveCount(0);
  await expect(button(page, text.fix.consent['install-windows-update'])).toBeEnabled();
  await journey.capture('fix-update-internet-allowed');
  await page.locator('header').getByRole('button', { name: text.app.workOffline }).click();
  await expect(page.getByTestId('offline-badge')).toBeVisible();
  await expect(page.getByTestId('offline-notice')).toBeVisible();
  await expect(button(page, text.fix.consent['install-windows-update'])).toBeDisabled();
});
