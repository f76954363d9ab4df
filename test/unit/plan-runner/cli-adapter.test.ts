// The CLI is a thin adapter of the plan runner and shares its policies with the app: offline unless the
// person allows the network (--allow-network; --online asks for Windows Update online), and a packaged
// build's missing demo machines give the one plain sentence.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src-main/cli/io.js';
import { runCli } from '../../../src-main/cli/main.js';
import { NO_DEMO_MACHINES } from '../../../src-main/host/simulator.js';
import { markPackagedApp } from '../../../src-main/paths.js';

const SNAPSHOT = join(import.meta.dirname, '..', '..', 'fixtures', 'snapshots', 'server2019-air-gapped-missing-update-and-root.json');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text), readStdin: async () => '' };
  const code = await runCli(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('acs-assistant fix on the plan runner', () => {
  it('is offline by default: the update step gives the catalogue guidance, not Windows Update online', async () => {
    const { code, stdout } = await run(['fix', '--plan', SNAPSHOT, '--steps', 'install-windows-update']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Microsoft Update Catalog/);
    expect(stdout).not.toMatch(/ms-settings:windowsupdate/);
    // --online alone asks for Windows Update, which is network use the person asked for.
    expect((await run(['fix', '--plan', SNAPSHOT, '--steps', 'install-windows-update', '--online'])).stdout).toMatch(/ms-settings:windowsupdate/);
  });

  it('uses Windows Update online only when the network is allowed', async () => {
    const { code, stdout } = await run(['fix', '--plan', SNAPSHOT, '--steps', 'install-windows-update', '--allow-network', '--online']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/ms-settings:windowsupdate/);
    expect(stdout).not.toMatch(/Microsoft Update Catalog:/);
  });
});

describe('simulated machines in a packaged build', () => {
  it('collect --simulate and --list-profiles answer with the one plain sentence (usage error)', async () => {
    markPackagedApp(true);
    try {
      for (const args of [
        ['collect', '--simulate', 'healthy-win11'],
        ['collect', '--list-profiles'],
        ['fix', '--apply', '--yes', '--simulate', 'healthy-win11'],
      ]) {
        const result = await run(args);
        expect(result.code, args.join(' ')).toBe(64);
        expect(result.stderr).toContain(NO_DEMO_MACHINES);
      }
    } finally {
      markPackagedApp(false);
    }
  });
});
