// Journey (issue 14): the field kit. A received snapshot offers "Build a fix kit"; for a Windows this app
// cannot run on (Server 2012 R2 here, Windows 7 on the simulated machine) the kit is offered instead of
// a fix. Simulated machines and the preview's export folder: no real Windows, no real USB stick.
import { expect, test } from './support/fixtures.js';
import { button, check, text } from './support/wizard.js';

test.describe('received snapshots', () => {
  test.use({ profile: 'healthy-win11' });

  test('a received Server 2019 snapshot: Build a fix kit writes the kit folder and lists its steps', async ({ journey, page }) => {
    await button(page, text.welcome.openSnapshot).click();
    await journey.expectScreen('snapshot', text.snapshot.chooseHeading);
    await button(page, 'server2019-airgapped-root-missing.json').click();
    const panel = page.getByTestId('fix-kit');
    await expect(panel).toContainText(text.kit.heading);
    await button(page, text.kit.build).click();
    await expect(panel.getByRole('status')).toContainText(/The kit is ready in .*acs-fix-kit-/);
    await expect(panel.getByRole('status')).toContainText('Install the Microsoft root certificate');
    await journey.capture('fix-kit-built', '13-fix-kit');
    await button(page, text.kit.readResult).click();
    const readBack = page.getByTestId('kit-read-back');
    await expect(readBack).toContainText(text.kit.notRun);
    await expect(readBack).toContainText(`Install the Microsoft root certificate: ${text.kit.state['to-do']}`);
  });

  test('a received Server 2012 R2 snapshot: the app cannot run there, the kit is offered instead', async ({ journey, page }) => {
    await button(page, text.welcome.openSnapshot).click();
    await button(page, 'server2012r2-only-later-security-only.json').click();
    const panel = page.getByTestId('fix-kit');
    await expect(panel).toContainText(/This app cannot run on Windows Server 2012 R2/);
    await expect(button(page, text.result.startFixing)).toHaveCount(0);
    await journey.capture('fix-kit-2012r2');
  });
});

test.describe('Windows 7 as this machine (simulated)', () => {
  test.use({ profile: 'win7-sp1-no-esu-rollup' });

  test('no fix offered here; the kit is, and it asks for the update file', async ({ journey, page }) => {
    await check(journey);
    await expect(button(page, text.result.startFixing)).toHaveCount(0);
    const panel = page.getByTestId('fix-kit');
    await expect(panel).toContainText(/This app cannot run on Windows 7/);
    await expect(panel).toContainText('KB5006743');
    await button(page, text.kit.build).click();
    await expect(panel).toContainText(text.kit.noFiles);
    await journey.capture('fix-kit-win7');
  });
});
