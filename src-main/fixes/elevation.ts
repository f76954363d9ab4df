// Runs one administrator action, either directly (this process is already elevated: SYSTEM under
// Intune, an elevated CLI) or through ONE elevated helper for this step only: Start-Process -Verb
// RunAs powershell.exe with the helper script, a fixed action id and the path of a JSON request file.
// Paths and other data reach the launcher through environment values, never inside script text.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandRunner } from '../windows/command-runner.js';
import { assetPath } from '../paths.js';
import { commands, POWERSHELL } from './actions/commands.js';
import { runActionDirect } from './actions/direct.js';
import { actionResultSchema, type ActionRequest, type ActionResult } from './actions/requests.js';
import { describeProgramCode, formatCode } from './exit-codes.js';
import type { FileAccess } from './files.js';
import type { ElevationMode } from './types.js';

export const HELPER_SCRIPT_ASSET = 'fixes/acs-fix-helper.ps1';
/** Win32 ERROR_CANCELLED: what Start-Process -Verb RunAs raises when the UAC prompt is declined. */
export const UAC_DECLINED_EXIT_CODE = 1223;

/**
 * The fixed launcher: it reads the helper path, action id and request path from the environment and
 * starts the helper elevated, waiting for it. Windows paths cannot contain '"', so quoting each
 * value in double quotes keeps it one argument of the elevated powershell.exe.
 */
export const ELEVATION_LAUNCHER_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  "$argList = @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', ('\"' + $env:ACS_HELPER_SCRIPT + '\"'), '-ActionId', $env:ACS_HELPER_ACTION, '-RequestFile', ('\"' + $env:ACS_HELPER_REQUEST + '\"'))",
  "try { $p = Start-Process -FilePath (Join-Path $env:SystemRoot 'System32\\WindowsPowerShell\\v1.0\\powershell.exe') -ArgumentList $argList -Verb RunAs -WindowStyle Hidden -Wait -PassThru; exit $p.ExitCode }",
  'catch { $e = $_.Exception; while ($e) { if ($e -is [System.ComponentModel.Win32Exception] -and $e.NativeErrorCode -eq 1223) { exit 1223 }; $e = $e.InnerException }; [Console]::Error.WriteLine($_.Exception.Message); exit 1 }',
].join('\n');

/** The request file the helper reads (and the administrator script ships with). */
export interface HelperRequestFile {
  format: 'acs-fix-request';
  version: 1;
  runId: string;
  step: string;
  request: ActionRequest;
  /** Where the helper writes its ActionResult as JSON. */
  resultFile: string;
  /** Set for the administrator script only: the helper then writes the journal lines itself. */
  journalFile: string | null;
  user: string;
}

export interface ActionRun {
  result: ActionResult;
  /** true when the helper could not get administrator rights (prompt declined, or no admin account). */
  declined: boolean;
}

export function elevationLauncherCommand(helperScript: string, actionId: string, requestFile: string, timeoutMs: number) {
  return {
    file: POWERSHELL,
    args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', ELEVATION_LAUNCHER_SCRIPT],
    env: { ACS_HELPER_SCRIPT: helperScript, ACS_HELPER_ACTION: actionId, ACS_HELPER_REQUEST: requestFile },
    timeoutMs,
  };
}

/** How long an action may take, plus time for the person to answer the UAC prompt. */
export function actionTimeoutMs(request: ActionRequest): number {
  const prompt = 5 * 60_000;
  switch (request.action) {
    case 'install-update-package':
      return request.timeoutMs + prompt;
    case 'start-services':
      return request.services.length * (request.timeoutMs + 30_000) + prompt;
    default:
      return 2 * 60_000 + prompt;
  }
}

export interface PerformOptions {
  runner: CommandRunner;
  elevation: ElevationMode;
  workDir: string;
  runId: string;
  step: string;
  user: string;
  files?: FileAccess;
  signal?: AbortSignal;
}

export async function performAction(request: ActionRequest, options: PerformOptions): Promise<ActionRun> {
  if (options.elevation === 'direct') {
    const result = await runActionDirect(options.runner, request, options.signal, options.files);
    return { result, declined: result.status === 'access-denied' };
  }
  const folder = join(options.workDir, 'requests', options.runId);
  await mkdir(folder, { recursive: true });
  const requestFile = join(folder, 'request.json');
  const resultFile = join(folder, 'result.json');
  const body: HelperRequestFile = { format: 'acs-fix-request', version: 1, runId: options.runId, step: options.step, request, resultFile, journalFile: null, user: options.user };
  await writeFile(requestFile, JSON.stringify(body, null, 2), 'utf8');
  const launcher = elevationLauncherCommand(assetPath(HELPER_SCRIPT_ASSET), request.action, requestFile, actionTimeoutMs(request));
  const ran = await options.runner.run({ ...launcher, ...(options.signal ? { signal: options.signal } : {}) });
  const launcherRecord = { file: launcher.file, args: ['-Command', '<elevation launcher>', `action=${request.action}`], exitCode: ran.exitCode, meaning: '', elevated: false };
  if (ran.exitCode === UAC_DECLINED_EXIT_CODE) {
    launcherRecord.meaning = 'The administrator prompt was declined.';
    return { declined: true, result: { action: request.action, status: 'declined', exitCode: UAC_DECLINED_EXIT_CODE, commands: [launcherRecord], message: 'The administrator prompt (UAC) was declined, so nothing was changed.' } };
  }
  let result: ActionResult | null = null;
  try {
    result = actionResultSchema.parse(JSON.parse(await readFile(resultFile, 'utf8')));
  } catch {
    result = null;
  }
  if (!result) {
    const why = ran.spawnError ? `PowerShell could not be started (${ran.spawnError.code}).` : ran.timedOut ? 'The helper did not finish in time.' : `The helper ended with ${ran.exitCode === null ? 'no exit code' : formatCode(ran.exitCode)} without reporting a result.`;
    launcherRecord.meaning = why;
    return { declined: false, result: { action: request.action, status: 'failed', exitCode: ran.exitCode, commands: [launcherRecord], message: `The elevated helper failed: ${why}` } };
  }
  launcherRecord.meaning = 'The elevated helper ran and reported its result.';
  // The helper reports bare exit codes; their plain words come from the same tables as the direct path.
  const helperCommands = result.commands.map((command) => ({ ...command, meaning: describeProgramCode(command.file, command.exitCode), elevated: true }));
  return { declined: result.status === 'access-denied' || result.status === 'declined', result: { ...result, commands: [launcherRecord, ...helperCommands] } };
}

/** Is this process elevated (High or System integrity)? Asks whoami, which every Windows since Vista has. */
export async function detectElevation(runner: CommandRunner): Promise<ElevationMode> {
  const command = commands.whoamiGroups();
  const result = await runner.run({ ...command, timeoutMs: 15_000 });
  if (result.exitCode !== 0) return 'helper';
  return /S-1-16-12288|S-1-16-16384/.test(result.stdout) ? 'direct' : 'helper';
}
