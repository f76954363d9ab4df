// Where the journal, request files and administrator scripts live when the caller does not say:
// ACS_DATA_DIR, else %LOCALAPPDATA%\ACS Support Assistant on Windows, else ~/.local/share/acs-support-assistant.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const JOURNAL_FILE_NAME = 'journal.jsonl';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ACS_DATA_DIR) return env.ACS_DATA_DIR;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'ACS Support Assistant');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'acs-support-assistant');
}
