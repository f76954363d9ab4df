// Where the elevated helper (assets/fixes/acs-fix-helper.ps1) writes: its own folder under ProgramData,
// created by the helper with an administrators-only ACL (users may read). The app reads each result
// from there; nothing it wrote itself (the request file in the person's profile) is ever trusted back.
// Off Windows (simulation, demo, tests) there is no elevated helper; the simulated one writes into a
// temporary folder instead (ACS_HELPER_DATA_DIR, read only off Windows).
import { tmpdir } from 'node:os';
import { join, win32 } from 'node:path';

export const HELPER_FOLDER_NAME = 'ACS Support Assistant';

export function helperDataFolder(): string {
  if (process.platform === 'win32') return win32.join(process.env.ProgramData ?? 'C:\\ProgramData', HELPER_FOLDER_NAME);
  return process.env.ACS_HELPER_DATA_DIR ?? join(tmpdir(), 'acs-support-assistant-helper');
}

const joinFor = (folder: string, ...parts: string[]) => (process.platform === 'win32' ? win32.join(folder, ...parts) : join(folder, ...parts));

/** The helper's result for one run: %ProgramData%\ACS Support Assistant\results\<runId>.json. */
export function helperResultPath(runId: string): string {
  return joinFor(helperDataFolder(), 'results', `${runId}.json`);
}

/** The helper's own journal (started/finished lines of every elevated run, the administrator script's too). */
export function helperJournalPath(): string {
  return joinFor(helperDataFolder(), 'journal.jsonl');
}
