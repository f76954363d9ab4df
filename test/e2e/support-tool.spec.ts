// Journeys (issue 16, point 9): what people expect from a support tool. Copy buttons (a command, the
// support code, the report folder, a fix kit's folder, the Microsoft Update Catalog address, the
// administrator script's folder, the journal's path), "Open folder" (the preview opens nothing and says
// so), Print on the report screen (print styles: the result and the support code, no controls), Close on
// the done screen (the preview says the tab can be closed), the About panel, and the declined
// administrator prompt's script folder. Mouse at 1280×720 and keyboard at 800×600, axe on every
// captured screen.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { button, check, checkWithKeyboard, currentFixKind, fixResult, tabTo, text } from './support/wizard.js';

const MODES = [
  { name: 'mouse, 1280x720', keyboard: false, width: 1280, height: 720 },
  { name: 'keyboard, 800x600', keyboard: true, width: 800, height: 600 },
] as const;

const copyName = (what: string) => `${text.places.copy} (${what})`;
const openName = (what: string) => `${text.places.openFolder} (${what})`;

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Presses a button by its name: Tab to it and Enter, or a click. */
function presser(page: Page, keyboard: boolean) {
  return async (name: string) => {
    if (keyboard) {
      await tabTo(page, button(page, name), 120);
      await page.keyboard.press('Enter');
    } else await button(page, name).click();
  };
}

/** The text beside a Copy / Open folder button (its live region). */
function statusBeside(page: Page, name: string) {
  return page
    .locator('.place-action')
    .filter({ has: button(page, name) })
    .locator('.place-status');
}

/** Presses Copy for `what` and returns what the clipboard then holds. */
async function copied(page: Page, press: (name: string) => Promise<void>, what: string): Promise<string> {
  await press(copyName(what));
  await expect(statusBeside(page, copyName(what))).toHaveText(text.places.copied);
  return clipboard(page);
}

test.describe('air-gapped Server 2019: commands, report, Print, Close and About', () => {
  test.use({ profile: 'server2019-airgapped-missing-root' });

  for (const mode of MODES) {
    test(`${mode.name}: copy a command, skip to the end, save the report, copy and open its folder, print, close; About`, async ({ journey, page }) => {
      await page.setViewportSize({ width: mode.width, height: mode.height });
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      const press = presser(page, mode.keyboard);
      if (mode.keyboard) await checkWithKeyboard(journey);
      else await check(journey);
      await press(text.result.startFixing);
      expect(await currentFixKind(page)).toBe('install-root-certificate');

      // the exact commands, each with Copy
      const commands = page.locator('details.commands > summary');
      if (mode.keyboard) {
        await tabTo(page, commands, 80);
        await page.keyboard.press('Enter');
      } else await commands.click();
      const command = (await page.locator('details.commands code').first().textContent()) ?? '';
      expect(command).not.toBe('');
      expect(await copied(page, press, text.places.what.command('1'))).toBe(command);
      await journey.capture(`fix-command-copied-${mode.width}`);

      // to the done screen: the steps are skipped here (the fixes themselves have journeys of their own)
      for (let guard = 0; guard < 4 && (await page.locator('main').getAttribute('data-step')) === 'fix'; guard += 1) {
        await currentFixKind(page);
        await press(text.fix.skip);
        await expect(page.locator('main')).toHaveAttribute('data-step', /fix|verify|done/);
      }
      await expect(page.locator('main')).toHaveAttribute('data-step', 'done', { timeout: 20_000 });

      // the report: its folder with Copy and Open folder, the support code with Copy, Print
      await press(text.result.exportReport);
      await journey.expectScreen('report', text.report.heading);
      await press(text.report.save);
      const folder = page.getByTestId('report-folder');
      await expect(folder).toBeVisible();
      const folderPath = (await folder.getAttribute('data-value')) ?? '';
      await expect(page.getByTestId('report-saved')).toContainText(text.report.saved(folderPath));
      expect(await copied(page, press, text.places.what.reportFolder)).toBe(folderPath);
      await press(openName(text.places.what.reportFolder));
      await expect(statusBeside(page, openName(text.places.what.reportFolder))).toHaveText(text.places.folderNotOpened);
      const code = ((await page.getByTestId('support-code').textContent()) ?? '').trim();
      expect(await copied(page, press, text.places.what.supportCode)).toBe(code);
      // Print opens the system's print dialog (counted here instead)
      await page.evaluate(() => {
        const counted = window as unknown as { printed: number };
        counted.printed = 0;
        window.print = () => void (counted.printed += 1);
      });
      await press(text.report.print);
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      // no "Save as PDF" in the preview (it has no printToPDF): Print with "Microsoft Print to PDF" instead
      await expect(button(page, text.report.savePdf)).toHaveCount(0);
      await expect(page.locator('#print-hint')).toHaveText(text.report.printHint);
      await journey.capture(`report-copy-open-print-${mode.width}`);
      // on paper: the result and the support code, no buttons
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.print-only')).toBeVisible();
      await expect(page.locator('.print-only [data-testid="headline"]')).toBeVisible();
      await expect(page.getByTestId('support-code')).toBeVisible();
      await expect(page.locator('main button').filter({ visible: true })).toHaveCount(0);
      await expect(page.locator('header')).toBeHidden();
      await page.screenshot({ path: `test-results/screenshots/support-tool-print-${mode.width}.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });

      // Close on the done screen: the preview says the tab can be closed
      await press(text.common.back);
      await journey.expectScreen('done', text.done.stillBroken);
      await press(text.done.close);
      await expect(page.getByTestId('close-status')).toHaveText(text.done.closePreview);
      await journey.capture(`done-close-preview-${mode.width}`);

      // About: the version, the journal and the reports, each with Copy and Open folder
      await press(text.about.open);
      await journey.expectScreen('about', text.about.heading);
      await expect(page.getByTestId('about')).toContainText(text.about.preview);
      const journal = ((await page.getByTestId('about-journal').locator('code').textContent()) ?? '').trim();
      expect(journal).toMatch(/journal\.jsonl$/);
      expect(await copied(page, press, text.places.what.journal)).toBe(journal);
      await press(openName(text.places.what.reportsFolder));
      await expect(statusBeside(page, openName(text.places.what.reportsFolder))).toHaveText(text.places.folderNotOpened);
      expect(folderPath.startsWith(((await page.getByTestId('about-reports').locator('code').textContent()) ?? '').trim())).toBe(true);
      await journey.capture(`about-${mode.width}`);
      await press(text.common.back);
      await journey.expectScreen('done', text.done.stillBroken);
    });
  }
});

test.describe('offline Windows 10 21H2, administrator prompt declined: catalogue address and the script folder', () => {
  test.use({ profile: 'win10-21h2-offline-unpatched', declineUac: true });

  for (const mode of MODES) {
    test(`${mode.name}: copy the Update Catalog address; declined: the administrator script folder with Copy and Open folder`, async ({ journey, page }) => {
      await page.setViewportSize({ width: mode.width, height: mode.height });
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      const press = presser(page, mode.keyboard);
      if (mode.keyboard) await checkWithKeyboard(journey);
      else await check(journey);
      await press(text.result.startFixing);
      expect(await currentFixKind(page)).toBe('install-windows-update');
      const address = 'https://www.catalog.update.microsoft.com/Search.aspx?q=KB5011487';
      await expect(page.getByTestId('catalogue-address')).toContainText(address);
      expect(await copied(page, press, text.places.what.catalogueAddress)).toBe(address);

      await press(text.fix.chooseFile);
      await page.getByRole('radio', { name: /x64/ }).check();
      await press(text.fix.useThisFile);
      await press(text.fix.consent['install-windows-update']);
      expect(await fixResult(page)).toBe('declined');
      const folder = page.getByTestId('admin-folder');
      await expect(folder).toBeVisible();
      const folderPath = ((await folder.locator('code').textContent()) ?? '').trim();
      expect(folderPath).toMatch(/admin-scripts/);
      expect(await copied(page, press, text.places.what.adminFolder)).toBe(folderPath);
      await press(openName(text.places.what.adminFolder));
      await expect(statusBeside(page, openName(text.places.what.adminFolder))).toHaveText(text.places.folderNotOpened);
      await journey.capture(`fix-declined-admin-folder-${mode.width}`);
    });
  }
});

test.describe('a fix kit built for a received snapshot: its folder with Copy and Open folder', () => {
  test.use({ profile: 'healthy-win11' });

  for (const mode of MODES) {
    test(`${mode.name}: Build a fix kit, copy and open its folder`, async ({ journey, page }) => {
      await page.setViewportSize({ width: mode.width, height: mode.height });
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      const press = presser(page, mode.keyboard);
      await journey.expectScreen('welcome', text.welcome.heading);
      await press(text.welcome.openSnapshot);
      await journey.expectScreen('snapshot', text.snapshot.chooseHeading);
      await press('server2019-airgapped-root-missing.json');
      await press(text.kit.build);
      const folder = page.getByTestId('kit-folder');
      await expect(folder).toBeVisible();
      const folderPath = (await folder.getAttribute('data-value')) ?? '';
      expect(folderPath).toMatch(/acs-fix-kit-/);
      await expect(page.getByTestId('fix-kit')).toContainText(text.kit.built(folderPath));
      expect(await copied(page, press, text.places.what.kitFolder)).toBe(folderPath);
      await press(openName(text.places.what.kitFolder));
      await expect(statusBeside(page, openName(text.places.what.kitFolder))).toHaveText(text.places.folderNotOpened);
      await journey.capture(`fix-kit-folder-${mode.width}`);
    });
  }
});
