// Runs one administrator action through the ONE elevated helper script for this step
// (assets/fixes/acs-fix-helper.ps1). Already elevated (SYSTEM under Intune, an elevated CLI): the
// helper runs directly. Otherwise the launcher (assets/fixes/acs-elevate.ps1) starts it through a UAC
// prompt. Either way the app writes request.json, passes its SHA-256 and the run id on the helper's
// command line (the helper refuses a file changed after that), and reads the result from the helper's
// own folder (%ProgramData%\ACS Support Assistant\results\<runId>.json): no output path in the request.
// Paths and other data reach the launcher through environment values, never inside script text.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandRunner } from '../windows/command-runner.js';
import { assetPath } from '../paths.js';
import { commands, POWERSHELL } from './actions/commands.js';
import { actionResultSchema, type ActionRequest, type ActionResult } from './actions/requests.js';
import { describeProgramCode, formatCode } from './exit-codes.js';
import { localFiles, type FileAccess } from './files.js';
import { isPortableBuild } from './build-kind.js';
import { helperResultPath } from './helper-folder.js';
import type { ElevationMode } from './types.js';

export const HELPER_SCRIPT_ASSET = 'fixes/acs-fix-helper.ps1';
export const LAUNCHER_SCRIPT_ASSET = 'fixes/acs-elevate.ps1';
/** Win32 ERROR_CANCELLED: the launcher's exit code when the UAC prompt is declined (or no administrator can approve). */
export const UAC_DECLINED_EXIT_CODE = 1223;
/** The helper's exit codes when it wrote no result. */
export const HELPER_EXIT = { badInvocation: 2, unsafeFolder: 3, notElevated: 5, constrainedLanguage: 86 } as const;

/** What the app says when the helper could not report a result (the helper's own messages come with its result). */
export const ELEVATION_MESSAGES = {
  declined: 'The administrator prompt (UAC) was declined, so nothing was changed.',
  launcherDeclined: 'The administrator prompt was declined.',
  helperReported: 'The elevated helper ran and reported its result.',
  constrainedLanguage:
    'PowerShell runs in Constrained Language Mode on this machine (application control such as AppLocker or WDAC), so the helper cannot run. Nothing was changed. Ask the administrator to run the fix with the field kit or allow the signed helper.',
  unsafeFolder:
    "The helper's folder %ProgramData%\\ACS Support Assistant exists but was not created by an administrator, so the helper refused to write there. Nothing was changed. An administrator should delete that folder.",
  portable:
    'The portable build of the assistant makes no change that needs administrator rights: it runs from a temporary folder that your account can change, so Windows could not trust what it would run as administrator. Nothing was changed.',
  notElevated: 'This process has no administrator rights, so the helper changed nothing.',
  badInvocation: 'The helper refused to start: the action, request hash or run id was not valid. Nothing was changed.',
  failedPrefix: 'The elevated helper failed: ',
  spawnFailed: (code: string) => `PowerShell could not be started (${code}).`,
  timedOut: 'The helper did not finish in time.',
  noResult: (code: string) => `The helper ended with ${code} without reporting a result.`,
} as const;

/** The request file the helper reads (and the administrator script ships with). No output paths. */
export interface HelperRequestFile {
  format: 'acs-fix-request';
  version: 1;
  runId: string;
  step: string;
  user: string;
  request: ActionRequest;
}

export interface ActionRun {
  result: ActionResult;
  /** true when the helper could not get administrator rights (prompt declined, or no admin account). */
  declined: boolean;
}

/** The exact bytes of request.json and their SHA-256 (upper-case hex), as the helper checks them. */
export function helperRequestText(body: HelperRequestFile): { text: string; sha256: string } {
  const text = JSON.stringify(body, null, 2);
  return { text, sha256: createHash('sha256').update(text, 'utf8').digest('hex').toUpperCase() };
}

/** The helper's own command line (direct path, and inside the launcher). */
export function helperArguments(helperScript: string, actionId: string, requestFile: string, sha256: string, runId: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', helperScript, '-ActionId', actionId, '-RequestFile', requestFile, '-RequestSha256', sha256, '-RunId', runId];
}

export function elevationLauncherCommand(launcherScript: string, helperScript: string, actionId: string, requestFile: string, sha256: string, runId: string, timeoutMs: number) {
  return {
    file: POWERSHELL,
    args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', launcherScript],
    env: { ACS_HELPER_SCRIPT: helperScript, ACS_HELPER_ACTION: actionId, ACS_HELPER_REQUEST: requestFile, ACS_HELPER_REQUEST_SHA256: sha256, ACS_HELPER_RUN_ID: runId },
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
  // The portable build never starts the helper (its copy sits in the user's %TEMP%): the step ends as
  // declined and the administrator script, which runs the installed helper or a checked copy, is offered.
  if (isPortableBuild())
    return { declined: true, result: { action: request.action, status: 'declined', reason: 'portable-build', exitCode: null, commands: [], message: ELEVATION_MESSAGES.portable } };
  const folder = join(options.workDir, 'requests', options.runId);
  await mkdir(folder, { recursive: true });
  const requestFile = join(folder, 'request.json');
  const body: HelperRequestFile = { format: 'acs-fix-request', version: 1, runId: options.runId, step: options.step, user: options.user, request };
  const { text, sha256 } = helperRequestText(body);
  await writeFile(requestFile, text, 'utf8');
  const helperScript = assetPath(HELPER_SCRIPT_ASSET);
  const direct = options.elevation === 'direct';
  // Already elevated: the same helper, started without a prompt. Otherwise the launcher asks Windows.
  const command = direct
    ? { file: POWERSHELL, args: helperArguments(helperScript, request.action, requestFile, sha256, options.runId), timeoutMs: actionTimeoutMs(request) }
    : elevationLauncherCommand(assetPath(LAUNCHER_SCRIPT_ASSET), helperScript, request.action, requestFile, sha256, options.runId, actionTimeoutMs(request));
  const ran = await options.runner.run({ ...command, ...(options.signal ? { signal: options.signal } : {}) });
  const launcherRecord = {
    file: command.file,
    args: direct ? ['-File', '<elevated helper>', `action=${request.action}`] : ['-File', '<elevation launcher>', `action=${request.action}`],
    exitCode: ran.exitCode,
    meaning: '',
    elevated: direct,
  };
  if (!direct && ran.exitCode === UAC_DECLINED_EXIT_CODE) {
    launcherRecord.meaning = ELEVATION_MESSAGES.launcherDeclined;
    return { declined: true, result: { action: request.action, status: 'declined', exitCode: UAC_DECLINED_EXIT_CODE, commands: [launcherRecord], message: ELEVATION_MESSAGES.declined } };
  }
  if (ran.exitCode === HELPER_EXIT.notElevated && !ran.spawnError) {
    launcherRecord.meaning = ELEVATION_MESSAGES.notElevated;
    // Nothing was read or written: the same as a declined prompt (the administrator script is offered).
    const readResult = await readHelperResult(options);
    if (!readResult)
      return { declined: true, result: { action: request.action, status: 'access-denied', exitCode: ran.exitCode, commands: [launcherRecord], message: ELEVATION_MESSAGES.notElevated } };
  }
  const result = await readHelperResult(options);
  if (!result) {
    const why = ran.spawnError
      ? ELEVATION_MESSAGES.spawnFailed(ran.spawnError.code)
      : ran.timedOut
        ? ELEVATION_MESSAGES.timedOut
        : ran.exitCode === HELPER_EXIT.constrainedLanguage
          ? ELEVATION_MESSAGES.constrainedLanguage
          : ran.exitCode === HELPER_EXIT.unsafeFolder
            ? ELEVATION_MESSAGES.unsafeFolder
            : ran.exitCode === HELPER_EXIT.badInvocation
              ? ELEVATION_MESSAGES.badInvocation
              : ELEVATION_MESSAGES.noResult(ran.exitCode === null ? 'no exit code' : formatCode(ran.exitCode));
    launcherRecord.meaning = why;
    return { declined: false, result: { action: request.action, status: 'failed', exitCode: ran.exitCode, commands: [launcherRecord], message: `${ELEVATION_MESSAGES.failedPrefix}${why}` } };
  }
  launcherRecord.meaning = ELEVATION_MESSAGES.helperReported;
  // The helper reports bare exit codes; their plain words come from the app's tables.
  const helperCommands = result.commands.map((command) => ({ ...command, meaning: describeProgramCode(command.file, command.exitCode), elevated: true }));
  return { declined: result.status === 'access-denied' || result.status === 'declined', result: { ...result, commands: [launcherRecord, ...helperCommands] } };
}

async function readHelperResult(options: PerformOptions): Promise<ActionResult | null> {
  try {
    return actionResultSchema.parse(JSON.parse((await (options.files ?? localFiles).read(helperResultPath(options.runId))).toString('utf8')));
  } catch {
    return null;
  }
}

/** Is this process elevated (High or System integrity)? Asks whoami, which every Windows since Vista has. */
export async function detectElevation(runner: CommandRunner): Promise<ElevationMode> {
  const command = commands.whoamiGroups();
  const result = await runner.run({ ...command, timeoutMs: 15_000 });
  if (result.exitCode !== 0) return 'helper';
  return /S-1-16-12288|S-1-16-16384/.test(result.stdout) ? 'direct' : 'helper';
}
