// The disk fills up while a report is written. The report code has no file seam of its own, so the
// fault is injected one level down: node:fs/promises' open() returns a handle whose writeFile stops
// with ENOSPC after a partial write, for the chosen file only. The export must fail clearly, leave
// no temporary files, and never leave a folder that looks complete when it is not.
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../src-main/cli/io.js';
import { runCli } from '../../src-main/cli/main.js';
import { exportReport } from '../../src-main/report/export.js';
import { openReceived } from '../../src-main/report/open-received.js';
import { fixture } from './support/hostile.js';

const disk = vi.hoisted(() => ({ fullFor: null as RegExp | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof actual.open = async (path, flags, mode) => {
    const handle = await actual.open(path, flags, mode);
    if (!disk.fullFor || !disk.fullFor.test(String(path))) return handle;
    return new Proxy(handle, {
      get(target, property) {
        if (property === 'writeFile') {
          return async (data: string | Uint8Array) => {
            await target.write(Buffer.from(typeof data === 'string' ? data.slice(0, 100) : data.subarray(0, 100)));
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
          };
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  return { ...actual, default: { ...actual, open }, open };
});

afterEach(() => {
  disk.fullFor = null;
});

const leftovers = async (folder: string) => (await readdir(folder)).filter((name) => name.endsWith('.tmp'));

describe('the disk full while a report is written', () => {
  for (const file of ['snapshot.json', 'report.html', 'manifest.json']) {
    it(`full at ${file} in a new folder: a clear ENOSPC error, no temporary files, no complete-looking folder`, async () => {
      const outDir = join(await mkdtemp(join(tmpdir(), 'acs-full-')), 'report');
      disk.fullFor = new RegExp(`\\.${file.replace('.', '\\.')}\\..*\\.tmp$`);
      const error = await exportReport({ snapshot: fixture('server2019-airgapped-root-missing.json'), outDir }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(Error);
      expect(`${(error as NodeJS.ErrnoException).code} ${(error as Error).message}`).toMatch(/ENOSPC|full/);
      disk.fullFor = null;
      const names = await readdir(outDir).catch(() => [] as string[]);
      expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
      // The manifest is written last: a folder without it is never presented as a checked report.
      expect(names).not.toContain('manifest.json');
      if (names.length > 0) {
        const opened = await openReceived(outDir);
        if (opened.ok) expect(opened.integrity.checked).toBe(false);
      }
    });
  }

  it('full while replacing an earlier export: the reader is told the folder is not intact (never silently mixed)', async () => {
    const outDir = join(await mkdtemp(join(tmpdir(), 'acs-full-again-')), 'report');
    await exportReport({ snapshot: fixture('win11-23h2-healthy.json'), outDir });
    disk.fullFor = /\.report\.html\..*\.tmp$/;
    await expect(exportReport({ snapshot: fixture('server2019-airgapped-root-missing.json'), outDir })).rejects.toThrow(/ENOSPC/);
    disk.fullFor = null;
    expect(await leftovers(outDir)).toEqual([]);
    const opened = await openReceived(outDir);
    if (!opened.ok) return expect(opened.error.length).toBeGreaterThan(10);
    const consistentOld = opened.integrity.checked && opened.integrity.problems.length === 0 && opened.diagnosis.verdict === 'ready';
    const flagged = opened.integrity.problems.length > 0 && opened.warnings.some((warning) => /changed/.test(warning));
    expect(consistentOld || flagged, JSON.stringify({ integrity: opened.integrity, warnings: opened.warnings })).toBe(true);
  });

  it('acs-assistant report exits 4 with one clear line when the disk is full', async () => {
    const outDir = join(await mkdtemp(join(tmpdir(), 'acs-full-cli-')), 'report');
    const snapshotFile = join(tmpdir(), `acs-full-cli-${process.pid}.json`);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(snapshotFile, JSON.stringify(fixture('server2019-airgapped-root-missing.json')));
    disk.fullFor = /\.diagnosis\.json\..*\.tmp$/;
    let stderr = '';
    const io: CliIo = { stdout: () => {}, stderr: (text) => (stderr += text), readStdin: async () => '' };
    const code = await runCli(['report', snapshotFile, '--out', outDir], io);
    expect(code).toBe(4);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/ENOSPC|full|space/i);
  });
});
