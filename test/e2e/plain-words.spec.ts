// Journeys (issue 16, point 4): plain words first, details on demand. No internal names or tool output
// on a screen unless the person opens a disclosure; findings marked ! (problem) and ✓ (fine), problems
// first; KB5022661 named as the reference; the root certificate's thumbprint and checks behind "Show
// the details"; a long list of updates that also work behind its own disclosure.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { button, check, checkWithKeyboard, currentFixKind, tabTo, text } from './support/wizard.js';

/** What a person sees (closed disclosures excluded). */
async function visibleText(page: Page): Promise<string> {
  return page.locator('main').innerText();
}

test.describe('air-gapped Server 2019', () => {
  test.use({ profile: 'server2019-airgapped-missing-root' });

  for (const size of [
    { name: '1280x720', width: 1280, height: 720 },
    { name: '800x600', width: 800, height: 600 },
  ]) {
    test(`mouse, ${size.name}: problems marked !, good news marked ✓, no internal names, KB5022661 named`, async ({ journey, page }) => {
      await page.setViewportSize(size);
      await check(journey);
      const problems = page.getByTestId('findings-problems');
      await expect(problems.locator('li').first()).toBeVisible();
      await expect(problems.locator('.mark-problem').first()).toHaveText('!');
      await expect(problems.locator('li').first()).toContainText(`${text.result.markProblem}:`);
      await expect(page.getByTestId('findings-fine').locator('.mark-fine').first()).toHaveText('✓');
      await expect(page.getByTestId('reference')).toContainText('KB5022661');
      const shown = await visibleText(page);
      expect(shown).not.toContain('rootAutoUpdate');
      expect(shown).not.toContain('collector could not read');
      expect(shown).not.toContain('skipped: network checks are off');
      await journey.capture(`result-plain-words-${size.name}`);

      await button(page, text.result.startFixing).click();
      expect(await currentFixKind(page)).toBe('install-root-certificate');
      // the thumbprint and the safety checks are on demand, with a one-line summary
      const details = page.locator('details.step-details');
      await expect(details).not.toHaveAttribute('open', '');
      await expect(details.locator('summary')).toContainText(text.fix.checksSummary(4, 4));
      expect((await visibleText(page)).split('F40042E2E5F7E8EF8189FED15519AECE42C3BFA2').length - 1).toBeLessThanOrEqual(2);
      await details.locator('summary').click();
      await expect(page.getByTestId('fix-facts')).toBeVisible();
      await journey.capture(`fix-root-details-open-${size.name}`);
    });
  }

  test('keyboard, 800x600: the step details open with Enter', async ({ journey, page }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await checkWithKeyboard(journey);
    await tabTo(page, button(page, text.result.startFixing));
    await page.keyboard.press('Enter');
    expect(await currentFixKind(page)).toBe('install-root-certificate');
    const summary = page.locator('details.step-details > summary');
    await tabTo(page, summary, 60);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('fix-facts')).toBeVisible();
    await journey.capture('fix-root-details-keyboard');
  });
});

test.describe('an event-log check that times out', () => {
  test.use({ profile: 'probe-events-timeout' });

  test('the gap is named in plain words; what the computer answered is on demand', async ({ journey, page }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await check(journey);
    const gaps = page.getByTestId('section-errors');
    await expect(gaps.locator('> ul')).toContainText(text.checking.sections.events!);
    expect(await gaps.locator('> ul').innerText()).not.toContain('timed out');
    await gaps.locator('summary').click();
    await expect(gaps.locator('details')).toContainText('timed out');
    await journey.capture('result-gap-details');
  });
});

test.describe('Windows 7 SP1', () => {
  test.use({ profile: 'win7-sp1-no-esu-rollup' });

  test('the long list of updates that also work stays behind a disclosure', async ({ journey, page }) => {
    await check(journey);
    await page.locator('details.technical > summary').click();
    const kbList = page.locator('details.kb-list');
    await expect(kbList.locator('summary')).toBeVisible();
    expect(await page.locator('details.technical').innerText()).not.toContain('KB5073695');
    await kbList.locator('summary').click();
    await expect(kbList).toContainText('KB5073695');
    await journey.capture('result-win7-kb-list');
  });
});
