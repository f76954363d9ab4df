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
import { CERTUTIL_CODES, describeProgramCodeMessage, explainCode, formatCode, SHUTDOWN_CODES, SERVICE_CODES, UPDATE_INSTALL_CODES } from './exit-codes.js';
import { localFiles, type FileAccess } from './files.js';
import { isPortableBuild } from './build-kind.js';
import { helperResultPath } from './helper-folder.js';
import { english, said, type MessageRef } from './texts.js';
import type { CommandRecord, ElevationMode } from './types.js';

export const HELPER_SCRIPT_ASSET = 'fixes/acs-fix-helper.ps1';
export const LAUNCHER_SCRIPT_ASSET = 'fixes/acs-elevate.ps1';
/** Win32 ERROR_CANCELLED: the launcher's exit code when the UAC prompt is declined (or no administrator can approve). */
export const UAC_DECLINED_EXIT_CODE = 1223;
/** The helper's exit codes when it wrote no result. */
export const HELPER_EXIT = { badInvocation: 2, unsafeFolder: 3, notElevated: 5, constrainedLanguage: 86 } as const;

/** What the app says when the helper could not report a result (messages elevation.* of the catalogue). */
export const ELEVATION_TEXTS = {
  declined: said('elevation.declined'),
  launcherDeclined: said('elevation.launcherDeclined'),
  helperReported: said('elevation.helperReported'),
  constrainedLanguage: said('elevation.constrainedLanguage'),
  unsafeFolder: said('elevation.unsafeFolder'),
  portable: said('elevation.portable'),
  notElevated: said('elevation.notElevated'),
  badInvocation: said('elevation.badInvocation'),
  failed: (why: MessageRef) => said('elevation.failed', { why }),
  spawnFailed: (code: string) => said('elevation.spawnFailed', { code }),
  timedOut: said('elevation.timedOut'),
  noResult: (code: number | null) => said('elevation.noResult', { code: code === null ? said('fix.code.noExitCode') : formatCode(code) }),
} as const;

/** The same in English (the text fields of results and journals). */
export const ELEVATION_MESSAGES = {
  declined: english(ELEVATION_TEXTS.declined),
  launcherDeclined: english(ELEVATION_TEXTS.launcherDeclined),
  helperReported: english(ELEVATION_TEXTS.helperReported),
  constrainedLanguage: english(ELEVATION_TEXTS.constrainedLanguage),
  unsafeFolder: english(ELEVATION_TEXTS.unsafeFolder),
  portable: english(ELEVATION_TEXTS.portable),
  notElevated: english(ELEVATION_TEXTS.notElevated),
  badInvocation: english(ELEVATION_TEXTS.badInvocation),
  failedPrefix: english(ELEVATION_TEXTS.failed(said('sentence.none'))),
  spawnFailed: (code: string) => english(ELEVATION_TEXTS.spawnFailed(code)),
  timedOut: english(ELEVATION_TEXTS.timedOut),
  noResult: (code: string) => english(said('elevation.noResult', { code })),
} as const;

const HELPER_REFUSALS: Readonly<Record<string, MessageRef>> = {
  'helper-location': said('helper.refused.location'),
  'request-unreadable': said('helper.refused.requestUnreadable'),
  'request-changed': said('helper.refused.requestChanged'),
  'request-invalid': said('helper.refused.requestInvalid'),
  'certificate-self-check': said('helper.refused.certificateSelfCheck'),
  'certificate-expired': said('helper.refused.certificateExpired'),
  'package-not-local': said('helper.refused.packageNotLocal'),
  'package-missing': said('helper.refused.packageMissing'),
  'package-changed': said('helper.refused.packageChanged'),
  'package-unsigned': said('helper.refused.packageUnsigned'),
  'package-not-microsoft': said('helper.refused.packageNotMicrosoft'),
  'package-wrong-kb': said('helper.refused.packageWrongKb'),
};

/**
 * What the app says about a result the elevated helper wrote. The helper (PowerShell, run on machines
 * without this app's catalogue) writes its own English `message`; the app speaks from the result's
 * status, reason, exit code and services instead, and keeps the helper's words for support.
 */
export function helperResultMessage(result: ActionResult): MessageRef {
  if (result.status === 'refused') return (result.reason && HELPER_REFUSALS[result.reason]) || said('helper.refused.other');
  const code = result.exitCode;
  switch (result.action) {
    case 'import-root-certificate':
      if (result.status === 'ok') return said('helper.root.added');
      if (result.status === 'already-done') return said('helper.root.present');
      return code !== null && code !== 0 ? explainCode(CERTUTIL_CODES, code).message : said('helper.root.notAdded');
    case 'remove-root-certificate':
      if (result.status === 'ok') return said('helper.root.removed');
      if (result.status === 'already-done') return said('helper.root.gone');
      return code !== null && code !== 0 ? explainCode(CERTUTIL_CODES, code).message : said('helper.root.notRemoved');
    case 'install-update-package':
      return code === null && result.status === 'failed' ? said('helper.stopped') : explainCode(UPDATE_INSTALL_CODES, code).message;
    case 'start-services': {
      const services = result.services ?? [];
      if (services.length === 0) return result.status === 'access-denied' ? explainCode(SERVICE_CODES, 5).message : said('helper.stopped');
      const notRunning = services.filter((service) => !service.running).length;
      return notRunning === 0 ? said('helper.services.allRunning', { count: services.length }) : said('helper.services.notRunning', { notRunning, count: services.length });
    }
    case 'restart-computer':
      return code === null && result.status === 'failed' ? said('helper.stopped') : explainCode(SHUTDOWN_CODES, code).message;
  }
}

/** The request file the helper reads (and the administrator script ships with). No output paths. */
export interface HelperRequestFile {
  format: 'acs-fix-request';
  version: 1;
  runId: string;
  step: string;
  user: string;
  request: ActionRequest;
}

/** A result as the app keeps it: the helper's commands with their meaning in plain words (and as messages). */
export type ReportedResult = Omit<ActionResult, 'commands'> & { commands: CommandRecord[] };

export interface ActionRun {
  result: ReportedResult;
  /** What to tell the person about the result (from its status and reason; the helper's own English words stay in result.message). */
  message: MessageRef;
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
    return {
      declined: true,
      message: ELEVATION_TEXTS.portable,
      result: { action: request.action, status: 'declined', reason: 'portable-build', exitCode: null, commands: [], message: ELEVATION_MESSAGES.portable },
    };
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
  const launcher = (meaning: MessageRef) => ({
    file: command.file,
    args: direct ? ['-File', '<elevated helper>', `action=${request.action}`] : ['-File', '<elevation launcher>', `action=${request.action}`],
    exitCode: ran.exitCode,
    meaning: english(meaning),
    meaningMessage: meaning,
    elevated: direct,
  });
  if (!direct && ran.exitCode === UAC_DECLINED_EXIT_CODE) {
    return {
      declined: true,
      message: ELEVATION_TEXTS.declined,
      result: { action: request.action, status: 'declined', exitCode: UAC_DECLINED_EXIT_CODE, commands: [launcher(ELEVATION_TEXTS.launcherDeclined)], message: ELEVATION_MESSAGES.declined },
    };
  }
  if (ran.exitCode === HELPER_EXIT.notElevated && !ran.spawnError) {
    // Nothing was read or written: the same as a declined prompt (the administrator script is offered).
    const readResult = await readHelperResult(options);
    if (!readResult)
      return {
        declined: true,
        message: ELEVATION_TEXTS.notElevated,
        result: { action: request.action, status: 'access-denied', exitCode: ran.exitCode, commands: [launcher(ELEVATION_TEXTS.notElevated)], message: ELEVATION_MESSAGES.notElevated },
      };
  }
  const result = await readHelperResult(options);
  if (!result) {
    const why = ran.spawnError
      ? ELEVATION_TEXTS.spawnFailed(ran.spawnError.code)
      : ran.timedOut
        ? ELEVATION_TEXTS.timedOut
        : ran.exitCode === HELPER_EXIT.constrainedLanguage
          ? ELEVATION_TEXTS.constrainedLanguage
          : ran.exitCode === HELPER_EXIT.unsafeFolder
            ? ELEVATION_TEXTS.unsafeFolder
            : ran.exitCode === HELPER_EXIT.badInvocation
              ? ELEVATION_TEXTS.badInvocation
              : ELEVATION_TEXTS.noResult(ran.exitCode);
    const message = ELEVATION_TEXTS.failed(why);
    return { declined: false, message, result: { action: request.action, status: 'failed', exitCode: ran.exitCode, commands: [launcher(why)], message: english(message) } };
  }
  // The helper reports bare exit codes; their plain words come from the app's tables.
  const helperCommands = result.commands.map((run) => {
    const meaning = describeProgramCodeMessage(run.file, run.exitCode);
    return { ...run, meaning: english(meaning), meaningMessage: meaning, elevated: true };
  });
  return {
    declined: result.status === 'access-denied' || result.status === 'declined',
    message: helperResultMessage(result),
    result: { ...result, commands: [launcher(ELEVATION_TEXTS.helperReported), ...helperCommands] },
  };
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
