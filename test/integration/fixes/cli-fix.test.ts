import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main.js';
import type { CliIo } from '../../../src-main/cli/io.js';
import { UPDATE_X64 } from '../../support/simulated-fix-context.js';

const SNAPSHOT = join(import.meta.dirname, '..', '..', 'fixtures', 'snapshots', 'server2019-air-gapped-missing-update-and-root.json');

function captureIo(options: { interactive?: boolean; answers?: string[] } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const answers = [...(options.answers ?? [])];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => '',
    isInteractive: () => options.interactive === true,
    prompt: async () => answers.shift() ?? 'n',
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function dataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'acs-cli-fix-'));
}

describe('acs-assistant fix', () => {
  it('--plan FILE prints each step with its exact commands and changes nothing', async () => {
    const capture = captureIo();
    const code = await runCli(['fix', '--plan', SNAPSHOT], capture.io);
    expect(code).toBe(0);
    const text = capture.stdout();
    expect(text).toMatch(/Install the Microsoft root certificate \(administrator\)/);
    expect(text).toMatch(/> X509Store LocalMachine\\Root Add F40042E2E5F7E8EF8189FED15519AECE42C3BFA2/);
    expect(text).toMatch(/Microsoft Update Catalog: https:\/\/www\.catalog\.update\.microsoft\.com\/Search\.aspx\?q=KB/);
  });

  it('--plan --json gives the previews as data', async () => {
    const capture = captureIo();
    expect(await runCli(['fix', '--plan', SNAPSHOT, '--json'], capture.io)).toBe(0);
    const parsed = JSON.parse(capture.stdout());
    expect(parsed.steps.map((item: { step: { step: string } }) => item.step.step)).toContain('install-root-certificate');
  });

  it('refuses to change anything without --yes when no one can answer (no terminal)', async () => {
    const capture = captureIo({ interactive: false });
    const code = await runCli(['fix', '--apply', '--simulate', 'win10-21h2-offline-unpatched', '--data-dir', await dataDir()], capture.io);
    expect(code).toBe(64);
    expect(capture.stderr()).toMatch(/without --yes/);
  });

  it('asks before each step on a terminal and stops at "no"', async () => {
    const capture = captureIo({ interactive: true, answers: ['n'] });
    const code = await runCli(['fix', '--apply', '--simulate', 'win10-21h2-offline-unpatched', '--package', UPDATE_X64, '--data-dir', await dataDir()], capture.io);
    expect(code).toBe(4);
    // "No" stops there, and the summary says honestly what was done and what is still to do (issue 16).
    expect(capture.stdout()).toMatch(/Stopped before "Install the Windows update": nothing more was changed\./);
    expect(capture.stdout()).toMatch(/Done: no step\.\nStill to do: Install the Windows update/);
  });

  it('--apply --yes on the simulated laptop with the update file and "--reboot now": fixed, exit 0', async () => {
    const capture = captureIo();
    const dir = await dataDir();
    const code = await runCli(['fix', '--apply', '--yes', '--simulate', 'win10-21h2-offline-unpatched', '--package', UPDATE_X64, '--reboot', 'now', '--data-dir', dir], capture.io);
    expect(capture.stderr()).toBe('');
    expect(code).toBe(0);
    expect(capture.stdout()).toMatch(/Result: .*ready/);
    const journal = await readFile(join(dir, 'journal.jsonl'), 'utf8');
    expect(journal).toMatch(/"step":"install-root-certificate"/);
  });

  it('without "--reboot now" stops at the restart with exit 5', async () => {
    const capture = captureIo();
    const code = await runCli(['fix', '--apply', '--yes', '--simulate', 'win10-21h2-offline-unpatched', '--package', UPDATE_X64, '--data-dir', await dataDir(), '--json'], capture.io);
    expect(code).toBe(5);
    const result = JSON.parse(capture.stdout());
    expect(result.outcomes.map((outcome: { kind: string; status: string }) => `${outcome.kind}:${outcome.status}`)).toEqual([
      'install-windows-update:reboot-required',
      'install-root-certificate:succeeded',
      'reboot:reboot-required',
    ]);
  });

  it('UAC declined: exit 4 and the path of the administrator script', async () => {
    const capture = captureIo();
    const code = await runCli(
      ['fix', '--apply', '--yes', '--simulate', 'win10-21h2-offline-unpatched', '--decline-uac', '--steps', 'install-root-certificate', '--data-dir', await dataDir()],
      capture.io,
    );
    expect(code).toBe(4);
    expect(capture.stdout()).toMatch(/declined.*\n[\s\S]*Administrator script: .*run-as-administrator\.cmd/);
  });

  it('--steps limits the run and rejects unknown step names', async () => {
    const capture = captureIo();
    expect(await runCli(['fix', '--apply', '--yes', '--simulate', 'server2019-airgapped-missing-root', '--steps', 'install-root-certificate', '--data-dir', await dataDir()], capture.io)).toBe(0);
    // Only the chosen step ran; the summary names the one left.
    expect(capture.stdout()).not.toMatch(/^\d+\. Start the security agent/m);
    expect(capture.stdout()).toMatch(/Done: 1 step\.\nStill to do: Start the security agent\./);
    const bad = captureIo();
    expect(await runCli(['fix', '--apply', '--yes', '--simulate', 'healthy-win11', '--steps', 'format-c', '--data-dir', await dataDir()], bad.io)).toBe(64);
  });

  it('needs exactly one of --plan or --apply', async () => {
    const capture = captureIo();
    expect(await runCli(['fix'], capture.io)).toBe(64);
    expect(await runCli(['fix', '--plan', SNAPSHOT, '--apply'], capture.io)).toBe(64);
  });
});
