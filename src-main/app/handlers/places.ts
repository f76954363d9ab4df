// What people expect from a support tool (issue 16, point 9): copy a text, open a folder the app wrote
// (only those: the session vouches for each), the About panel's places, the saved report as a PDF, and
// closing the window; and the upgrade guide for a Windows no update fixes (point 10). The desktop app
// does each through Electron; the preview answers for itself.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BridgeError, type OperationResults, type ValidatedArgs } from '../../contract/index.js';
import { PROGRAM_VERSION } from '../../version.js';
import { allowedExternalLink, UPGRADE_GUIDE_PAGES, WINDOWS_UPDATE_SETTINGS } from '../links.js';
import type { AppSession } from '../session.js';
import { PRODUCT_NAME } from './info.js';

/** The app's own folders: the data folder and the reports folder (made when first opened). */
function ownPlaces(session: AppSession): { dataFolder: string; journalFile: string; reportsFolder: string } {
  const dataFolder = session.options.workDir;
  return { dataFolder, journalFile: join(dataFolder, 'journal.jsonl'), reportsFolder: join(dataFolder, 'reports') };
}

export function placesHandlers(session: AppSession) {
  const own = ownPlaces(session);
  session.knowFolder(own.dataFolder);
  session.knowFolder(own.reportsFolder);

  return {
    async copyText({ text }: ValidatedArgs<'copyText'>): Promise<OperationResults['copyText']> {
      const copy = session.shell.copyText;
      if (!copy) return { copiedBy: 'renderer' };
      await copy(text);
      return { copiedBy: 'system' };
    },

    async openFolder({ path }: ValidatedArgs<'openFolder'>): Promise<OperationResults['openFolder']> {
      // Never a path from the page: only a folder this session made or named (and a folder, never a file,
      // which Windows would run or open with its program).
      if (!session.knownFolders.has(path)) throw new BridgeError('forbidden', 'Only folders the assistant saved something in can be opened.');
      if (path === own.dataFolder || path === own.reportsFolder) await mkdir(path, { recursive: true });
      const info = await stat(path).catch(() => null);
      if (!info?.isDirectory()) throw new BridgeError('not-found', `The folder ${path} is not there any more.`);
      const open = session.shell.openFolder;
      if (!open) return { path, openedBy: 'none' };
      try {
        await open(path);
      } catch (error) {
        throw new BridgeError('failed', `Windows could not open the folder ${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
      return { path, openedBy: 'system' };
    },

    async getPlaces(): Promise<OperationResults['getPlaces']> {
      return { productName: PRODUCT_NAME, version: PROGRAM_VERSION, shell: session.shell.kind, ...own };
    },

    async saveReportPdf({ destination }: ValidatedArgs<'saveReportPdf'>): Promise<OperationResults['saveReportPdf']> {
      const folder = session.lastReportFolder;
      if (!folder) throw new BridgeError('precondition', 'Save the report first: the PDF is made from it.');
      const print = session.shell.printPdf;
      if (!print) throw new BridgeError('not-available', 'This window cannot make a PDF itself: use Print and choose a PDF printer.');
      // Next to the report folder, not inside it: the folder's manifest lists exactly what was saved.
      const beside = join(dirname(folder), `${basename(folder)}.pdf`);
      let path = beside;
      if (destination === 'choose') {
        const chosen = session.shell.chooseSavePath ? await session.shell.chooseSavePath(beside, { name: 'PDF', extensions: ['pdf'] }) : beside;
        if (chosen === null) return { status: 'cancelled' };
        path = chosen.toLowerCase().endsWith('.pdf') ? chosen : `${chosen}.pdf`;
      }
      const html = await readFile(join(folder, 'report.html'), 'utf8').catch(() => {
        throw new BridgeError('not-found', `The saved report is not in ${folder} any more: save it again.`);
      });
      await writeFile(path, await print(html));
      return { status: 'saved', path, folder: session.knowFolder(dirname(path)) };
    },

    async openUpgradeGuide({ target, consent }: ValidatedArgs<'openUpgradeGuide'>): Promise<OperationResults['openUpgradeGuide']> {
      const current = session.current();
      // Only this computer's own Settings, only in the desktop app on Windows: never a simulated or a received machine's.
      const ownWindows = current.origin === 'this-machine' && session.host.kind === 'windows';
      if (target === 'settings') {
        const open = session.shell.openWindowsUpdateSettings;
        if (!ownWindows || !open) return { target, url: WINDOWS_UPDATE_SETTINGS, openedBy: 'none' };
        await open();
        return { target, url: WINDOWS_UPDATE_SETTINGS, openedBy: 'system' };
      }
      // A web page goes online: only when the person said yes to it.
      if (consent !== true) throw new BridgeError('precondition', "Microsoft's page opens only after you agree to go online for it.");
      const server = current.diagnosis.windows !== null && current.diagnosis.windows.installationType !== 'Client';
      const url = allowedExternalLink(server ? UPGRADE_GUIDE_PAGES.server : UPGRADE_GUIDE_PAGES.client)!;
      if (session.shell.kind !== 'electron') return { target, url, openedBy: 'none' };
      return { target, url, openedBy: (await session.shell.openExternal(url)) === 'system-browser' ? 'system' : 'none' };
    },

    async closeWindow(): Promise<OperationResults['closeWindow']> {
      const close = session.shell.closeWindow;
      if (!close) return { closed: false };
      close();
      return { closed: true };
    },
  };
}
