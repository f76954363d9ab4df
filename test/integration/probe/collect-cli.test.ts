// The `collect` command run as a real process (bin/acs-assistant.js on the built dist/), as fleet
// tools and technicians run it: profiles, progress on stderr, files, exit codes, the portable path.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSnapshotText } from '../../../src-main/snapshot/parse.js';
import { PROBE_SECTIONS } from '../../../src-main/probe/protocol.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = `${root}bin/acs-assistant.js`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { cwd: root, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

beforeAll(() => {
  if (!existsSync(`${root}dist/main/cli/main.js`)) throw new Error('build first: npm run build (npm test does it)');
});

describe('acs-assistant collect (as a process)', () => {
  it('lists the simulated profiles', async () => {
    const result = await run(['collect', '--list-profiles']);
    expect(result.code).toBe(0);
    for (const name of ['healthy-win11', 'constrained-language-fallback', 'german-server2016-pending-reboot', 'win7-sp1-no-esu-rollup']) expect(result.stdout).toContain(name);
  });

  it('writes a simulated snapshot to a file, with progress per section on stderr, that diagnose reads', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'acs-collect-')), 'snapshot.json');
    const result = await run(['collect', '--simulate', 'german-server2016-pending-reboot', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    for (const section of PROBE_SECTIONS) expect(result.stderr).toMatch(new RegExp(`collect: ${section} ok \\(\\d+ ms\\)`));
    expect(result.stderr).toContain('not a real one');
    const parsed = parseSnapshotText(readFileSync(out, 'utf8'));
    expect(parsed.ok && parsed.snapshot.collector).toMatchObject({ method: 'simulated', profile: 'german-server2016-pending-reboot' });
    const diagnosis = await run(['diagnose', out]);
    expect(diagnosis.code).toBe(1);
  });

  it('falls back to built-in tools on a Constrained Language machine and says so', async () => {
    const result = await run(['collect', '--simulate', 'constrained-language-fallback', '--no-network']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/collect: powershell FAILED .*ConstrainedLanguage/);
    const parsed = parseSnapshotText(result.stdout);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.snapshot.errors?.[0]?.message).toMatch(/collected with built-in tools/);
    expect(parsed.snapshot.rootAutoUpdate?.reachable).toBeNull();
  });

  it('refuses an unknown profile or section with exit code 64', async () => {
    const profile = await run(['collect', '--simulate', 'no-such-machine']);
    expect(profile.code).toBe(64);
    expect(profile.stderr).toMatch(/unknown simulated profile "no-such-machine" \(known: /);
    const section = await run(['collect', '--simulate', 'healthy-win11', '--sections', 'os,registry']);
    expect(section.code).toBe(64);
    expect(section.stderr).toMatch(/unknown section registry/);
  });

  it('exits 4 when the file cannot be written', async () => {
    const result = await run(['collect', '--simulate', 'healthy-win11', '--quiet', '--out', '/no/such/folder/snapshot.json']);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/cannot write \/no\/such\/folder\/snapshot.json/);
  });

  it.skipIf(process.platform === 'win32')('gives an honest non-Windows snapshot on this machine', async () => {
    const result = await run(['collect', '--no-network', '--quiet']);
    expect(result.code).toBe(0);
    const parsed = parseSnapshotText(result.stdout);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.snapshot.os.platform).toBe(process.platform === 'darwin' ? 'darwin' : 'linux');
    expect(parsed.snapshot.collector?.method).toBe('portable');
    expect(parsed.snapshot.services).toBeUndefined();
    expect(parsed.snapshot.errors?.map((error) => error.section)).toContain('services');
    const diagnosis = await run(['diagnose', '-'], result.stdout);
    expect(diagnosis.code).not.toBe(0);
  });
});
