// The real desktop app under Electron (Playwright's _electron.launch) on a simulated machine: the
// window is hardened as configured and the wizard reaches its result through the preload bridge.
// Runs where an Electron binary is installed; elsewhere it is skipped and says why.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPERATION_NAMES } from '../../src-main/contract/index.js';
import { findElectronBinary } from '../../src-main/electron/launch.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const lookup = findElectronBinary({ root, env: process.env, platform: process.platform, exists: existsSync, read: (path) => readFileSync(path, 'utf8') });
const built = existsSync(`${root}dist/main/electron/main.js`) && existsSync(`${root}dist/main/electron/preload.cjs`);
const skipReason = !lookup.found
  ? `no Electron binary here (${lookup.reason}); install one (npx install-electron) or set ELECTRON_OVERRIDE_DIST_PATH to run the desktop test`
  : !built
    ? 'the main process is not built: run `npm run build` first'
    : null;
if (skipReason) console.log(`electron.spec.ts skipped: ${skipReason}`);

test.describe('desktop app under real Electron', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('opens one hardened window on app://acs and checks a simulated machine through the preload', async () => {
    const app = await electron.launch({
      executablePath: lookup.found ? lookup.path : '',
      args: [root, '--simulate=healthy-win11'],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '0' },
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toBe('app://acs/index.html');

      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

      // Sandboxed and isolated: no Node in the page, exactly the contract on the bridge, no eval under the CSP.
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(await page.evaluate(() => Object.keys((window as unknown as { acsBridge: object }).acsBridge).sort())).toEqual([...OPERATION_NAMES, 'on'].sort());
      expect(
        await page.evaluate(() => {
          try {
            return String(eval('1 + 1'));
          } catch (error) {
            return (error as Error).name;
          }
        }),
      ).toBe('EvalError');

      // No remote content, no new windows.
      expect(
        await page.evaluate(() =>
          fetch('https://example.com/').then(
            () => 'loaded',
            () => 'blocked',
          ),
        ),
      ).toBe('blocked');
      await page.evaluate(() => window.open('https://example.com/', '_blank'));
      expect(app.windows()).toHaveLength(1);

      // The bridge answers as data.
      const info = await page.evaluate(() => (window as unknown as { acsBridge: { getAppInfo(): Promise<unknown> } }).acsBridge.getAppInfo());
      expect(info).toMatchObject({ ok: true, value: { shell: 'electron', host: { kind: 'simulated', profile: 'healthy-win11' } } });
      const probe = await page.evaluate(() => (window as unknown as { acsBridge: { startProbe(): Promise<unknown> } }).acsBridge.startProbe());
      expect(probe).toMatchObject({ ok: true, value: { diagnosis: { verdict: 'ready' } } });
    } finally {
      await app.close();
    }
  });
});
