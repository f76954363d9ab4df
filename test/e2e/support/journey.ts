// What every journey does at every screen: wait for the screen, save a screenshot, run axe (no
// critical violations), and, for the whole test, fail on any request to a non-loopback address.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const SCREENSHOT_DIR = join('test-results', 'screenshots');
/** With UPDATE_DOCS_SCREENSHOTS=1, the screens marked for the docs are copied here (README). */
export const DOCS_SCREENSHOT_DIR = join('docs', 'screenshots');

/** Addresses a journey may reach: the preview's own loopback server, and in-page data. */
export function isLoopbackOrLocal(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true;
  return parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost' || parsed.hostname === '[::1]';
}

export class Journey {
  readonly foreignRequests: string[] = [];
  readonly pageErrors: string[] = [];
  private shots = 0;

  constructor(
    readonly page: Page,
    private readonly info: TestInfo,
    private readonly slug: string,
  ) {
    page.on('request', (request) => {
      if (!isLoopbackOrLocal(request.url())) this.foreignRequests.push(request.url());
    });
    page.on('pageerror', (error) => this.pageErrors.push(error.stack ?? error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(message.text());
    });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }

  /** The screen now shown (main[data-step]) and its focused heading. */
  async expectScreen(step: string, heading: string | RegExp): Promise<void> {
    await expect(this.page.locator('main')).toHaveAttribute('data-step', step);
    const h1 = this.page.locator('main h1');
    await expect(h1).toHaveText(heading);
    await expect(h1).toBeFocused();
  }

  /** Screenshot of the whole page plus an axe scan; `name` says which screen; `docsName` marks the
   * screens shown in the README (copied to docs/screenshots/ when UPDATE_DOCS_SCREENSHOTS=1). */
  async capture(name: string, docsName?: string): Promise<string> {
    this.shots += 1;
    const file = join(SCREENSHOT_DIR, `${this.slug}-${String(this.shots).padStart(2, '0')}-${name}.png`);
    // A full-page picture has no scrolling window: the sticky action bar sits where it belongs, after
    // the content, instead of covering it at the first screen's bottom edge.
    // (Set through the CSSOM, which the page's Content-Security-Policy allows; an injected style is refused.)
    const unstick = (on: boolean) => this.page.evaluate((flat) => document.querySelectorAll<HTMLElement>('.action-bar').forEach((bar) => (bar.style.position = flat ? 'static' : '')), on);
    await unstick(true);
    await this.page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    await unstick(false);
    await this.info.attach(name, { path: file, contentType: 'image/png' });
    if (docsName && process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
      mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
      copyFileSync(file, join(DOCS_SCREENSHOT_DIR, `${docsName}.png`));
    }
    const results = await new AxeBuilder({ page: this.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    // Critical violations fail the journey; so do serious ones (contrast, names): none are expected.
    const critical = results.violations.filter((violation) => violation.impact === 'critical' || violation.impact === 'serious');
    expect(
      critical.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
      `critical or serious axe violations on ${name}`,
    ).toEqual([]);
    const minor = results.violations.filter((violation) => violation.impact === 'moderate' || violation.impact === 'minor');
    if (minor.length > 0) {
      await this.info.attach(`${name}-axe-moderate.json`, { body: JSON.stringify(minor, null, 2), contentType: 'application/json' });
    }
    return file;
  }

  /** Called at the end of each journey: nothing left the machine, and the page raised no error. */
  expectCleanRun(): void {
    expect(this.foreignRequests, 'requests to non-loopback addresses').toEqual([]);
    expect(this.pageErrors, 'errors in the page').toEqual([]);
  }
}
