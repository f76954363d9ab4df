// Journeys in Japanese and German (issue 17), keyboard only, axe on every screen (Journey.capture),
// the header's language picker (remembered), the pseudo-locale (accented, 40 % longer) at 1280×720
// and 800×600 with no clipped or overflowing text on every screen (welcome, helpdesk, checking, result,
// fix, fix result, verify, done, report, report saved, snapshot choice, received snapshot), and the
// Japanese HTML report rendered in Chromium.
import type { Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../src-main/diagnosis/diagnose.js';
import { renderHtmlReport } from '../../src-main/report/html.js';
import { renderMessage } from '../../src-main/shared/i18n/index.js';
import { pseudoLocalize } from '../../src-main/shared/i18n/pseudo.js';
import { parseSnapshotBytes } from '../../src-main/snapshot/parse.js';
import { readFileSync } from 'node:fs';
import { de } from '../../src-renderer/messages/de.js';
import { en } from '../../src-renderer/messages/en.js';
import { ja } from '../../src-renderer/messages/ja.js';
import { expect, test } from './support/fixtures.js';
import type { Journey } from './support/journey.js';
import { button, currentFixKind, fixResult, tabTo } from './support/wizard.js';

async function press(page: Page, name: string): Promise<void> {
  await tabTo(page, button(page, name));
  await page.keyboard.press('Enter');
}

async function checkInLanguage(journey: Journey, text: typeof en, lang: string): Promise<void> {
  const { page } = journey;
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await journey.expectScreen('welcome', text.welcome.heading);
  await page.keyboard.press('Tab');
  await expect(button(page, text.welcome.start)).toBeFocused();
  await page.keyboard.press('Enter');
  await journey.expectScreen('result', text.result.heading);
}

/** Holds the probe's answer for two seconds (the checking and verify screens stay in view meanwhile). */
async function holdProbe(page: Page): Promise<void> {
  await page.route('**/api/op/startProbe', async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await route.fulfill({ response });
  });
}

/** Elements whose text is cut off or runs out of its box or the window (none allowed). */
async function overflowingText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('header *, main *, .demo-banner'))) {
      if (!element.offsetParent && getComputedStyle(element).position !== 'fixed') continue;
      if (element.closest('details:not([open])') && element.tagName !== 'SUMMARY') continue;
      if (element.matches('pre, code, pre *, .qr, .qr *, svg, svg *, .visually-hidden, .skip-link')) continue;
      const style = getComputedStyle(element);
      const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
      if (clips && element.scrollWidth > element.clientWidth + 1) problems.push(`clipped: ${element.tagName}.${element.className} "${element.textContent?.slice(0, 40)}"`);
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1) problems.push(`beyond the window: ${element.tagName}.${element.className} "${element.textContent?.slice(0, 40)}"`);
    }
    return problems;
  });
}

test.describe('Japanese', () => {
  test.use({ profile: 'server2019-airgapped-missing-root', locale: 'ja-JP' });

  test('air-gapped Server 2019 in Japanese, keyboard only: root installed, services running', async ({ journey, page }) => {
    await checkInLanguage(journey, ja, 'ja');
    await expect(page.getByTestId('verdict')).toContainText(ja.result.verdict['action-required']);
    await expect(page.getByTestId('headline')).toContainText('証明書');
    await expect(page.locator('main')).not.toContainText('is missing');
    await journey.capture('result-ja', '13-result-japanese');

    await press(page, ja.result.startFixing);
    expect(await currentFixKind(page)).toBe('install-root-certificate');
    await expect(page.locator('main h1')).toHaveText('Microsoft のルート証明書をインストールする');
    await expect(page.locator('main h1')).toBeFocused();
    await journey.capture('fix-root-ja');
    await press(page, ja.fix.consent['install-root-certificate']);
    expect(await fixResult(page)).toBe('verified');
    await journey.capture('fix-root-verified-ja');
    await press(page, ja.fix.next);
    if ((await page.locator('main').getAttribute('data-step')) === 'fix') {
      expect(await currentFixKind(page)).toBe('start-agent-services');
      await press(page, ja.fix.consent['start-agent-services']);
      expect(await fixResult(page)).toBe('verified');
      await press(page, ja.fix.next);
    }
    await journey.expectScreen('done', ja.done.heading);
    await journey.capture('done-ja');
  });
});

test.describe('German', () => {
  test.use({ profile: 'german-server2016-pending-reboot', locale: 'de-DE' });

  test('German Server 2016 waiting for a restart, keyboard only: restart now, services running', async ({ journey, page }) => {
    await checkInLanguage(journey, de, 'de');
    await expect(page.getByTestId('headline')).toContainText('Neustart');
    await journey.capture('result-de');
    await press(page, de.result.startFixing);
    expect(await currentFixKind(page)).toBe('reboot');
    await expect(page.locator('main h1')).toHaveText('Den Computer neu starten');
    await expect(page.locator('main')).toContainText(de.fix.rebootWarning);
    await journey.capture('fix-restart-de');
    await press(page, de.fix.consent.reboot);
    await expect(page.locator('main:not(:has([data-step-kind="reboot"]))')).toHaveAttribute('data-step', /fix|done/, { timeout: 20_000 });
    if ((await page.locator('main').getAttribute('data-step')) === 'fix') {
      expect(await currentFixKind(page)).toBe('start-agent-services');
      await press(page, de.fix.consent['start-agent-services']);
      expect(await fixResult(page)).toBe('verified');
      await press(page, de.fix.next);
    }
    await journey.expectScreen('done', de.done.heading);
    await journey.capture('done-de');
  });
});

test.describe('language picker', () => {
  test.use({ profile: 'healthy-win11', locale: 'en-US' });

  test('follows the browser language, switches by keyboard to German, and remembers it', async ({ journey, page }) => {
    await journey.expectScreen('welcome', en.welcome.heading);
    const picker = page.getByTestId('language-picker');
    await expect(page.getByLabel('Language')).toBeVisible();
    await tabTo(page, picker);
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.locator('main h1')).toHaveText(de.welcome.heading);
    await expect(picker).toBeFocused();
    await journey.capture('welcome-de-picked');
    await page.reload();
    await expect(page.locator('main h1')).toHaveText(de.welcome.heading);
    await expect(page.getByLabel('Sprache')).toHaveValue('de');
  });
});

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 800, height: 600 },
]) {
  test.describe(`pseudo-locale at ${viewport.width}×${viewport.height}`, () => {
    test.use({ profile: 'server2019-airgapped-missing-root', viewport });

    test('no clipped or overflowing text on any screen', async ({ journey, page, preview }) => {
      test.setTimeout(240_000);
      const url = new URL(preview.server.url);
      url.searchParams.set('lang', 'en-XA');
      await page.goto(url.toString());
      await expect(page.locator('main h1')).toContainText('Ļéţ');
      const screens: string[] = [];
      const look = async (name: string, settled = true) => {
        if (settled) await expect(page.locator('main')).not.toHaveAttribute('aria-busy', 'true');
        expect(await overflowingText(page), name).toEqual([]);
        await journey.capture(`pseudo-${viewport.width}-${name}`);
        screens.push(name);
      };
      await look('welcome');
      await button(page, /^\[Í ŵöŕķ áţ ţĥé ĥéļþðéšķ/).click();
      await expect(page.locator('main')).toHaveAttribute('data-step', 'helpdesk');
      await look('helpdesk');
      await page.reload();
      // Hold the probe's answer for a moment, so the checking screen can be looked at.
      await holdProbe(page);
      await button(page, /^\[Çĥéçķ/).click();
      await expect(page.locator('main')).toHaveAttribute('data-step', 'checking');
      await look('checking', false);
      await page.unroute('**/api/op/startProbe');
      await expect(page.locator('main')).toHaveAttribute('data-step', 'result');
      await page.locator('details.technical > summary').click();
      await look('result');
      await button(page, /^\[Šţáŕţ ƒíẋíñĝ/).click();
      await expect(page.locator('main')).toHaveAttribute('data-step', 'fix');
      await look('fix');
      await button(page, /^\[Íñšţáļļ ţĥé çéŕţíƒíçáţé/).click();
      expect(await fixResult(page)).toBe('verified');
      await look('fix-result');
      await button(page, /^\[Ñéẋţ šţéþ/).click();
      if ((await page.locator('main').getAttribute('data-step')) === 'fix') {
        await button(page, /^\[Šţáŕţ ţĥé šéçúŕíţý áĝéñţ/).click();
        expect(await fixResult(page)).toBe('verified');
        // The final check after the last step: held for a moment, so the verify screen can be looked at.
        await holdProbe(page);
        await button(page, /^\[Ñéẋţ šţéþ/).click();
        await expect(page.locator('main')).toHaveAttribute('data-step', 'verify');
        await look('verify', false);
        await page.unroute('**/api/op/startProbe');
      }
      await expect(page.locator('main')).toHaveAttribute('data-step', 'done', { timeout: 20_000 });
      await look('done');
      expect(screens.length).toBeGreaterThanOrEqual(7);
    });

    test('no clipped or overflowing text on the report and the received-snapshot screens', async ({ journey, page, preview }) => {
      const url = new URL(preview.server.url);
      url.searchParams.set('lang', 'en-XA');
      await page.goto(url.toString());
      const look = async (name: string) => {
        await expect(page.locator('main')).not.toHaveAttribute('aria-busy', 'true');
        expect(await overflowingText(page), name).toEqual([]);
        await journey.capture(`pseudo-${viewport.width}-${name}`);
      };
      await button(page, pseudoLocalize(en.welcome.start)).click();
      await expect(page.locator('main')).toHaveAttribute('data-step', 'result');
      await button(page, pseudoLocalize(en.result.exportReport)).click();
      await expect(page.locator('main')).toHaveAttribute('data-step', 'report');
      await look('report');
      await button(page, pseudoLocalize(en.report.save)).click();
      await expect(page.getByTestId('support-code')).toHaveText(/^ACS-[A-Z0-9]{4}-[A-Z0-9]{4}/);
      await look('report-saved');
      await page.reload();
      await button(page, pseudoLocalize(en.welcome.openSnapshot)).click();
      await expect(page.locator('main')).toHaveAttribute('data-step', 'snapshot');
      await look('snapshot-choose');
      await button(page, 'server2019-airgapped-root-missing.json').click();
      await expect(page.getByTestId('read-only-banner')).toBeVisible();
      await page.locator('details.technical > summary').first().click();
      await look('snapshot-read-only');
    });
  });
}

test('the HTML report in Japanese, rendered in Chromium: lang="ja", Yu Gothic UI / Meiryo first, Japanese headings, nothing overflows', async ({ page }, testInfo) => {
  const parsed = parseSnapshotBytes(readFileSync('test/fixtures/snapshots/server2019-air-gapped-missing-update-and-root.json'));
  if (!parsed.ok) throw new Error(parsed.error);
  const diagnosis = diagnose(parsed.snapshot);
  const html = renderHtmlReport({ snapshot: parsed.snapshot, diagnosis, supportCode: 'ACS-TEST-CODE', redacted: true, generatedAt: '2026-12-05T20:00:00.000Z', locale: 'ja' });
  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = join(testInfo.outputDir, 'report-ja.html');
  writeFileSync(file, html);
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto(`file://${file}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"Yu Gothic UI", "Meiryo UI", Meiryo/);
  await expect(page.locator('h1')).toHaveText('ACS Support Assistant レポート');
  await expect(page.locator('h2').first()).toHaveText('主な情報');
  await expect(page.locator('body')).toContainText(renderMessage(diagnosis.headlineMessage!, 'ja'));
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
  await page.screenshot({ path: join('test-results', 'screenshots', 'report-ja.png'), fullPage: true });
});
