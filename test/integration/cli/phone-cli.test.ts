// Issue 16, point 11 (and the command-line half of point 1): the command line as a helpdesk uses it on
// the phone, run as real processes (bin/acs-assistant.js on the built dist/). A short `diagnose` by
// default (--verbose for the evidence), exit codes in every --help, plain-words errors, `fix --apply`
// going on past an update without a file or a --skip step with an honest summary, and an answer of
// "no" or Ctrl+D (an empty answer) that stops with exit 4.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = `${root}bin/acs-assistant.js`;
const fixture = (name: string) => `${root}test/fixtures/snapshots/${name}`;
let folder = '';

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { cwd: root, timeout: 180_000, env: { ...process.env, LANG: 'C', LC_ALL: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

beforeAll(async () => {
  if (!existsSync(`${root}dist/main/cli/main.js`)) throw new Error('build first: npm run build (npm test does it)');
  folder = await mkdtemp(join(tmpdir(), 'acs-phone-cli-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the command line on the phone', () => {
  it('diagnose is short by default: verdict, what is wrong, the next step, KB5022661, the support code', async () => {
    const result = await run(['diagnose', fixture('win10-21h2-offline-german-unpatched.json')]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(14);
    expect(result.stdout).toMatch(/^Action required: /m);
    expect(result.stdout).toContain('What is wrong:');
    expect(result.stdout).toMatch(/^Next step \(1 of 4\): Install the Windows update$/m);
    expect(result.stdout).toContain('Reference: Microsoft KB5022661.');
    expect(result.stdout).toMatch(/^Support code: ACS-[0-9A-Z]{4}-[0-9A-Z]{4}$/m);
    expect(result.stdout).not.toMatch(/^\s+evidence: /m);
    const verbose = await run(['diagnose', fixture('win10-21h2-offline-german-unpatched.json'), '--verbose']);
    expect(verbose.stdout).toContain('Findings:');
    expect(verbose.stdout).toMatch(/^\s+evidence: /m);
    expect(verbose.stdout.split('\n').length).toBeGreaterThan(lines.length);
  });

  it('a healthy machine: ready, nothing to do, no reference line', async () => {
    const result = await run(['diagnose', fixture('win11-23h2-healthy.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nothing to do.');
    expect(result.stdout).not.toContain('KB5022661');
  });

  it.each(['diagnose', 'fix', 'report', 'decode', 'fleet', 'collect'])('%s --help lists its exit codes, 64 (usage) included', async (command) => {
    const help = await run([command, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/Exit code: 0 .*64 /);
  });

  it('report without --out is bad usage (64), as its --help says', async () => {
    const result = await run(['report', fixture('win11-23h2-healthy.json')]);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--out');
  });

  it('errors in plain words: a snapshot without its Windows part says the part is missing', async () => {
    const file = join(folder, 'no-os.json');
    await writeFile(file, JSON.stringify({ format: 'acs-snapshot', version: 1, collectedAt: '2026-01-01T00:00:00Z' }));
    const result = await run(['diagnose', file]);
    expect(result.code).toBe(65);
    expect(result.stderr).toMatch(/^acs-assistant: invalid snapshot: os: this part is missing/);
    expect(result.stderr).not.toContain('received undefined');
  });

  it('fix --apply goes on past an update without a file: the root is installed, the restart is not needed, the summary says what is left (exit 4)', async () => {
    const result = await run(['fix', '--apply', '--yes', '--simulate', 'win10-21h2-offline-unpatched', '--data-dir', join(folder, 'no-file')]);
    expect(result.code).toBe(4);
    expect(result.stdout).toContain('"Install the Windows update" needs an update file (--package FILE)');
    expect(result.stdout).toMatch(/Install the Microsoft root certificate/);
    expect(result.stdout).toContain('not needed now: nothing was installed that waits for a restart');
    expect(result.stdout).toMatch(/^Done: [1-9]\d* steps?\.$/m);
    expect(result.stdout).toMatch(/^Still to do: .*Install the Windows update/m);
  });

  it('fix --apply --skip install-root-certificate leaves the root to do and still starts what it can', async () => {
    const result = await run(['fix', '--apply', '--yes', '--simulate', 'server2019-airgapped-missing-root', '--skip', 'install-root-certificate', '--data-dir', join(folder, 'skip')]);
    expect(result.code).toBe(4);
    expect(result.stdout).toContain('skipped (--skip): "Install the Microsoft root certificate" stays to do.');
    expect(result.stdout).toMatch(/^Still to do: .*Install the Microsoft root certificate/m);
    expect((await run(['fix', '--apply', '--yes', '--skip', 'bogus'])).code).toBe(64);
  });

  it('answering "no", or Ctrl+D (an empty answer), stops before the step: nothing more changes, exit 4', async () => {
    for (const answer of ['n', '']) {
      let out = '';
      const code = await runCli(['fix', '--apply', '--simulate', 'server2019-airgapped-missing-root', '--data-dir', join(folder, `answer-${answer || 'eof'}`)], {
        stdout: (text) => void (out += text),
        stderr: () => {},
        readStdin: async () => '',
        isInteractive: () => true,
        prompt: async () => answer,
      });
      expect(code).toBe(4);
      expect(out).toContain('Stopped before "Install the Microsoft root certificate": nothing more was changed.');
      expect(out).toMatch(/^Done: no step\.$/m);
      expect(out).toMatch(/^Still to do: /m);
    }
  });
});
