// The report opened in a real browser (Debian's Chromium): styled, no request leaves the page, no script
// runs and the CSP reports no violation, even with hostile values in the snapshot.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { createHtmlReport } from '../../../src-main/report/html.js';
import { saltedSnapshot } from '../../unit/redaction/salted.js';
import { HOSTILE } from '../../unit/report/fixtures.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe.skipIf(!existsSync(executablePath))('report in Chromium', () => {
  it('loads nothing, runs nothing, violates no CSP rule, and applies its stylesheet', async () => {
    const snapshot = saltedSnapshot();
    snapshot.host = { computerName: HOSTILE.computerName, domain: null };
    snapshot.events![0]!.message = HOSTILE.message;
    snapshot.services![0]!.displayName = HOSTILE.displayName;
    const page = await createHtmlReport({ snapshot, diagnosis: diagnose(snapshot), redacted: false, generatedAt: '2026-11-24T12:00:00.000Z' });
    const folder = await mkdtemp(join(tmpdir(), 'acs-html-'));
    const browser = await chromium.launch({ executablePath, args: ['--disable-gpu'] });
    try {
      const file = join(folder, 'report.html');
      await writeFile(file, page);
      const tab = await browser.newPage();
      const requests: string[] = [];
      const console: string[] = [];
      tab.on('request', (request) => requests.push(request.url()));
      tab.on('console', (message) => console.push(message.text()));
      tab.on('dialog', (dialog) => {
        console.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await tab.goto(pathToFileURL(file).href);
      expect(requests).toEqual([pathToFileURL(file).href]);
      expect(console).toEqual([]);
      expect(await tab.locator('script, img, iframe').count()).toBe(0);
      expect(await tab.locator('h1').textContent()).toBe('ACS Support Assistant report');
      // The hostile computer name is shown as inert text (inside the report's sentences), never as markup.
      expect(await tab.locator('body').innerText()).toContain(HOSTILE.computerName);
      // The hashed stylesheet applied: the verdict badge has its border.
      expect(await tab.locator('.verdict').evaluate((element) => getComputedStyle(element).borderTopStyle)).toBe('solid');
      const pdf = await tab.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await browser.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
