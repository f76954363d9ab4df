// Copy, Open folder, About, Save as PDF and Close (issue 16, point 9) and the upgrade guide (point 10)
// through the handler table: a folder opens only when the session made or named it (and is a folder);
// the preview opens nothing and says so; the PDF is printed from the saved report and written beside its
// folder (its manifest stays exact); Microsoft's upgrade page only with the person's consent.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../support/app-fixture.js';

async function checkedApp() {
  const app = await createTestApp();
  expect((await app.dispatch('startProbe', {})).ok).toBe(true);
  return app;
}

describe('copy, folders, About, PDF and Close', () => {
  it('copies through the shell where it has a clipboard, else leaves it to the page; refuses control characters', async () => {
    const app = await createTestApp();
    expect(await app.dispatch('copyText', { text: 'ACS-2NPX-1YFX' })).toEqual({ ok: true, value: { copiedBy: 'renderer' } });
    const copied: string[] = [];
    (app.shell as { copyText?: (text: string) => Promise<void> }).copyText = async (text) => void copied.push(text);
    expect(await app.dispatch('copyText', { text: 'C:\\Users\\a\\reports' })).toEqual({ ok: true, value: { copiedBy: 'system' } });
    expect(copied).toEqual(['C:\\Users\\a\\reports']);
    expect(await app.dispatch('copyText', { text: 'bad\u0007bell' })).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(await app.dispatch('copyText', { text: '' })).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it('About: version and the places of the journal and the reports', async () => {
    const app = await createTestApp();
    const places = await app.dispatch('getPlaces', {});
    expect(places).toMatchObject({
      ok: true,
      value: { productName: 'ACS Support Assistant', shell: 'preview', dataFolder: app.workDir, journalFile: join(app.workDir, 'journal.jsonl'), reportsFolder: join(app.workDir, 'reports') },
    });
  });

  it('opens only folders the session made or named, and only folders; the preview opens nothing and says so', async () => {
    const app = await checkedApp();
    expect(await app.dispatch('openFolder', { path: '/etc' })).toMatchObject({ ok: false, code: 'forbidden' });
    // the reports folder is the app's own: made when first opened
    expect(await app.dispatch('openFolder', { path: join(app.workDir, 'reports') })).toEqual({ ok: true, value: { path: join(app.workDir, 'reports'), openedBy: 'none' } });
    expect((await stat(join(app.workDir, 'reports'))).isDirectory()).toBe(true);
    const exported = await app.dispatch('exportReport', { pdf: false });
    expect(exported.ok).toBe(true);
    const folder = (exported as { value: { folder: string } }).value.folder;
    const opened: string[] = [];
    (app.shell as { openFolder?: (path: string) => Promise<void> }).openFolder = async (path) => void opened.push(path);
    expect(await app.dispatch('openFolder', { path: folder })).toEqual({ ok: true, value: { path: folder, openedBy: 'system' } });
    expect(opened).toEqual([folder]);
    // a file inside it is never opened (Windows would run it or open it with its program)
    expect(await app.dispatch('openFolder', { path: join(folder, 'report.html') })).toMatchObject({ ok: false, code: 'forbidden' });
    // Windows could not open it: the reason, as data
    (app.shell as { openFolder?: (path: string) => Promise<void> }).openFolder = async () => {
      throw new Error('Access is denied.');
    };
    expect(await app.dispatch('openFolder', { path: folder })).toMatchObject({ ok: false, code: 'failed', message: expect.stringContaining('Access is denied.') });
  });

  it("names the administrator script's folder of a declined step, and then opens it", async () => {
    const app = await checkedApp();
    const plan = (await app.dispatch('listPlan', {})) as { value: { steps: { index: number; step: { step: string } }[] } };
    const root = plan.value.steps.find((step) => step.step.step === 'install-root-certificate')!.index;
    await app.dispatch('previewFix', { stepIndex: root });
    const folder = join(app.workDir, 'admin-scripts', 'install-root-certificate-1');
    await mkdir(folder, { recursive: true });
    app.setOutcome({
      status: 'declined',
      message: 'The administrator prompt was declined.',
      adminScript: { folder, ps1Path: 'a', cmdPath: 'b', requestPath: 'c', instructions: 'Ask an administrator' },
    });
    expect(await app.dispatch('applyFix', { stepIndex: root, consent: true })).toMatchObject({ ok: true, value: { status: 'declined', adminScriptFolder: folder } });
    expect(await app.dispatch('openFolder', { path: folder })).toEqual({ ok: true, value: { path: folder, openedBy: 'none' } });
  });

  it('Save as PDF: printed from the saved report, beside its folder or where the person chooses; cancel writes nothing', async () => {
    const app = await checkedApp();
    expect(await app.dispatch('saveReportPdf', { destination: 'next-to-report' })).toMatchObject({ ok: false, code: 'precondition' });
    expect((await app.dispatch('exportReport', { pdf: false })).ok).toBe(true);
    expect(await app.dispatch('saveReportPdf', { destination: 'next-to-report' })).toMatchObject({ ok: false, code: 'not-available' });
    const printed: string[] = [];
    const shell = app.shell as { printPdf?: (html: string) => Promise<Uint8Array>; chooseSavePath?: (path: string) => Promise<string | null> };
    shell.printPdf = async (html) => {
      printed.push(html);
      return new TextEncoder().encode('%PDF-1.7 test');
    };
    const folder = app.session.lastReportFolder!;
    const beside = await app.dispatch('saveReportPdf', { destination: 'next-to-report' });
    expect(beside).toEqual({ ok: true, value: { status: 'saved', path: `${folder}.pdf`, folder: join(folder, '..') } });
    expect(await readFile(`${folder}.pdf`, 'utf8')).toBe('%PDF-1.7 test');
    expect(printed[0]).toBe(await readFile(join(folder, 'report.html'), 'utf8'));
    shell.chooseSavePath = vi.fn().mockResolvedValueOnce(null).mockResolvedValueOnce(join(app.workDir, 'chosen'));
    expect(await app.dispatch('saveReportPdf', { destination: 'choose' })).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(await app.dispatch('saveReportPdf', { destination: 'choose' })).toMatchObject({ ok: true, value: { status: 'saved', path: join(app.workDir, 'chosen.pdf') } });
    // the chosen folder can be opened now
    expect(await app.dispatch('openFolder', { path: app.workDir })).toMatchObject({ ok: true });
  });

  it("the upgrade guide: Settings > Windows Update of this Windows only; Microsoft's page only with consent; else where it is", async () => {
    const app = await checkedApp();
    const shell = app.shell as { kind: 'electron' | 'preview'; openWindowsUpdateSettings?: () => Promise<void>; openExternal: (url: string) => Promise<'system-browser' | 'renderer'> };
    // the preview (no Settings to open): says where the guide is
    expect(await app.dispatch('openUpgradeGuide', { target: 'settings' })).toEqual({ ok: true, value: { target: 'settings', url: 'ms-settings:windowsupdate', openedBy: 'none' } });
    const opened: string[] = [];
    shell.openWindowsUpdateSettings = async () => void opened.push('settings');
    expect(await app.dispatch('openUpgradeGuide', { target: 'settings' })).toEqual({ ok: true, value: { target: 'settings', url: 'ms-settings:windowsupdate', openedBy: 'system' } });
    expect(opened).toEqual(['settings']);
    // a web page goes online: refused without consent, a fixed Microsoft page with it (a server: the in-place upgrade guide)
    expect(await app.dispatch('openUpgradeGuide', { target: 'web' })).toMatchObject({ ok: false, code: 'precondition' });
    expect(await app.dispatch('openUpgradeGuide', { target: 'web', consent: false })).toMatchObject({ ok: false, code: 'invalid-argument' });
    const page = 'https://learn.microsoft.com/windows-server/get-started/perform-in-place-upgrade';
    expect(await app.dispatch('openUpgradeGuide', { target: 'web', consent: true })).toEqual({ ok: true, value: { target: 'web', url: page, openedBy: 'none' } });
    expect(app.shell.opened).toEqual([]);
    shell.kind = 'electron';
    shell.openExternal = async (url) => {
      app.shell.opened.push(url);
      return 'system-browser';
    };
    expect(await app.dispatch('openUpgradeGuide', { target: 'web', consent: true })).toEqual({ ok: true, value: { target: 'web', url: page, openedBy: 'system' } });
    expect(app.shell.opened).toEqual([page]);
    // an address from the page is never taken
    expect(await app.dispatch('openUpgradeGuide', { target: 'web', consent: true, url: 'https://evil.example/' })).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it('Close: the desktop app closes its window; the preview answers that it cannot', async () => {
    const app = await createTestApp();
    expect(await app.dispatch('closeWindow', {})).toEqual({ ok: true, value: { closed: false } });
    const close = vi.fn();
    (app.shell as { closeWindow?: () => void }).closeWindow = close;
    expect(await app.dispatch('closeWindow', {})).toEqual({ ok: true, value: { closed: true } });
    expect(close).toHaveBeenCalledOnce();
  });
});
