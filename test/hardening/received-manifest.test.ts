// Issue 15: a received report's manifest can list one large file many times or 130,000 entries. The
// check hashes only the known report files, each name once, within a total byte budget, and reports the
// rest in a few lines: it neither stalls nor floods the reader.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_HASH_BUDGET_BYTES, verifyManifest, type ReportManifest } from '../../src-main/report/manifest.js';
import { openReceived } from '../../src-main/report/open-received.js';
import { sha256Hex } from '../../src-main/report/manifest.js';
import { fixtureText } from './support/hostile.js';

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

function manifest(files: ReportManifest['files']): ReportManifest {
  return { format: 'acs-report-manifest', version: 1, generatedAt: '2026-12-05T12:00:00Z', program: { name: 'acs-support-assistant', version: '0.1.0' }, redacted: true, files };
}

async function folderWith(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'acs-manifest-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

describe('checking a received manifest', () => {
  it('hashes a large file listed 100,000 times once, and says it was listed more than once', async () => {
    const big = Buffer.alloc(8 * 1024 * 1024, 7);
    const dir = await folderWith({ 'report.html': big, 'snapshot.json': fixtureText('server2019-airgapped-root-missing.json') });
    const entry = { name: 'report.html', sha256: sha256Hex(big), bytes: big.length };
    const started = performance.now();
    const problems = await verifyManifest(dir, manifest(Array.from({ length: 100_000 }, () => entry)));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(problems.length).toBeLessThanOrEqual(3);
    expect(problems.join('\n')).toMatch(/more than once/);
  });

  it('answers a manifest of 130,000 unknown entries in a few lines without looking for them', async () => {
    const dir = await folderWith({});
    const files = Array.from({ length: 130_000 }, (_, index) => ({ name: `file-${index}.bin`, sha256: '0'.repeat(64), bytes: 1 }));
    const started = performance.now();
    const problems = await verifyManifest(dir, manifest(files));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(problems.length).toBeLessThanOrEqual(3);
    expect(problems.join('\n')).toMatch(/130,000/);
  });

  it('does not hash beyond the byte budget', async () => {
    const size = Math.ceil(MANIFEST_HASH_BUDGET_BYTES / 2) + 1024;
    const dir = await folderWith({});
    // Sparse files of the listed size: reading them would cost the budget twice over.
    const { open } = await import('node:fs/promises');
    for (const name of ['report.pdf', 'report.html', 'snapshot.json']) {
      const handle = await open(join(dir, name), 'w');
      await handle.truncate(size);
      await handle.close();
    }
    const entries = ['report.pdf', 'report.html', 'snapshot.json'].map((name) => ({ name, sha256: 'f'.repeat(64), bytes: size }));
    const problems = await verifyManifest(dir, manifest(entries));
    expect(problems.join('\n')).toMatch(/budget/);
  });

  it('a real export still checks clean through openReceived', async () => {
    const { exportReport } = await import('../../src-main/report/export.js');
    const { fixture } = await import('./support/hostile.js');
    const dir = await mkdtemp(join(tmpdir(), 'acs-manifest-ok-'));
    made.push(dir);
    await exportReport({ snapshot: fixture('server2019-airgapped-root-missing.json'), outDir: dir });
    const result = await openReceived(dir);
    expect(result.ok && result.integrity).toEqual({ checked: true, problems: [] });
  });
});
