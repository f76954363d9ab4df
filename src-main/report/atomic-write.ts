// Writes a file so that readers see either the old content or the whole new content: a temporary
// file in the same folder, flushed to disk, then renamed over the target.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `data` may be a list of pieces (a generator): they are written one after the other, so a large
 * output (a fleet table of 100,000 machines) never has to be one string in memory. */
export async function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o644);
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
      else {
        // Pieces gathered up to about 1 MiB per write.
        let pending = '';
        for (const piece of data) {
          pending += piece;
          if (pending.length >= 1 << 20) {
            await handle.writeFile(pending);
            pending = '';
          }
        }
        if (pending) await handle.writeFile(pending);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Makes the rename itself durable. Windows cannot open a folder for flushing; there the rename is enough. */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EACCES' && code !== 'EINVAL') throw error;
  } finally {
    await handle?.close();
  }
}

/** On Windows a rename over a file that another program holds open (a PDF viewer, an antivirus scan)
 * fails with EPERM/EBUSY for a moment: retry a few times before giving up. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 4 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}
