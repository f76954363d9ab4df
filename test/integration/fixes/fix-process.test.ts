// `acs-assistant fix` as a real process (bin/acs-assistant.js on the built dist/), as Intune or ConfigMgr start it: no terminal.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { UPDATE_X64 } from '../../support/simulated-fix-context.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = `${root}bin/acs-assistant.js`;

// Elevated steps run the real helper under pwsh on the Windows double: a whole fix takes a while on a busy machine.
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { cwd: root, timeout: 180_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

beforeAll(() => {
  if (!existsSync(`${root}dist/main/cli/commands/fix.js`)) throw new Error('build first: npm run build (npm test does it)');
});

describe('fix as a process without a terminal', () => {
  it('refuses to apply without --yes instead of waiting for an answer', async () => {
    const result = await run(['fix', '--apply', '--simulate', 'win10-21h2-offline-unpatched', '--data-dir', await mkdtemp(join(tmpdir(), 'acs-fix-proc-'))]);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/refusing to change the machine without --yes/);
  });

  it('with --yes fixes the simulated laptop and exits 5 when the restart is left for later', async () => {
    const result = await run(['fix', '--apply', '--yes', '--simulate', 'win10-21h2-offline-unpatched', '--package', UPDATE_X64, '--data-dir', await mkdtemp(join(tmpdir(), 'acs-fix-proc-'))]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/Restart Windows when it suits you/);
  });
});
