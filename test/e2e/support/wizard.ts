// Steps every journey shares, written as a person uses the wizard: read what is shown, press the
// button it names. Texts come from the message catalogue, so the journeys follow its wording.
import type { Page } from '@playwright/test';
import { en } from '../../../src-renderer/messages/en.js';
import { expect } from './fixtures.js';
import type { Journey } from './journey.js';

export const text = en;

export function button(page: Page, name: string | RegExp) {
  return page.getByRole('button', { name, exact: typeof name === 'string' });
}

/** From the welcome screen to the result, keyboard only: Tab to the main button, Enter. */
export async function checkWithKeyboard(journey: Journey): Promise<void> {
  const { page } = journey;
  await journey.expectScreen('welcome', text.welcome.heading);
  await page.keyboard.press('Tab');
  await expect(button(page, text.welcome.start)).toBeFocused();
  await page.keyboard.press('Enter');
  await journey.expectScreen('result', text.result.heading);
}

/** From the welcome screen to the result with the mouse. */
export async function check(journey: Journey): Promise<void> {
  await journey.expectScreen('welcome', text.welcome.heading);
  await button(journey.page, text.welcome.start).click();
  await journey.expectScreen('result', text.result.heading);
}

export async function expectVerdict(page: Page, verdict: keyof typeof en.result.verdict): Promise<void> {
  await expect(page.getByTestId('verdict')).toHaveClass(new RegExp(`verdict-${verdict}\\b`));
  await expect(page.getByTestId('verdict')).toContainText(text.result.verdict[verdict]);
}

/** The plan step kind of the fix screen now shown. */
export async function currentFixKind(page: Page): Promise<string> {
  await expect(page.locator('main')).toHaveAttribute('data-step', 'fix');
  const kind = await page.locator('main section').getAttribute('data-step-kind');
  if (!kind) throw new Error('fix screen without data-step-kind');
  return kind;
}

/** Waits until the running fix step has a result, and returns its kind (verified, declined…). */
export async function fixResult(page: Page): Promise<string> {
  const result = page.getByTestId('fix-result');
  // Elevated steps run the real helper under pwsh on the Windows double: seconds, more on a busy machine.
  await expect(result).toBeVisible({ timeout: 60_000 });
  return (await result.getAttribute('data-result')) ?? '';
}

/** Presses Tab until `target` has the focus (proves it is reachable by keyboard), at most `max` times. */
export async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 40): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}
