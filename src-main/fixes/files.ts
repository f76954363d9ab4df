// How fixes read the files a person picks (certificate, update package): the local disk by default;
// the simulated host serves the files of its profile (a USB stick that exists only in the simulation).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';

export interface FileAccess {
  /** Size in bytes, or null when there is no such file (or it is a folder). */
  size(path: string): Promise<number | null>;
  /** The whole file; rejects when it cannot be read. */
  read(path: string): Promise<Buffer>;
  /** SHA-256 of the content, upper-case hex. */
  sha256(path: string): Promise<string>;
}

export const localFiles: FileAccess = {
  async size(path) {
    try {
      const info = await stat(path);
      return info.isFile() ? info.size : null;
    } catch {
      return null;
    }
  },
  read: (path) => readFile(path),
  async sha256(path) {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return hash.digest('hex').toUpperCase();
  },
};
