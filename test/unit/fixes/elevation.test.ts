import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminCmdText, INSTALLED_HELPER, writeAdminScript } from '../../../src-main/fixes/admin-script.js';
import { detectElevation, ELEVATION_MESSAGES, performAction, type HelperRequestFile } from '../../../src-main/fixes/elevation.js';
import { helperResultPath } from '../../../src-main/fixes/helper-folder.js';
import { actionRequestSchema, type ActionRequest } from '../../../src-main/fixes/actions/requests.js';
import type { CommandRequest, CommandResult, CommandRunner } from '../../../src-main/windows/command-runner.js';

const result = (exitCode: number | null, stdout = ''): CommandResult => ({ exitCode, stdout, stderr: '', timedOut: false, cancelled: false, truncated: false, durationMs: 1 });
const AWKWARD = "C:\\Users\\Zoë O'Brien\\USB & Co; 100% `x`\\windows10.0-kb5011487-x64.msu";
const request: ActionRequest = { action: 'install-update-package', packagePath: AWKWARD, packageSha256: 'A'.repeat(64), kb: 'KB5011487', installer: 'wusa', timeoutMs: 60_000 };
const RUN = '0b6c3e1a-4f2d-4c8e-9a7b-1d2e3f405162';

function recordingRunner(answer: (request: CommandRequest) => Promise<CommandResult>): CommandRunner & { seen: CommandRequest[] } {
  const seen: CommandRequest[] = [];
  return { seen, run: (command) => (seen.push(command), answer(command)) };
}

async function workDir() {
  return mkdtemp(join(tmpdir(), 'acs-elevation-'));
}

describe('elevated helper launch', () => {
  it('starts the launcher asset; helper path, action id, request file, its SHA-256 and the run id travel as environment values', async () => {
    const runner = recordingRunner(async () => result(1223));
    await performAction(request, { runner, elevation: 'helper', workDir: await workDir(), runId: RUN, step: 'install-windows-update', user: 'tech' });
    expect(runner.seen).toHaveLength(1);
    const launch = runner.seen[0]!;
    expect(launch.file).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(launch.args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File']);
    expect(launch.args[5]).toMatch(/acs-elevate\.ps1$/);
    expect(launch.env).toMatchObject({
      ACS_HELPER_ACTION: 'install-update-package',
      ACS_HELPER_REQUEST: expect.stringMatching(new RegExp(`${RUN}[\\\\/]request\\.json$`)),
      ACS_HELPER_SCRIPT: expect.stringMatching(/acs-fix-helper\.ps1$/),
      ACS_HELPER_RUN_ID: RUN,
    });
    expect(launch.args.join(' ')).not.toContain('kb5011487');
    // The package path is data in the request file, byte for byte; the hash is of exactly those bytes.
    const bytes = await readFile(launch.env!.ACS_HELPER_REQUEST!);
    expect(createHash('sha256').update(bytes).digest('hex').toUpperCase()).toBe(launch.env!.ACS_HELPER_REQUEST_SHA256);
    const written = JSON.parse(bytes.toString('utf8')) as HelperRequestFile;
    expect(written.request).toEqual(request);
    // No output path of any kind in the request.
    expect(Object.keys(written).sort()).toEqual(['format', 'request', 'runId', 'step', 'user', 'version']);
  });

  it('already elevated: the same helper script runs directly (no launcher, no prompt) with the hash and run id', async () => {
    const runner = recordingRunner(async () => result(0));
    await performAction(request, { runner, elevation: 'direct', workDir: await workDir(), runId: RUN, step: 'install-windows-update', user: 'tech' });
    const args = runner.seen[0]!.args;
    expect(args[5]).toMatch(/acs-fix-helper\.ps1$/);
    expect(args.slice(6, 8)).toEqual(['-ActionId', 'install-update-package']);
    expect(args.slice(10)).toEqual(['-RequestSha256', expect.stringMatching(/^[0-9A-F]{64}$/), '-RunId', RUN]);
  });

  it('reads exit code 1223 as a declined UAC prompt', async () => {
    const run = await performAction(request, {
      runner: recordingRunner(async () => result(1223)),
      elevation: 'helper',
      workDir: await workDir(),
      runId: crypto.randomUUID(),
      step: 'install-windows-update',
      user: 'tech',
    });
    expect(run.declined).toBe(true);
    expect(run.result.status).toBe('declined');
  });

  it("reads the result from the helper's own folder (never from beside the request) and words its exit codes", async () => {
    const runId = crypto.randomUUID();
    const runner = recordingRunner(async (command) => {
      // A result planted beside the request is ignored.
      await writeFile(
        join(dirname(command.env!.ACS_HELPER_REQUEST!), 'result.json'),
        JSON.stringify({ action: 'install-update-package', status: 'ok', message: 'planted', exitCode: 0, commands: [] }),
      );
      await mkdir(dirname(helperResultPath(runId)), { recursive: true });
      await writeFile(
        helperResultPath(runId),
        JSON.stringify({
          action: 'install-update-package',
          status: 'reboot-required',
          message: 'done',
          exitCode: 3010,
          commands: [{ file: 'wusa.exe', args: [AWKWARD, '/quiet', '/norestart'], exitCode: 3010, meaning: 'exit code 3010', elevated: true }],
        }),
      );
      return result(0);
    });
    const run = await performAction(request, { runner, elevation: 'helper', workDir: await workDir(), runId, step: 'install-windows-update', user: 'tech' });
    expect(run.declined).toBe(false);
    expect(run.result.status).toBe('reboot-required');
    expect(run.result.message).toBe('done');
    expect(run.result.commands[1]!.meaning).toMatch(/restart.*3010/);
  });

  it('a helper that ends without a result is a failure with the reason; Constrained Language and a planted folder are named', async () => {
    const ended = async (code: number) =>
      (
        await performAction(request, {
          runner: recordingRunner(async () => result(code)),
          elevation: 'helper',
          workDir: await workDir(),
          runId: crypto.randomUUID(),
          step: 'install-windows-update',
          user: 'tech',
        })
      ).result;
    expect((await ended(7)).message).toMatch(/ended with 0x7 \(7\) without reporting/);
    expect(await ended(86)).toMatchObject({ status: 'failed', message: expect.stringContaining(ELEVATION_MESSAGES.constrainedLanguage) });
    expect(await ended(3)).toMatchObject({ status: 'failed', message: expect.stringContaining(ELEVATION_MESSAGES.unsafeFolder) });
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

describe("the request schema is the helper's", () => {
  it('refuses what the helper refuses: unknown fields, foreign thumbprints, non-catalogue services, comments that could add arguments', () => {
    const bad: unknown[] = [
      { action: 'import-root-certificate', sha1Thumbprint: '0563B8630D62D75ABBC8AB1E4BDFB5A899B24D43', sha256Fingerprint: '5367F20C7ADE0E2BCA790915056D086B720C33C1FA2A2661ACF787E3292E1270' },
      {
        action: 'import-root-certificate',
        certificateFile: 'C:\\x.p7b',
        sha1Thumbprint: 'F40042E2E5F7E8EF8189FED15519AECE42C3BFA2',
        sha256Fingerprint: '5367F20C7ADE0E2BCA790915056D086B720C33C1FA2A2661ACF787E3292E1270',
      },
      { action: 'remove-root-certificate', sha1Thumbprint: '3B1EFD3A66EA28B16697394703A72CA340A05BD5' },
      { action: 'start-services', services: ['TrustedInstaller'], timeoutMs: 1000, pollIntervalMs: 0 },
      { action: 'start-services', services: ['TmListen', 'tmlisten'], timeoutMs: 1000, pollIntervalMs: 0 },
      { action: 'restart-computer', delaySeconds: 60, comment: 'x" /m \\\\host /c "y' },
      { action: 'restart-computer', delaySeconds: 60, comment: 'a & b' },
      { ...request, resultFile: 'C:\\Users\\Public\\x.cmd' },
    ];
    for (const value of bad) expect(actionRequestSchema.safeParse(value).success, JSON.stringify(value)).toBe(false);
    expect(actionRequestSchema.safeParse({ action: 'start-services', services: ['TmListen', 'ds_agent'], timeoutMs: 1000, pollIntervalMs: 0 }).success).toBe(true);
  });
});

describe('ready-made administrator script', () => {
  const values = { actionId: 'start-services' as const, runId: RUN, requestSha256: 'B'.repeat(64), helperSha256: 'C'.repeat(64) };

  it('the .cmd runs the installed helper, else a hash-checked copy in an administrators-only folder; no data but ids and hashes', () => {
    const text = adminCmdText(values);
    expect(text).toContain('net session');
    expect(text).toContain(`set "ACS_HELPER=${INSTALLED_HELPER}"`);
    expect(text).toContain('icacls "%ACS_DIR%" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F');
    expect(text).toContain(`set "ACS_HELPER_SHA256=${'C'.repeat(64)}"`);
    expect(text).toContain(`-File "%ACS_HELPER%" -ActionId start-services -RequestFile "%~dp0request.json" -RequestSha256 ${'B'.repeat(64)} -RunId ${RUN} -Standalone`);
    expect(() => adminCmdText({ ...values, runId: '..\\..\\x' })).toThrow();
  });

  it("writes the helper, the request (no output paths) and the .cmd into one folder; the .cmd carries the request's hash", async () => {
    const dir = await workDir();
    const script = await writeAdminScript({ workDir: dir, runId: RUN, step: 'install-windows-update', request, user: 'tech' });
    expect(script.folder).toMatch(/admin-scripts[\\/]install-windows-update-0b6c3e1a$/);
    const bytes = await readFile(script.requestPath);
    const envelope = JSON.parse(bytes.toString('utf8')) as HelperRequestFile;
    expect(envelope).toEqual({ format: 'acs-fix-request', version: 1, runId: RUN, step: 'install-windows-update', user: 'tech', request });
    const cmd = await readFile(script.cmdPath, 'utf8');
    expect(cmd).toContain(`-RequestSha256 ${createHash('sha256').update(bytes).digest('hex').toUpperCase()}`);
    const ps1 = await readFile(script.ps1Path);
    expect(cmd).toContain(`set "ACS_HELPER_SHA256=${createHash('sha256').update(ps1).digest('hex').toUpperCase()}"`);
    expect(script.instructions).toMatch(/Run as administrator/);
  });
});

describe('the helper script stays in step with the TypeScript side', () => {
  it('accepts exactly the fixed action ids and writes every journal field the journal reader requires', async () => {
    const { ACTION_IDS } = await import('../../../src-main/fixes/actions/requests.js');
    const { journalEntrySchema } = await import('../../../src-main/journal/entry.js');
    const { assetPath } = await import('../../../src-main/paths.js');
    const ps1 = await readFile(assetPath('fixes', 'acs-fix-helper.ps1'), 'utf8');
    const ids = /\$ActionIds = @\(([^)]*)\)/
      .exec(ps1)![1]!
      .match(/'([^']+)'/g)!
      .map((item) => item.slice(1, -1));
    expect(ids.sort()).toEqual([...ACTION_IDS].sort());
    const required = Object.entries(journalEntrySchema.shape)
      .filter(([, schema]) => !schema.safeParse(undefined).success)
      .map(([key]) => key);
    for (const key of required) expect(ps1, `journal field ${key}`).toMatch(new RegExp(`\\b${key} = `));
  });
});
