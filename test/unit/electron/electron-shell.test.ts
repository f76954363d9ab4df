// The desktop ShellAdapter: native dialogs (cancelled or chosen), simulated files as a pick list,
// links to the system browser, and the PDF printed in a hidden window that runs no script.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Session } from 'electron';
import { createElectronShell } from '../../../src-main/electron/electron-shell.js';

function fakeSession() {
  const allowed: ((url: string) => boolean)[] = [];
  const session = {
    setPermissionRequestHandler: () => {},
    setPermissionCheckHandler: () => {},
    setDevicePermissionHandler: () => {},
    webRequest: {
      onBeforeRequest: (handler: (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) =>
        allowed.push((url) => {
          let cancel = true;
          handler({ url }, (result) => (cancel = result.cancel));
          return !cancel;
        }),
      onHeadersReceived: () => {},
    },
  };
  return { session: session as unknown as Session, allows: (url: string) => allowed.every((check) => check(url)) };
}

describe('createElectronShell', () => {
  it('turns a cancelled dialog into "cancelled" and a chosen file into its description', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'acs-shell-'));
    const file = join(folder, 'windows10.0-kb5011487-x64.msu');
    await writeFile(file, 'x'.repeat(10));
    const showOpenDialog = vi
      .fn()
      .mockResolvedValueOnce({ canceled: true, filePaths: [] })
      .mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const shell = createElectronShell({ dialog: { showOpenDialog }, shell: { openExternal: vi.fn() }, BrowserWindow: class {} as never, pdfSession: () => fakeSession().session, window: () => null });
    expect(await shell.chooseUpdateFile('KB5011487')).toEqual({ kind: 'cancelled' });
    expect(await shell.chooseUpdateFile('KB5011487')).toEqual({ kind: 'chosen', file: { path: file, name: 'windows10.0-kb5011487-x64.msu', sizeBytes: 10, kb: 'KB5011487' } });
    expect(showOpenDialog.mock.calls[0]![0]).toMatchObject({ filters: [{ extensions: ['msu', 'cab'] }], properties: expect.arrayContaining(['openFile']) });
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [folder] });
    expect(await shell.chooseReceived(true)).toMatchObject({ kind: 'chosen', file: { path: folder, sizeBytes: expect.any(Number) } });
    expect(showOpenDialog.mock.calls[2]![0]).toMatchObject({ properties: expect.arrayContaining(['openDirectory']) });
    await shell.chooseReceived(false);
    expect(showOpenDialog.mock.calls[3]![0]).toMatchObject({ filters: [{ extensions: ['json'] }], properties: expect.arrayContaining(['openFile']) });
  });

  it("offers a simulated machine's files as a list, wanted KB first", async () => {
    const shell = createElectronShell({
      dialog: { showOpenDialog: vi.fn() },
      shell: { openExternal: vi.fn() },
      BrowserWindow: class {} as never,
      pdfSession: () => fakeSession().session,
      window: () => null,
      localFiles: () => [
        {
          kind: 'msu',
          path: 'E:\\a-kb5000001.msu',
          kb: 'KB5000001',
          architecture: 'x64',
          forBuild: null,
          resultingUbr: null,
          grantsAcsSupport: false,
          signer: 'x',
          signatureValid: true,
          sizeBytes: 1,
        },
        { kind: 'msu', path: 'E:\\b-kb5011487.msu', kb: 'KB5011487', architecture: 'x64', forBuild: null, resultingUbr: null, grantsAcsSupport: true, signer: 'x', signatureValid: true, sizeBytes: 2 },
      ],
    });
    const choice = await shell.chooseUpdateFile('KB5011487');
    expect(choice.kind === 'pick' && choice.candidates.map((file) => file.kb)).toEqual(['KB5011487', 'KB5000001']);
  });

  it('opens links in the system browser and prints the report in a script-less hidden window limited to the report', async () => {
    const openExternal = vi.fn(async () => {});
    const created: { options: unknown; url: string | null; destroyed: boolean }[] = [];
    class FakeWindow {
      record = { options: null as unknown, url: null as string | null, destroyed: false };
      webContents = { printToPDF: async () => Buffer.from('%PDF-1.7') };
      constructor(options: unknown) {
        this.record.options = options;
        created.push(this.record);
      }
      async loadURL(url: string) {
        this.record.url = url;
      }
      destroy() {
        this.record.destroyed = true;
      }
    }
    const pdf = fakeSession();
    const shell = createElectronShell({
      dialog: { showOpenDialog: vi.fn() },
      shell: { openExternal },
      BrowserWindow: FakeWindow as unknown as typeof BrowserWindow,
      pdfSession: () => pdf.session,
      window: () => null,
    });
    expect(await shell.openExternal('https://learn.microsoft.com/')).toBe('system-browser');
    expect(openExternal).toHaveBeenCalledWith('https://learn.microsoft.com/', { activate: true });
    const bytes = await shell.printPdf!('<h1>Report</h1>');
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.7');
    expect(created[0]).toMatchObject({ options: { show: false, webPreferences: { javascript: false, sandbox: true } }, destroyed: true });
    expect(created[0]!.url).toBe(`data:text/html;charset=utf-8,${encodeURIComponent('<h1>Report</h1>')}`);
    expect(pdf.allows('data:text/html;charset=utf-8,x')).toBe(true);
    expect(pdf.allows('https://example.com/tracker.png')).toBe(false);
    expect(pdf.allows('file:///etc/passwd')).toBe(false);
  });
});
