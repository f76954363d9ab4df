// The browser preview's ShellAdapter: no native dialogs, so file choices come back as candidate
// lists (the simulated machine's local update files, the snapshots in a "received" folder); links are
// opened by the browser tab itself after the server allowed them; no PDF printing.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalFile } from '../contract/index.js';
import { updateFileCandidates } from '../app/local-files.js';
import type { ShellAdapter } from '../app/shell-adapter.js';
import type { HostLocalFile } from '../host/binding.js';

export interface PreviewShellOptions {
  /** The machine's files (the simulated machine's USB stick, Downloads). */
  localFiles: () => readonly HostLocalFile[];
  /** Folder whose snapshot files and report folders the "open a snapshot" picker lists. */
  receivedDir: string | null;
  /** Where "choose a folder" exports go (there is no dialog in the preview). */
  exportDir: string;
}

/** Snapshot files (.json) and folders in the received folder, newest first. */
export async function receivedCandidates(folder: string): Promise<LocalFile[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const entries = await Promise.all(
    names.map(async (name) => {
      const path = join(folder, name);
      const info = await stat(path).catch(() => null);
      if (!info || !(info.isDirectory() || (info.isFile() && name.toLowerCase().endsWith('.json')))) return null;
      return { file: { path, name, sizeBytes: info.isFile() ? info.size : null, kb: null }, modified: info.mtimeMs };
    }),
  );
  return entries
    .filter((entry): entry is NonNullable<typeof entry> => entry !== null)
    .sort((a, b) => b.modified - a.modified || a.file.name.localeCompare(b.file.name))
    .map((entry) => entry.file);
}

export function createPreviewShell(options: PreviewShellOptions): ShellAdapter {
  return {
    kind: 'preview',
    async chooseUpdateFile(kb) {
      return { kind: 'pick', candidates: updateFileCandidates(options.localFiles(), kb) };
    },
    async chooseReceived() {
      return { kind: 'pick', candidates: options.receivedDir ? await receivedCandidates(options.receivedDir) : [] };
    },
    async chooseExportFolder() {
      return options.exportDir;
    },
    async openExternal() {
      return 'renderer';
    },
  };
}
