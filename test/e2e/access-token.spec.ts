// The preview without its access token (an address typed by hand, another page): the wizard says what
// went wrong and how to open it properly, instead of a blank window.
import { expect, test } from './support/fixtures.js';
import { text } from './support/wizard.js';

test('without the access token the app shows the problem screen and how to open the preview', async ({ journey, page, preview, browser }) => {
  const context = await browser.newContext();
  const stranger = await context.newPage();
  await stranger.goto(preview.server.origin);
  await expect(stranger.locator('main')).toHaveAttribute('data-step', 'problem');
  await expect(stranger.locator('main h1')).toHaveText(text.errors.heading);
  await expect(stranger.getByRole('alert')).toHaveText(text.errors.noAccess);
  // plain words: no Markdown backticks (issue 16, point 13)
  expect(await stranger.locator('main').textContent()).not.toContain('`');
  await context.close();
  // the same screen in the journey's own page, for the screenshot and the axe scan
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(preview.server.origin);
  await journey.expectScreen('problem', text.errors.heading);
  expect(await page.locator('main').textContent()).not.toContain('`');
  for (const size of [
    { width: 1280, height: 720 },
    { width: 800, height: 600 },
  ]) {
    await page.setViewportSize(size);
    await journey.capture(`problem-no-token-${size.width}`);
  }
});
