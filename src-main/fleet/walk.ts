// Lists the JSON files under a folder, one directory at a time, without holding the whole tree in memory.
import { opendir } from 'node:fs/promises';
import { join } from 'node:path';

/** Yields paths of *.json files under `folder` (recursively), skipping hidden files and folders.
 * A subfolder that cannot be opened is passed to `onUnreadableFolder`; the top folder must open. */
export async function* jsonFilesUnder(folder: string, onUnreadableFolder: (path: string, error: unknown) => void): AsyncGenerator<string> {
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let directory;
    try {
      directory = await opendir(current);
    } catch (error) {
      if (current === folder) throw error;
      onUnreadableFolder(current, error);
      continue;
    }
    for await (const entry of directory) {
      if (entry.name.startsWith('.')) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) yield path;
    }
  }
}
