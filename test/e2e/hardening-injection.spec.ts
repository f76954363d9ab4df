// Hostile text in the browser: a snapshot with every free-text field salted with markup, script links,
// terminal escapes and bidi controls is inert in the HTML report (loaded in Chromium) and in the app
// (opened through the preview as a helpdesk person would): no script runs, no dialog, no markup appears,
// no element is created from the payload, and nothing leaves the machine.
import { expect, test, type Page } from '@playwright/test';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportReport } from '../../src-main/report/export.js';
import { renderFleetHtml, summarizeFleet } from '../../src-main/fleet/index.js';
import { startPreview } from '../../src-main/preview/start.js';
import { fixture, HOSTILE_PAYLOAD, saltSnapshot } from '../hardening/support/hostile.js';
import { button, text } from './support/wizard.js';
import { isLoopbackOrLocal } from './support/journey.js';

const FIXTURE = 'server2019-airgapped-root-missing.json';

interface Watch {
  dialogs: string[];
  consoleErrors: string[];
  requests: string[];
  pageErrors: string[];
}

function watch(page: Page): Watch {
  const seen: Watch = { dialogs: [], consoleErrors: [], requests: [], pageErrors: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => seen.pageErrors.push(error.message));
  page.on('request', (request) => seen.requests.push(request.url()));
  return seen;
}

/** Elements the payload would create if it were parsed as markup, and signs that its script ran. */
async function payloadEffects(page: Page): Promise<{ pwned: unknown; injected: number; jsLinks: number; handlers: number }> {
  return page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    injected: document.querySelectorAll('img[src="x"], svg[onload], script:not([src]), a[href^="javascript:" i]').length,
    jsLinks: [...document.querySelectorAll('a[href], area[href], form[action], iframe[src]')].filter((element) =>
      /^\s*javascript:/i.test(element.getAttribute('href') ?? element.getAttribute('action') ?? element.getAttribute('src') ?? ''),
    ).length,
    handlers: [...document.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => /^on/i.test(attribute.name))).length,
  }));
}

test('the HTML report of a salted snapshot is inert in Chromium: CSP present, payload shown as text, no script, no request', async ({ page }) => {
  const { snapshot, salted } = saltSnapshot(fixture(FIXTURE));
  expect(salted).toBeGreaterThan(10);
  const dir = await mkdtemp(join(tmpdir(), 'acs-salted-report-'));
  const exported = await exportReport({ snapshot, outDir: join(dir, 'report'), redact: false });
  const htmlFile = exported.files.find((file) => file.kind === 'html')!.path;
  const html = await readFile(htmlFile, 'utf8');
  expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src (&#39;|')none(&#39;|')/);
  expect(html).not.toContain('<script');

  const seen = watch(page);
  await page.goto(pathToFileURL(htmlFile).href);
  await page.waitForLoadState('load');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toMatch(/script-src[^;]*('unsafe-inline'|\*)/);
  expect(await payloadEffects(page)).toEqual({ pwned: null, injected: 0, jsLinks: 0, handlers: 0 });
  // The payload is there, as text a reader can see (so the report hides nothing the file said).
  await expect(page.locator('body')).toContainText('<script>window.__pwned=1</script>');
  expect(seen.dialogs).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
  expect(seen.requests.filter((url) => url !== pathToFileURL(htmlFile).href)).toEqual([]);
});

test('the fleet HTML page of salted snapshots is inert in Chromium', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'acs-salted-fleet-'));
  for (const name of [FIXTURE, 'win10-21h2-offline-german-unpatched.json']) await writeFile(join(dir, name), JSON.stringify(saltSnapshot(fixture(name)).snapshot));
  const html = renderFleetHtml(await summarizeFleet(dir));
  const file = join(dir, 'fleet.html');
  await writeFile(file, html);
  const seen = watch(page);
  await page.goto(pathToFileURL(file).href);
  expect(await payloadEffects(page)).toEqual({ pwned: null, injected: 0, jsLinks: 0, handlers: 0 });
  expect(seen.dialogs).toEqual([]);
  expect(seen.requests.filter((url) => url !== pathToFileURL(file).href)).toEqual([]);
});

test('the app opening a salted snapshot shows it as text: no script runs, no dialog, nothing leaves the machine', async ({ page }) => {
  const received = await mkdtemp(join(tmpdir(), 'acs-salted-received-'));
  await writeFile(join(received, 'salted-customer.json'), JSON.stringify(saltSnapshot(fixture(FIXTURE)).snapshot));
  const preview = await startPreview({ profile: 'healthy-win11', receivedDir: received, log: () => {} });
  try {
    const seen = watch(page);
    await page.goto(preview.server.url);
    await expect(page.locator('main')).toHaveAttribute('data-step', 'welcome');
    await button(page, text.welcome.openSnapshot).click();
    await expect(page.locator('main')).toHaveAttribute('data-step', 'snapshot');
    await button(page, 'salted-customer.json').click();
    await expect(page.locator('main h1')).toContainText(/Snapshot of/);
    await expect(page.getByTestId('plan')).toBeVisible();
    const details = button(page, text.result.showTechnical);
    if ((await details.count()) > 0) await details.first().click();
    // The salted computer name is in the heading as text.
    await expect(page.locator('main h1')).toContainText('<script>window.__pwned=1</script>');
    expect(await payloadEffects(page)).toEqual({ pwned: null, injected: 0, jsLinks: 0, handlers: 0 });
    // The page's own CSP (sent by the preview server) forbids inline script.
    const response = await page.request.get(preview.server.origin + '/');
    expect(response.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(response.headers()['content-security-policy']).not.toContain('unsafe-inline');
    expect(seen.dialogs).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(seen.consoleErrors.filter((line) => /pwned|Refused to execute/i.test(line))).toEqual([]);
    expect(seen.requests.filter((url) => !isLoopbackOrLocal(url))).toEqual([]);
    expect(HOSTILE_PAYLOAD).toContain('javascript:');
  } finally {
    await preview.close();
  }
});
