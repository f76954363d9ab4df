// A snapshot file or report folder from a customer opens read-only, with its origin, a fresh diagnosis
// and a check of the manifest; bad input gets a clear error.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportReport } from '../../../src-main/report/export.js';
import { openReceived } from '../../../src-main/report/open-received.js';
import { saltedSnapshot } from '../redaction/salted.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'acs-open-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('openReceived', () => {
  it('opens an exported report folder: redacted origin, fresh diagnosis, intact manifest', async () => {
    await exportReport({ snapshot: saltedSnapshot(), outDir: join(folder, 'from-customer') });
    const opened = await openReceived(join(folder, 'from-customer'));
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.origin).toEqual({ computerName: 'HOST-1', collectedAt: '2026-11-23T15:42:10Z', sourceName: 'from-customer', kind: 'report-folder', redacted: true });
    expect(opened.integrity).toEqual({ checked: true, problems: [] });
    expect(opened.diagnosis.verdict).toBe('action-required');
    expect(opened.exportedDiagnosis?.verdict).toBe('action-required');
    expect(opened.summary?.supportCode).toMatch(/^ACS-/);
    expect(opened.warnings).toEqual([]);
  });

  it('reports files changed after the report was made', async () => {
    const out = join(folder, 'r');
    await exportReport({ snapshot: saltedSnapshot(), outDir: out });
    const html = await readFile(join(out, 'report.html'), 'utf8');
    await writeFile(join(out, 'report.html'), html.replace('Action required', 'Action REQUIRED'));
    await writeFile(join(out, 'summary.json'), '{}');
    await rm(join(out, 'diagnosis.json'));
    const opened = await openReceived(out);
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.integrity.problems).toEqual([
      'diagnosis.json is listed in the manifest but missing',
      'report.html was changed after the report was made (SHA-256 differs)',
      'summary.json was changed after the report was made (size differs)',
    ]);
    expect(opened.warnings.join(' ')).toContain('changed after the report was made');
  });

  it('does not open a FIFO or a device listed in the manifest or named like a report file', async () => {
    const out = join(folder, 'r');
    await exportReport({ snapshot: saltedSnapshot(), outDir: out });
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    manifest.files.push({ name: 'pipe', sha256: '0'.repeat(64), bytes: 1 }, { name: 'zero', sha256: '0'.repeat(64), bytes: 1 });
    await writeFile(join(out, 'manifest.json'), JSON.stringify(manifest));
    execFileSync('mkfifo', [join(out, 'pipe')]);
    await symlink('/dev/zero', join(out, 'zero'));
    await rm(join(out, 'summary.json'));
    execFileSync('mkfifo', [join(out, 'summary.json')]);
    const opened = await openReceived(out);
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.summary).toBeNull();
    // Names that are not report files are counted, never opened.
    expect(opened.integrity.problems).toEqual([
      'The manifest lists 2 entries that are not a file of a report (such as pipe); they were not checked.',
      'summary.json is listed in the manifest but is not a regular file',
    ]);
  });

  it('opens a bare snapshot file and a folder holding one snapshot under another name', async () => {
    const file = join(folder, 'acs-snapshot-WS-SALT-7731.json');
    await writeFile(file, JSON.stringify(saltedSnapshot()));
    const direct = await openReceived(file);
    expect(direct).toMatchObject({ ok: true, origin: { computerName: 'WS-SALT-7731', kind: 'snapshot-file', redacted: false }, integrity: { checked: false } });
    const viaFolder = await openReceived(folder);
    expect(viaFolder).toMatchObject({ ok: true, origin: { kind: 'report-folder', sourceName: expect.stringMatching(/^acs-open-/) } });
    if (viaFolder.ok) expect(viaFolder.warnings[0]).toContain('no manifest');
  });

  it('gives a clear error for anything else', async () => {
    expect(await openReceived(join(folder, 'missing'))).toEqual({ ok: false, error: 'cannot open missing: no such file or folder' });
    expect(await openReceived(folder)).toMatchObject({ ok: false, error: expect.stringContaining('holds no snapshot') });
    await writeFile(join(folder, 'a.json'), '{}');
    await writeFile(join(folder, 'b.json'), '{}');
    expect(await openReceived(folder)).toMatchObject({ ok: false, error: expect.stringContaining('holds 2 JSON files') });
    expect(await openReceived(join(folder, 'a.json'))).toMatchObject({ ok: false, error: expect.stringContaining('invalid snapshot: format') });
  });
});
