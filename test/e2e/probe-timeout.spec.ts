// Journey: one probe section (the event log) runs past its time budget. The checking list shows it
// failing while the others tick off; the result still arrives and says it may be incomplete.
// Also: the check can be stopped.
import { expect, test } from './support/fixtures.js';
import { button, text } from './support/wizard.js';

// Section reports 250 ms apart, so the checking screen ticks line by line long enough to see.
test.use({ profile: 'probe-events-timeout', probePaceMs: 250 });

test('a probe section that times out: the rest arrives, the result names the gap', async ({ journey, page }) => {
  await journey.expectScreen('welcome', text.welcome.heading);
  await button(page, text.welcome.start).click();
  await journey.expectScreen('checking', text.checking.heading);
  const os = page.locator('[data-section="os"]');
  await expect(os).toHaveClass(/probe-done/);
  await expect(page.locator('[data-section="bootConfiguration"]')).toHaveClass(/probe-waiting/);
  await expect(page.getByTestId('elapsed')).toContainText('so far');
  await journey.capture('checking-in-progress');
  const events = page.locator('[data-section="events"]');
  await expect(events).toHaveClass(/probe-failed/);
  await expect(events).toContainText(text.checking.status.failed);
  await expect(events).toContainText('timed out');
  await journey.capture('checking-section-timed-out', '02-checking');

  await journey.expectScreen('result', text.result.heading);
  await expect(page.getByTestId('section-errors')).toContainText(text.checking.sections.events!);
  await journey.capture('result-with-gap');
});

test('checking can be stopped, and says nothing was changed', async ({ journey, page }) => {
  await button(page, text.welcome.start).click();
  await journey.expectScreen('checking', text.checking.heading);
  await button(page, text.checking.cancel).click();
  await expect(page.getByText(text.checking.cancelled)).toBeVisible();
  await expect(button(page, text.common.tryAgain)).toBeVisible();
  await journey.capture('checking-cancelled');
});
