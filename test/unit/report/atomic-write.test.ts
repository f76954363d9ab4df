// Atomic writes: the target holds the old or the complete new content, and no temporary file is left behind.
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src-main/report/atomic-write.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'acs-atomic-'));
});
afterEach(async () => {
  await chmod(folder, 0o700);
  await rm(folder, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces a file with the whole new content and leaves nothing else', async () => {
    const path = join(folder, 'report.html');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new content');
    expect(await readFile(path, 'utf8')).toBe('new content');
    expect(await readdir(folder)).toEqual(['report.html']);
  });

  it('writes bytes as they are', async () => {
    const path = join(folder, 'report.pdf');
    await writeFileAtomic(path, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]));
    expect([...(await readFile(path))]).toEqual([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
  });

  it('writes a generator of pieces (a large fleet table) as the same text as the whole string', async () => {
    const path = join(folder, 'fleet.csv');
    const pieces = Array.from({ length: 30_000 }, (_, index) => `PC-${index},ready,ü,${'x'.repeat(index % 50)}\r\n`);
    function* chunks(): Generator<string> {
      yield* pieces;
    }
    await writeFileAtomic(path, chunks());
    expect(await readFile(path, 'utf8')).toBe(pieces.join(''));
    expect(await readdir(folder)).toEqual(['fleet.csv']);
  });

  it('cleans up its temporary file when the final rename fails', async () => {
    // A folder where the file should go: the rename fails even for root, and the folder stays as it was.
    const path = join(folder, 'summary.json');
    await mkdir(path);
    await writeFile(join(path, 'keep.txt'), 'old');
    await expect(writeFileAtomic(path, 'new')).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST|EPERM/) });
    expect(await readdir(folder)).toEqual(['summary.json']);
    expect(await readFile(join(path, 'keep.txt'), 'utf8')).toBe('old');
  });
});
