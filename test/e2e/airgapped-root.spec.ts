// Journey: an air-gapped Server 2019 with automatic root update turned off and the ACS root missing →
// install the bundled root certificate (no internet) → the agent's services run.
import { expect, test } from './support/fixtures.js';
import { button, check, currentFixKind, expectVerdict, fixResult, text } from './support/wizard.js';

test.use({ profile: 'server2019-airgapped-missing-root' });

test('air-gapped Server 2019 missing the root: install the bundled root, services running', async ({ journey, page }) => {
  await check(journey);
  await expectVerdict(page, 'action-required');
  await page.locator('details.technical > summary').click();
  await expect(page.locator('details.technical')).toContainText('F40042E2E5F7E8EF8189FED15519AECE42C3BFA2');
  await expect(page.locator('details.technical')).toContainText(/disabled/);
  await journey.capture('result-root-missing');

  await button(page, text.result.startFixing).click();
  expect(await currentFixKind(page)).toBe('install-root-certificate');
  await expect(page.locator('main')).toContainText('no internet connection is needed');
  await expect(page.getByTestId('fix-facts')).toContainText('F40042E2E5F7E8EF8189FED15519AECE42C3BFA2');
  await page.locator('details.commands > summary').click();
  await expect(page.locator('details.commands code').first()).toBeVisible();
  await journey.capture('fix-root-preview');

  await button(page, text.fix.consent['install-root-certificate']).click();
  expect(await fixResult(page)).toBe('verified');
  await expect(button(page, text.fix.undo)).toBeVisible();
  await journey.capture('fix-root-verified');
  await button(page, text.fix.next).click();

  if ((await page.locator('main').getAttribute('data-step')) === 'fix') {
    expect(await currentFixKind(page)).toBe('start-agent-services');
    await button(page, text.fix.consent['start-agent-services']).click();
    expect(await fixResult(page)).toBe('verified');
    await journey.capture('fix-services-verified');
    await button(page, text.fix.next).click();
  }
  await journey.expectScreen('done', text.done.heading);
  await expect(page.getByTestId('services')).toContainText(/Running/i);
  await journey.capture('done-root-installed');
});
