// Journey: an air-gapped Server 2019 with automatic root update turned off and the ACS root missing →
// install the bundled root certificate (no internet) → undo and redo it → the agent's services run.
// Keyboard only: every button is reached with Tab and pressed with Enter.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { button, checkWithKeyboard, currentFixKind, expectVerdict, fixResult, tabTo, text } from './support/wizard.js';

test.use({ profile: 'server2019-airgapped-missing-root' });

async function press(page: Page, name: string): Promise<void> {
  await tabTo(page, button(page, name));
  await page.keyboard.press('Enter');
}

test('air-gapped Server 2019 missing the root: install the bundled root, services running', async ({ journey, page }) => {
  await checkWithKeyboard(journey);
  await expectVerdict(page, 'action-required');
  await tabTo(page, page.locator('details.technical > summary'));
  await page.keyboard.press('Enter');
  await expect(page.locator('details.technical')).toContainText('F40042E2E5F7E8EF8189FED15519AECE42C3BFA2');
  await expect(page.locator('details.technical')).toContainText(text.result.technical.autoUpdateStatus.disabled);
  await journey.capture('result-root-missing');

  await press(page, text.result.startFixing);
  expect(await currentFixKind(page)).toBe('install-root-certificate');
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page.locator('main')).toContainText('no internet connection is needed');
  await expect(page.getByTestId('fix-facts')).toContainText('F40042E2E5F7E8EF8189FED15519AECE42C3BFA2');
  await tabTo(page, page.locator('details.commands > summary'));
  await page.keyboard.press('Enter');
  await expect(page.locator('details.commands code').first()).toContainText(/certutil/i);
  await journey.capture('fix-root-preview');

  await press(page, text.fix.consent['install-root-certificate']);
  expect(await fixResult(page)).toBe('verified');
  // the button that started the step is gone: the focus moved to the result, Tab goes on from there
  await expect(page.getByTestId('fix-result')).toBeFocused();
  await journey.capture('fix-root-verified', '05-fix-root-verified');

  // undo exists for the root certificate: it removes what the step added, then the step can run again
  await press(page, text.fix.undo);
  expect(await fixResult(page)).toBe('undone');
  await journey.capture('fix-root-undone');
  await press(page, text.common.tryAgain);
  expect(await fixResult(page)).toBe('verified');
  await press(page, text.fix.next);

  if ((await page.locator('main').getAttribute('data-step')) === 'fix') {
    expect(await currentFixKind(page)).toBe('start-agent-services');
    await press(page, text.fix.consent['start-agent-services']);
    expect(await fixResult(page)).toBe('verified');
    await journey.capture('fix-services-verified');
    // hold the final check's answer for a moment, so the verify screen can be seen and scanned
    await page.route('**/api/op/startProbe', async (route) => {
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fulfill({ response });
    });
    await press(page, text.fix.next);
    await journey.expectScreen('verify', text.verify.heading);
    await journey.capture('verify');
  }
  await journey.expectScreen('done', text.done.heading);
  await expect(page.getByTestId('services')).toContainText(/Running/i);
  await journey.capture('done-root-installed');
});
