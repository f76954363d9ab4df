import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminCmdText, writeAdminScript } from '../../../src-main/fixes/admin-script.js';
import { detectElevation, ELEVATION_LAUNCHER_SCRIPT, performAction, type HelperRequestFile } from '../../../src-main/fixes/elevation.js';
import type { ActionRequest } from '../../../src-main/fixes/actions/requests.js';
import type { CommandRequest, CommandResult, CommandRunner } from '../../../src-main/windows/command-runner.js';

const result = (exitCode: number | null, stdout = ''): CommandResult => ({ exitCode, stdout, stderr: '', timedOut: false, cancelled: false, truncated: false, durationMs: 1 });
const AWKWARD = "C:\\Users\\Zoë O'Brien\\USB & Co; 100% `x`\\..\\windows10.0-kb5011487-x64.msu";
const request: ActionRequest = { action: 'install-update-package', packagePath: AWKWARD, packageSha256: 'A'.repeat(64), installer: 'wusa', timeoutMs: 60_000 };

function recordingRunner(answer: (request: CommandRequest) => Promise<CommandResult>): CommandRunner & { seen: CommandRequest[] } {
  const seen: CommandRequest[] = [];
  return { seen, run: (command) => (seen.push(command), answer(command)) };
}

async function workDir() {
  return mkdtemp(join(tmpdir(), 'acs-elevation-'));
}

describe('elevated helper launch', () => {
  it('starts one fixed launcher script; the helper path, action id and request file travel as environment values', async () => {
    const runner = recordingRunner(async () => result(1223));
    await performAction(request, { runner, elevation: 'helper', workDir: await workDir(), runId: 'run-1', step: 'install-windows-update', user: 'tech' });
    expect(runner.seen).toHaveLength(1);
    const launch = runner.seen[0]!;
    expect(launch.file).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(launch.args).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', ELEVATION_LAUNCHER_SCRIPT]);
    expect(launch.env).toMatchObject({ ACS_HELPER_ACTION: 'install-update-package', ACS_HELPER_REQUEST: expect.stringMatching(/run-1[\\/]request\.json$/), ACS_HELPER_SCRIPT: expect.stringMatching(/acs-fix-helper\.ps1$/) });
    expect(ELEVATION_LAUNCHER_SCRIPT).toContain('-Verb RunAs');
    expect(launch.args.join(' ')).not.toContain('kb5011487');
    // The package path is data in the request file, byte for byte.
    const written = JSON.parse(await readFile(launch.env!.ACS_HELPER_REQUEST!, 'utf8')) as HelperRequestFile;
    expect(written.request).toEqual(request);
  });

  it('reads exit code 1223 as a declined UAC prompt', async () => {
    const run = await performAction(request, { runner: recordingRunner(async () => result(1223)), elevation: 'helper', workDir: await workDir(), runId: 'r', step: 'install-windows-update', user: 'tech' });
    expect(run.declined).toBe(true);
    expect(run.result.status).toBe('declined');
  });

  it('reads the helper\'s result file and words its exit codes from the same tables', async () => {
    const runner = recordingRunner(async (command) => {
      const envelope = JSON.parse(await readFile(command.env!.ACS_HELPER_REQUEST!, 'utf8')) as HelperRequestFile;
      await writeFile(envelope.resultFile, JSON.stringify({ action: 'install-update-package', status: 'reboot-required', message: 'done', exitCode: 3010, commands: [{ file: 'wusa.exe', args: [AWKWARD, '/quiet', '/norestart'], exitCode: 3010, meaning: 'exit code 3010', elevated: true }] }));
      return result(0);
    });
    const run = await performAction(request, { runner, elevation: 'helper', workDir: await workDir(), runId: 'r2', step: 'install-windows-update', user: 'tech' });
    expect(run.declined).toBe(false);
    expect(run.result.status).toBe('reboot-required');
    expect(run.result.commands[1]!.meaning).toMatch(/restart.*3010/);
  });

  it('a helper that ends without a result is a failure with the reason', async () => {
    const run = await performAction(request, { runner: recordingRunner(async () => result(3)), elevation: 'helper', workDir: await workDir(), runId: 'r3', step: 'install-windows-update', user: 'tech' });
    expect(run.result.status).toBe('failed');
    expect(run.result.message).toMatch(/ended with 0x3 \(3\) without reporting/);
  });

  it('detects an elevated token from whoami /groups (High or System integrity)', async () => {
    const high = '"Mandatory Label\\High Mandatory Level","Label","S-1-16-12288",""';
    const medium = '"Mandatory Label\\Medium Mandatory Level","Label","S-1-16-8192",""';
    expect(await detectElevation(recordingRunner(async () => result(0, high)))).toBe('direct');
    expect(await detectElevation(recordingRunner(async () => result(0, '"Mandatory Label\\System Mandatory Level","Label","S-1-16-16384",""')))).toBe('direct');
    expect(await detectElevation(recordingRunner(async () => result(0, medium)))).toBe('helper');
    expect(await detectElevation(recordingRunner(async () => result(null)))).toBe('helper');
  });
});

describe('ready-made administrator script', () => {
  it('the .cmd carries no data: only the fixed action id and paths relative to itself', () => {
    const text = adminCmdText('start-services');
    expect(text).toContain('-File "%~dp0acs-fix-helper.ps1" -ActionId start-services -RequestFile "%~dp0request.json" -Standalone');
    expect(text).toContain('net session');
    expect(text.split('\r\n').length).toBeGreaterThan(5);
  });

  it('writes the helper, the request (with the journal to append to) and the launcher into one folder', async () => {
    const dir = await workDir();
    const script = await writeAdminScript({ workDir: dir, runId: '12345678-aaaa', step: 'install-windows-update', request, journalFile: join(dir, 'journal.jsonl'), user: 'tech' });
    expect(script.folder).toMatch(/admin-scripts[\\/]install-windows-update-12345678$/);
    const envelope = JSON.parse(await readFile(script.requestPath, 'utf8')) as HelperRequestFile;
    expect(envelope).toMatchObject({ request, journalFile: join(dir, 'journal.jsonl'), resultFile: 'result.json' });
    const ps1 = await readFile(script.ps1Path, 'utf8');
    expect(ps1).toContain('Get-AuthenticodeSignature -LiteralPath $path');
    expect(ps1).toContain("writer = 'admin-script'");
    expect(script.instructions).toMatch(/Run as administrator/);
  });
});

describe('the helper script stays in step with the TypeScript side', () => {
  it('accepts exactly the fixed action ids and writes every journal field the journal reader requires', async () => {
    const { ACTION_IDS } = await import('../../../src-main/fixes/actions/requests.js');
    const { journalEntrySchema } = await import('../../../src-main/journal/entry.js');
    const { assetPath } = await import('../../../src-main/paths.js');
    const ps1 = await readFile(assetPath('fixes', 'acs-fix-helper.ps1'), 'utf8');
    const validateSet = /\[ValidateSet\(([^)]*)\)\]\[string\]\$ActionId/.exec(ps1)![1]!.match(/'([^']+)'/g)!.map((item) => item.slice(1, -1));
    expect(validateSet.sort()).toEqual([...ACTION_IDS].sort());
    const required = Object.entries(journalEntrySchema.shape).filter(([, schema]) => !schema.safeParse(undefined).success).map(([key]) => key);
    for (const key of required) expect(ps1, `journal field ${key}`).toMatch(new RegExp(`\\b${key} = `));
  });
});
