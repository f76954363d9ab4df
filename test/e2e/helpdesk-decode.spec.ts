// Journeys (issue 16, point 12): the helpdesk decodes a support code read over the phone and sees what
// is missing on the caller's computer (the update by its KB and the build to reach) and what to tell
// the caller next, in order. Mouse at 1280×720 and keyboard at 800×600, axe on every captured screen.
import { encodeSupportSummary, type SupportSummary } from '../../src-main/support-code/index.js';
import { windowsName } from '../../src-main/support-code/summary.js';
import { t } from '../../src-main/shared/i18n/index.js';
import { expect, test } from './support/fixtures.js';
import { button, tabTo, text } from './support/wizard.js';

function code(build: number, ubr: number, fields: Partial<Omit<SupportSummary, 'windows'>>): string {
  return encodeSupportSummary({
    verdict: 'action-required',
    windowsUpdate: 'ok',
    rootCertificate: 'present',
    rootAutoUpdate: 'enabled',
    agentServices: 'failed-signature',
    pendingReboot: false,
    ...fields,
    windows: { build, ubr, server: false, name: windowsName(build, false) },
  });
}

/** Windows 10 21H2 at 19044.1288 without the update: the agent fails with error 577. */
const WIN10_UPDATE_MISSING = code(19044, 1288, { windowsUpdate: 'missing' });
/** Windows 7 SP1 without the October 2021 rollup: the assistant does not run there. */
const WIN7_UPDATE_MISSING = code(7601, 24544, { windowsUpdate: 'missing' });

test('mouse, 1280x720: a Windows 10 code names KB5011487 and the build, then update, restart, start the agent', async ({ journey, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await journey.expectScreen('welcome', text.welcome.heading);
  await button(page, text.welcome.helpdesk).click();
  await journey.expectScreen('helpdesk', text.helpdesk.heading);
  await page.getByRole('textbox', { name: text.helpdesk.inputLabel }).fill(WIN10_UPDATE_MISSING);
  await button(page, text.helpdesk.decode).click();
  const missing = page.getByTestId('decoded-missing');
  await expect(missing).toHaveText(t('en', 'advice.missing.updateBuild', { kb: 'KB5011487', build: '19044.1586' }));
  const next = page.getByTestId('decoded-next').locator('li');
  await expect(next).toHaveText([t('en', 'advice.next.install-update', { kb: 'KB5011487' }), t('en', 'advice.next.restart'), t('en', 'advice.next.start-agent')]);
  await journey.capture('helpdesk-decoded-advice-1280');
});

test('keyboard, 800x600: a Windows 7 code names the rollup and the fix kit (the assistant does not run there)', async ({ journey, page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await journey.expectScreen('welcome', text.welcome.heading);
  await tabTo(page, button(page, text.welcome.helpdesk));
  await page.keyboard.press('Enter');
  await journey.expectScreen('helpdesk', text.helpdesk.heading);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: text.helpdesk.inputLabel })).toBeFocused();
  await page.keyboard.type(WIN7_UPDATE_MISSING.toLowerCase().replace(/-/g, ' '));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('decoded')).toBeFocused();
  await expect(page.getByTestId('decoded-missing')).toHaveText(t('en', 'advice.missing.rollup', { kb: 'KB5006743' }));
  await expect(page.getByTestId('decoded-next').locator('li')).toHaveText([
    t('en', 'advice.next.install-update-kit', { kb: 'KB5006743' }),
    t('en', 'advice.next.restart'),
    t('en', 'advice.next.start-agent-kit'),
  ]);
  await journey.capture('helpdesk-decoded-advice-800');
});
