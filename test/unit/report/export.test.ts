// exportReport writes the report folder atomically with a manifest of SHA-256s, and with redaction on
// (the default) no value redaction promised to remove survives in any file.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { exportReport } from '../../../src-main/report/export.js';
import { manifestSchema, reportSummarySchema } from '../../../src-main/report/manifest.js';
import { parseSnapshotText } from '../../../src-main/snapshot/parse.js';
import { decodeSupportCode } from '../../../src-main/support-code/index.js';
import { saltedSnapshot, SALTED_VALUES, survivingSaltedValues } from '../redaction/salted.js';
import { journalEntries } from './fixtures.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'acs-export-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const journal = () => journalEntries('SALTMINE\\carol.xyz', 'WS-SALT-7731');

describe('exportReport', () => {
  it('writes snapshot, diagnosis, HTML, summary and manifest, and the manifest hashes match', async () => {
    const result = await exportReport({ snapshot: saltedSnapshot(), journal: journal(), outDir: folder, now: () => new Date('2026-11-24T12:00:00Z') });
    expect((await readdir(folder)).sort()).toEqual(['diagnosis.json', 'manifest.json', 'report.html', 'snapshot.json', 'summary.json']);
    expect(result.files.map((file) => file.name)).toEqual(['snapshot.json', 'diagnosis.json', 'report.html', 'summary.json', 'manifest.json']);
    const manifest = manifestSchema.parse(JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')));
    expect(manifest.files.map((file) => file.name)).toEqual(['snapshot.json', 'diagnosis.json', 'report.html', 'summary.json']);
    for (const file of manifest.files) {
      const data = await readFile(join(folder, file.name));
      expect(createHash('sha256').update(data).digest('hex')).toBe(file.sha256);
      expect(data.length).toBe(file.bytes);
    }
    expect(parseSnapshotText(await readFile(join(folder, 'snapshot.json'), 'utf8')).ok).toBe(true);
  });

  it('redacts by default: none of the salted values survives in any file', async () => {
    const result = await exportReport({ snapshot: saltedSnapshot(), journal: journal(), outDir: folder });
    expect(result.redacted).toBe(true);
    for (const name of await readdir(folder)) {
      const text = await readFile(join(folder, name), 'utf8');
      expect({ name, surviving: survivingSaltedValues(text) }).toEqual({ name, surviving: [] });
    }
    // The replacements stay on this machine (for the preview), and cover every salted value.
    const originals = result.replacements.map((replacement) => replacement.original.toLowerCase());
    for (const value of SALTED_VALUES) expect(originals.some((original) => original.includes(value.toLowerCase()))).toBe(true);
  });

  it('puts the verdict and a decodable support code in summary.json, the same with or without redaction', async () => {
    const snapshot = saltedSnapshot();
    const redacted = await exportReport({ snapshot, outDir: join(folder, 'a') });
    const plain = await exportReport({ snapshot, outDir: join(folder, 'b'), redact: false });
    const summary = reportSummarySchema.parse(JSON.parse(await readFile(join(folder, 'a', 'summary.json'), 'utf8')));
    expect(summary.verdict).toBe(diagnose(snapshot).verdict);
    expect(summary.computerName).toBe('HOST-1');
    expect(summary.supportCode).toBe(plain.summary.supportCode);
    expect(decodeSupportCode(summary.supportCode)).toMatchObject({ ok: true, summary: { verdict: 'action-required', windows: { build: 17763, ubr: 1999, server: true } } });
    expect(redacted.summary.placeholders).toContain('USER-1');
  });

  it('keeps the real names when redaction is switched off (internal use)', async () => {
    await exportReport({ snapshot: saltedSnapshot(), journal: journal(), outDir: folder, redact: false });
    const text = await readFile(join(folder, 'snapshot.json'), 'utf8');
    expect(survivingSaltedValues(text)).toContain('WS-SALT-7731');
    const summary = JSON.parse(await readFile(join(folder, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ redacted: false, computerName: 'WS-SALT-7731', placeholders: [] });
  });

  it('adds the PDF printed by the app to the folder and the manifest, printed from the redacted HTML', async () => {
    let printed = '';
    const result = await exportReport({
      snapshot: saltedSnapshot(),
      outDir: folder,
      renderPdf: async (html) => {
        printed = html;
        return new TextEncoder().encode('%PDF-1.7 stand-in');
      },
    });
    expect(survivingSaltedValues(printed)).toEqual([]);
    expect(result.files.map((file) => file.name)).toContain('report.pdf');
    const manifest = manifestSchema.parse(JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')));
    expect(manifest.files.find((file) => file.name === 'report.pdf')?.sha256).toBe(createHash('sha256').update('%PDF-1.7 stand-in').digest('hex'));
  });

  it('replaces an earlier export in the same folder and leaves no temporary files', async () => {
    await writeFile(join(folder, 'report.pdf'), 'old pdf from another export');
    await exportReport({ snapshot: saltedSnapshot(), outDir: folder });
    await exportReport({ snapshot: saltedSnapshot(), outDir: folder });
    expect((await readdir(folder)).sort()).toEqual(['diagnosis.json', 'manifest.json', 'report.html', 'snapshot.json', 'summary.json']);
  });

  it('fails with a clear error when the folder cannot be made, writing nothing', async () => {
    const blocker = join(folder, 'not-a-folder');
    await writeFile(blocker, 'x');
    await expect(exportReport({ snapshot: saltedSnapshot(), outDir: join(blocker, 'report') })).rejects.toThrow(/ENOTDIR|EEXIST|not a directory/i);
  });
});
