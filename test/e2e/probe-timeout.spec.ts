// Journey: one probe section (the event log) runs past its time budget. The checking list shows it
// failing while the others tick off; the result still arrives and says it may be incomplete.
// Also: the check can be stopped.
import { expect, test } from './support/fixtures.js';
import { button, text } from './support/wizard.js';

// Section reports replayed at half the simulated timing (at least 150 ms apart): the checking screen
// ticks line by line, and the hanging event log query stays visibly "checking…" for a few seconds.
test.use({ profile: 'probe-events-timeout', probePaceMs: 150 });

test('a probe section that times out: the rest arrives, the result names the gap', async ({ journey, page }) => {
  await journey.expectScreen('welcome', text.welcome.heading);
  await button(page, text.welcome.start).click();
  await journey.expectScreen('checking', text.checking.heading);
  // ticking: some lines are done while others are still waiting or running
  await expect.poll(async () => (await page.locator('.probe-done').count()) > 0 && (await page.locator('.probe-waiting, .probe-started').count()) > 0).toBe(true);
  await expect(page.getByTestId('elapsed')).toContainText('so far');
  // the event log query hangs: it is the one line still running when every other line is done
  const events = page.locator('[data-section="events"]');
  await expect(page.locator('.probe-done')).toHaveCount(10);
  await expect(events).toHaveClass(/probe-started/);
  await expect(events).toContainText(text.checking.status.started);
  await journey.capture('checking-events-still-running', '02-checking');

  await journey.expectScreen('result', text.result.heading);
  await expect(page.getByTestId('section-errors')).toContainText(text.checking.sections.events!);
  await expect(page.getByTestId('section-errors')).toContainText('timed out');
  await journey.capture('result-with-gap');
});

test('checking can be stopped, and says nothing was changed', async ({ journey, page }) => {
  await button(page, text.welcome.start).click();
  await journey.expectScreen('checking', text.checking.heading);
  await button(page, text.checking.cancel).click();
  await expect(page.getByText(text.checking.cancelled)).toBeVisible();
  await expect(button(page, text.common.tryAgain)).toBeFocused();
  await journey.capture('checking-cancelled');
});
