// Report folders and fleet folders from elsewhere: garbage, truncated, wrong-shape and hostile files
// (path-traversing manifest names, FIFOs, symlinks) end in a clear result, never a crash or a hang.
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnosisSchema } from '../../src-main/diagnosis/schema.js';
import { summarizeFleet } from '../../src-main/fleet/index.js';
import { exportReport } from '../../src-main/report/export.js';
import { openReceived } from '../../src-main/report/open-received.js';
import { fixture, fixtureText } from './support/hostile.js';

const made: string[] = [];
async function folder(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

const validText = fixtureText('server2019-airgapped-root-missing.json');
const fileContent = fc.oneof(
  fc.constant(validText),
  fc.integer({ min: 0, max: validText.length - 1 }).map((cut) => validText.slice(0, cut)),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.constantFrom('', '{}', 'null', '{"format":"acs-report-manifest","version":1}', '{"format":"acs-diagnosis","version":1}', '{"format":"acs-report-summary","version":1,"verdict":"ready"}'),
);
const folderContent = fc.dictionary(fc.constantFrom('snapshot.json', 'manifest.json', 'diagnosis.json', 'summary.json', 'other.json', 'notes.txt', 'report.html'), fileContent, { maxKeys: 6 });

function withinSeconds<T>(promise: Promise<T>, seconds: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still running after ${seconds} s`)), seconds * 1000))]);
}

describe('opening a received report folder', () => {
  it('any mix of garbage, truncated and wrong-shape files opens or is refused with a clear error', async () => {
    const base = await folder('acs-received-fuzz-');
    let index = 0;
    await fc.assert(
      fc.asyncProperty(folderContent, async (files) => {
        const dir = join(base, `case-${index++}`);
        await mkdir(dir);
        for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content, 'latin1');
        const result = await withinSeconds(openReceived(dir), 10);
        if (!result.ok) {
          expect(result.error.trim().length).toBeGreaterThan(10);
          return;
        }
        expect(diagnosisSchema.safeParse(result.diagnosis).success).toBe(true);
        expect(result.origin.kind).toBe('report-folder');
        // A folder without a manifest is never presented as checked.
        if (!('manifest.json' in files)) expect(result.integrity.checked).toBe(false);
      }),
      { numRuns: 80 },
    );
  });

  it('a manifest naming files outside the folder is not followed: the manifest itself is reported unreadable', async () => {
    const dir = await folder('acs-received-traversal-');
    const out = join(dir, 'report');
    await exportReport({ snapshot: fixture('server2019-airgapped-root-missing.json'), outDir: out });
    const manifest = {
      format: 'acs-report-manifest',
      version: 1,
      generatedAt: 'x',
      program: { name: 'p', version: '1' },
      redacted: true,
      files: [{ name: '../../../../etc/passwd', sha256: '0'.repeat(64), bytes: 1 }],
    };
    await writeFile(join(out, 'manifest.json'), JSON.stringify(manifest));
    const result = await openReceived(out);
    if (!result.ok) throw new Error(result.error);
    expect(result.integrity.checked).toBe(false);
    expect(result.integrity.problems.join('\n')).toMatch(/manifest.json cannot be read: invalid manifest: files\[0\]\.name: must be a plain file name/);
  });

  it('a snapshot.json that is a FIFO or a symlink to a device is refused, not read forever', async () => {
    const dir = await folder('acs-received-special-');
    execFileSync('mkfifo', [join(dir, 'snapshot.json')]);
    const fifo = await withinSeconds(openReceived(dir), 5);
    expect(fifo).toEqual({ ok: false, error: expect.stringMatching(/not a file/) });
    const other = await folder('acs-received-device-');
    await symlink('/dev/zero', join(other, 'snapshot.json'));
    const device = await withinSeconds(openReceived(other), 5);
    expect(device).toEqual({ ok: false, error: expect.stringMatching(/not a file/) });
  });

  // Was a bug (reported, fixed in 7f6ba69): verifyManifest read every listed file with no type or size
  // check, so a manifest listing a FIFO never finished opening.
  it('a manifest listing a FIFO does not hang the opening, and the FIFO is reported', async () => {
    const dir = await folder('acs-received-manifest-fifo-');
    const out = join(dir, 'report');
    await exportReport({ snapshot: fixture('server2019-airgapped-root-missing.json'), outDir: out });
    const manifest = JSON.parse(await (await import('node:fs/promises')).readFile(join(out, 'manifest.json'), 'utf8')) as { files: { name: string }[] };
    // A FIFO under a report file's name is stat-ed and reported; under any other name it is not even
    // looked for (only known report files are checked, issue 15).
    manifest.files.push({ name: 'report.pdf', sha256: '0'.repeat(64), bytes: 1 } as never, { name: 'pipe', sha256: '0'.repeat(64), bytes: 1 } as never);
    await writeFile(join(out, 'manifest.json'), JSON.stringify(manifest));
    const fifo = join(out, 'report.pdf');
    execFileSync('mkfifo', [fifo]);
    execFileSync('mkfifo', [join(out, 'pipe')]);
    try {
      const result = await withinSeconds(openReceived(out), 3);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.integrity.problems.join('\n')).toMatch(/report\.pdf .*not a regular file/);
      if (result.ok) expect(result.integrity.problems.join('\n')).toMatch(/1 entry that is not a file of a report \(such as pipe\)/);
    } finally {
      // Unblock the reader thread the FIFO holds, so the worker can exit (O_RDWR never blocks on a FIFO).
      const writer = await open(fifo, fsConstants.O_RDWR | fsConstants.O_NONBLOCK);
      await writer.close();
    }
  });
});

describe('the fleet reader on a folder with garbage', () => {
  it('lists each bad file as unreadable with a reason, counts the good ones, skips specials, never stops', async () => {
    const dir = await folder('acs-fleet-garbage-');
    const garbage = fc
      .sample(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => Buffer.from(b)),
          fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v))),
        ),
        { numRuns: 60, seed: 7 },
      )
      .filter((buffer) => !buffer.toString('utf8').includes('"format":"acs-'));
    for (const [index, content] of garbage.entries()) await writeFile(join(dir, `garbage-${index}.json`), content);
    await writeFile(join(dir, 'truncated.json'), validText.slice(0, 500));
    await writeFile(join(dir, 'huge.json'), '');
    await (await import('node:fs/promises')).truncate(join(dir, 'huge.json'), 2 * 16 * 1024 * 1024 + 1);
    await mkdir(join(dir, 'site a'));
    await writeFile(join(dir, 'site a', 'pc1.json'), validText);
    await writeFile(join(dir, 'pc2.json'), fixtureText('win11-23h2-healthy.json'));
    await writeFile(join(dir, 'notes.txt'), 'not json');
    await writeFile(join(dir, '.hidden.json'), 'garbage');
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    await symlink('/dev/zero', join(dir, 'zero.json'));
    await symlink(dir, join(dir, 'loop'));
    const summary = await withinSeconds(summarizeFleet(dir), 30);
    expect(summary.snapshots).toBe(2);
    expect(summary.machines).toBe(2);
    const unreadableNames = summary.unreadable.map((entry) => entry.file).sort();
    expect(unreadableNames).toEqual([...garbage.map((_, index) => `garbage-${index}.json`), 'huge.json', 'truncated.json'].sort());
    for (const entry of summary.unreadable) expect(entry.error.length).toBeGreaterThan(5);
    expect(summary.unreadable.find((entry) => entry.file === 'huge.json')?.error).toMatch(/larger than/);
    expect(await readdir(dir)).toContain('pipe.json');
  });
});
