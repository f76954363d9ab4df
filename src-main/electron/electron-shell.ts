// The desktop app's ShellAdapter: Windows' own file and folder dialogs, the system browser for
// allow-listed links, and Electron's printToPDF for the report (in a hidden window that runs no script
// and can load nothing but the report itself).
import type { BrowserWindow as BrowserWindowType, Clipboard, Dialog, OpenDialogOptions, Session, Shell } from 'electron';
import { describeDiskFile } from '../app/local-files.js';
import type { ShellAdapter, ShellChoice } from '../app/shell-adapter.js';
import { updateFileCandidates } from '../app/local-files.js';
import { WINDOWS_UPDATE_SETTINGS } from '../app/links.js';
import type { HostLocalFile } from '../host/binding.js';
import { hardenSession } from './hardening.js';

export interface ElectronShellDependencies {
  dialog: Pick<Dialog, 'showOpenDialog'> & Partial<Pick<Dialog, 'showSaveDialog'>>;
  shell: Pick<Shell, 'openExternal'> & Partial<Pick<Shell, 'openPath'>>;
  /** The system clipboard (Copy buttons: the page itself may not write it, every permission is refused). */
  clipboard?: Pick<Clipboard, 'writeText'>;
  BrowserWindow: typeof BrowserWindowType;
  /** Session for the PDF printer window (session.fromPartition('acs-report-pdf')). */
  pdfSession: () => Session;
  /** The app window, as the dialogs' parent. */
  window: () => BrowserWindowType | null;
  /** A host with files of its own (the simulated machine's): offered as a list (they are not on this disk). */
  localFiles?: () => readonly HostLocalFile[];
}

export const PDF_PARTITION = 'acs-report-pdf';

export function createElectronShell(deps: ElectronShellDependencies): ShellAdapter {
  async function pick(options: OpenDialogOptions): Promise<ShellChoice> {
    const parent = deps.window();
    const result = parent ? await deps.dialog.showOpenDialog(parent, options) : await deps.dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    if (result.canceled || !path) return { kind: 'cancelled' };
    return { kind: 'chosen', file: await describeDiskFile(path) };
  }

  let pdfSessionReady = false;

  return {
    kind: 'electron',
    async chooseUpdateFile(kb) {
      if (deps.localFiles) return { kind: 'pick', candidates: updateFileCandidates(deps.localFiles(), kb) };
      return pick({
        title: kb ? `Choose the update file for ${kb}` : 'Choose the Windows update file',
        filters: [{ name: 'Windows update packages (.msu, .cab)', extensions: ['msu', 'cab'] }],
        properties: ['openFile', 'dontAddToRecent'],
      });
    },
    async chooseReceived(folder) {
      if (folder) return pick({ title: 'Open a report folder', properties: ['openDirectory', 'dontAddToRecent'] });
      return pick({
        title: 'Open a snapshot file',
        filters: [{ name: 'Snapshots (.json)', extensions: ['json'] }],
        properties: ['openFile', 'dontAddToRecent'],
      });
    },
    async chooseExportFolder() {
      const choice = await pick({ title: 'Choose where to save the report', properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] });
      return choice.kind === 'chosen' ? choice.file.path : null;
    },
    async printPdf(html) {
      const session = deps.pdfSession();
      if (!pdfSessionReady) {
        hardenSession(session, (url) => url.startsWith('data:text/html'));
        pdfSessionReady = true;
      }
      const printer = new deps.BrowserWindow({
        show: false,
        webPreferences: { session, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
      });
      try {
        await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        return await printer.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
      } finally {
        printer.destroy();
      }
    },
    async openExternal(url) {
      await deps.shell.openExternal(url, { activate: true });
      return 'system-browser';
    },
    ...(deps.clipboard
      ? {
          async copyText(text: string) {
            deps.clipboard!.writeText(text);
          },
        }
      : {}),
    ...(deps.shell.openPath
      ? {
          /** Explorer on a folder the session vouched for (the handler checked it is a folder). */
          async openFolder(path: string) {
            const failure = await deps.shell.openPath!(path);
            if (failure) throw new Error(failure);
          },
        }
      : {}),
    ...(deps.dialog.showSaveDialog
      ? {
          async chooseSavePath(defaultPath: string, filter: { name: string; extensions: string[] }) {
            const parent = deps.window();
            const options = {
              defaultPath,
              filters: [filter],
              properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'] as ('createDirectory' | 'showOverwriteConfirmation' | 'dontAddToRecent')[],
            };
            const result = parent ? await deps.dialog.showSaveDialog!(parent, options) : await deps.dialog.showSaveDialog!(options);
            return result.canceled || !result.filePath ? null : result.filePath;
          },
        }
      : {}),
    /** Settings > Windows Update, by its fixed ms-settings address (nothing from the page reaches here). */
    async openWindowsUpdateSettings() {
      await deps.shell.openExternal(WINDOWS_UPDATE_SETTINGS, { activate: true });
    },
    /** After the answer has gone back: closing the last window quits the app. */
    closeWindow() {
      setTimeout(() => {
        const window = deps.window();
        if (window && !window.isDestroyed()) window.close();
      }, 50);
    },
  };
}
