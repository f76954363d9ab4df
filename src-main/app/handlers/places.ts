// What people expect from a support tool (issue 16, point 9): copy a text, open a folder the app wrote
// (only those: the session vouches for each), the About panel's places, the saved report as a PDF, and
// closing the window. The desktop app does each through Electron; the preview answers for itself.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BridgeError, type OperationResults, type ValidatedArgs } from '../../contract/index.js';
import { PROGRAM_VERSION } from '../../version.js';
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

    async closeWindow(): Promise<OperationResults['closeWindow']> {
      const close = session.shell.closeWindow;
      if (!close) return { closed: false };
      close();
      return { closed: true };
    },
  };
}
