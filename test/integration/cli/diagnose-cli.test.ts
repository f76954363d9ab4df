// The `diagnose` command run as a real process (bin/acs-assistant.js on the built dist/), as fleet tools run it.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnosisSchema } from '../../../src-main/diagnosis/schema.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = `${root}bin/acs-assistant.js`;
const fixture = (name: string) => `${root}test/fixtures/snapshots/${name}`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { cwd: root, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
    else child.stdin?.end();
  });
}

beforeAll(() => {
  if (!existsSync(`${root}dist/main/cli/main.js`)) throw new Error('build first: npm run build (npm test does it)');
});

describe('acs-assistant diagnose (as a process)', () => {
  it.each([
    ['win11-23h2-healthy.json', 0, 'READY'],
    ['win10-21h2-offline-german-unpatched.json', 1, 'ACTION REQUIRED'],
    ['win10-1803-unsupported.json', 2, 'UNSUPPORTED WINDOWS'],
    ['win10-insider-build-unknown.json', 3, 'UNKNOWN'],
  ])('%s exits %i and prints the verdict, findings and numbered plan with --verbose', async (file, code, label) => {
    const result = await run(['diagnose', fixture(file), '--verbose']);
    expect(result.code).toBe(code);
    expect(result.stdout).toContain(`Verdict: ${label}`);
    expect(result.stdout).toContain('Findings:');
    if (code === 1)
      expect(result.stdout).toMatch(
        /Plan:\n {2}1\. Install the Windows update[\s\S]*\n {2}2\. Install the Microsoft root certificate[\s\S]*\n {2}3\. Restart the computer[\s\S]*\n {2}4\. Start the security agent/,
      );
    expect(result.stderr).toBe('');
  });

  it('prints the acs-diagnosis object with --json', async () => {
    const result = await run(['diagnose', fixture('server2019-airgapped-root-missing.json'), '--json']);
    expect(result.code).toBe(1);
    const parsed = diagnosisSchema.safeParse(JSON.parse(result.stdout));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.plan.map((step) => step.step)).toEqual(['install-root-certificate', 'start-agent-services']);
  });

  it('reads the snapshot from standard input with "-"', async () => {
    const result = await run(['diagnose', '-', '--json'], readFileSync(fixture('win11-23h2-healthy.json'), 'utf8'));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).verdict).toBe('ready');
  });

  it('exits 65 with one clear line on stderr (no stack trace) for an invalid snapshot', async () => {
    const result = await run(['diagnose', fixture('broken/lowercase-thumbprint.json')]);
    expect(result.code).toBe(65);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^acs-assistant: invalid snapshot: certificates\.root\[0\]\.thumbprint/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 65 for a file that does not exist, and for truncated JSON', async () => {
    expect((await run(['diagnose', fixture('no-such-file.json')])).code).toBe(65);
    const truncated = await run(['diagnose', fixture('broken/truncated.json')]);
    expect(truncated.code).toBe(65);
    expect(truncated.stderr).toMatch(/not valid JSON/);
  });

  it('exits 64 for bad usage', async () => {
    expect((await run(['diagnose'])).code).toBe(64);
    expect((await run(['diagnose', fixture('win11-23h2-healthy.json'), '--bogus'])).code).toBe(64);
    expect((await run(['no-such-command'])).code).toBe(64);
    expect((await run([])).code).toBe(64);
  });

  it('exits 0 for --help and --version', async () => {
    expect((await run(['--help'])).code).toBe(0);
    const version = await run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
