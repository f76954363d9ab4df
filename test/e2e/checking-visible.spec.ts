// Journeys (issue 16, point 13): the checking list is on screen for at least a moment, ticked off, even
// when the check answers at once (the simulated machine does): a person sees what was checked. The
// check is not slowed — the list shows every part done while it stays — then the result opens by
// itself. The page's clock is Playwright's (page.clock), so the moment is measured, not raced; for the
// screenshot and the axe scan the list is held by holding the plan request that follows the check.
// Mouse at 1280×720 and keyboard at 800×600.
import type { Route } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { button, tabTo, text } from './support/wizard.js';

for (const mode of [
  { name: 'mouse, 1280x720', keyboard: false, width: 1280, height: 720 },
  { name: 'keyboard, 800x600', keyboard: true, width: 800, height: 600 },
]) {
  test(`${mode.name}: a check that answers at once still shows the list, every part ticked, for 0.8 s`, async ({ journey, page }) => {
    await page.setViewportSize({ width: mode.width, height: mode.height });
    const press = async (name: string) => {
      if (mode.keyboard) {
        await tabTo(page, button(page, name));
        await page.keyboard.press('Enter');
      } else await button(page, name).click();
    };
    // the page's timers are Playwright's and stand still until the test moves them
    const start = Date.now();
    await page.clock.install({ time: start });
    await page.reload();
    await journey.expectScreen('welcome', text.welcome.heading);
    await page.clock.pauseAt(start + 60_000);
    await press(text.welcome.start);
    await journey.expectScreen('checking', text.checking.heading);
    // the check has answered: every part is done while the list stays (nothing waiting, no buttons)
    await expect(page.getByTestId('checking-finished')).toHaveText(text.checking.finished);
    await expect(page.locator('.probe-waiting, .probe-started')).toHaveCount(0);
    await expect(page.locator('main .actions button')).toHaveCount(0);
    // it stays until 0.8 s have passed since the list appeared, then the result opens by itself
    await page.clock.runFor(600);
    await expect(page.locator('main')).toHaveAttribute('data-step', 'checking');
    await page.clock.runFor(300);
    await journey.expectScreen('result', text.result.heading);

    // Check again, time running: the finished list held (its plan request waits) for the screenshot and axe
    await page.clock.resume();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/op/listPlan', async (route: Route) => {
      await held;
      await route.continue();
    });
    await press(text.result.checkAgain);
    await journey.expectScreen('checking', text.checking.heading);
    await expect(page.getByTestId('checking-finished')).toHaveText(text.checking.finished);
    await journey.capture(`checking-finished-${mode.width}`);
    release();
    // the list was on screen longer than the minimum already: the result opens at once
    await journey.expectScreen('result', text.result.heading);
  });
}
