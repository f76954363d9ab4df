// The ready-made administrator script offered when the UAC prompt is declined, the account has no admin
// rights, or the app runs as the portable build: a folder with request.json, a .cmd to run as
// administrator, and a copy of the helper (for a machine where the app is not installed).
// The .cmd runs the INSTALLED helper (Program Files, administrator-owned) when there is one; otherwise it
// copies the helper into %ProgramData%\ACS Support Assistant\admin-script, a folder it gives an
// administrators-only ACL, checks that copy's SHA-256 against the one written into the .cmd, and runs
// that copy. The helper itself checks its folder and the request's SHA-256 (written into the .cmd too).
// The .cmd is short, fixed text apart from the action id, the run id and the two hashes; the instructions
// ask the administrator to read it before running it (it sits in the person's profile folder).
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assetPath } from '../paths.js';
import type { ActionRequest } from './actions/requests.js';
import { HELPER_SCRIPT_ASSET, helperRequestText, type HelperRequestFile } from './elevation.js';
import { english, said } from './texts.js';
import type { AdminScript } from './types.js';

export const ADMIN_SCRIPT_PS1 = 'acs-fix-helper.ps1';
export const ADMIN_SCRIPT_CMD = 'run-as-administrator.cmd';
export const ADMIN_SCRIPT_REQUEST = 'request.json';
/** Where the per-machine installer puts the helper (electron-builder extraResources under Program Files). */
export const INSTALLED_HELPER = '%ProgramFiles%\\ACS Support Assistant\\resources\\assets\\fixes\\acs-fix-helper.ps1';

export interface AdminCmdValues {
  actionId: ActionRequest['action'];
  runId: string;
  requestSha256: string;
  helperSha256: string;
}

const hex64 = /^[0-9A-F]{64}$/;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The .cmd text. Only fixed ids and hashes go in (each checked against its format); every other value is in request.json. */
export function adminCmdText(values: AdminCmdValues): string {
  if (!hex64.test(values.requestSha256) || !hex64.test(values.helperSha256) || !guid.test(values.runId)) throw new Error('adminCmdText: a hash or the run id has the wrong format');
  return [
    '@echo off',
    'rem ACS Support Assistant: runs one fix step with administrator rights. Data is in request.json.',
    'net session >nul 2>&1',
    'if errorlevel 1 (',
    '  echo This script needs administrator rights: right-click it and choose "Run as administrator".',
    '  pause',
    '  exit /b 5',
    ')',
    'setlocal',
    `set "ACS_HELPER=${INSTALLED_HELPER}"`,
    'if exist "%ACS_HELPER%" goto run',
    'rem Not installed here: run a checked copy from a folder only administrators can change.',
    'set "ACS_DIR=%ProgramData%\\ACS Support Assistant\\admin-script"',
    'if not exist "%ACS_DIR%" mkdir "%ACS_DIR%"',
    'icacls "%ACS_DIR%" /setowner *S-1-5-32-544 >nul',
    'icacls "%ACS_DIR%" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F >nul',
    `copy /y "%~dp0${ADMIN_SCRIPT_PS1}" "%ACS_DIR%\\${ADMIN_SCRIPT_PS1}" >nul`,
    `set "ACS_HELPER=%ACS_DIR%\\${ADMIN_SCRIPT_PS1}"`,
    `set "ACS_HELPER_SHA256=${values.helperSha256}"`,
    `powershell.exe -NoProfile -NonInteractive -Command "$h = [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash([IO.File]::ReadAllBytes($env:ACS_HELPER))).Replace('-', ''); if ($h -ne $env:ACS_HELPER_SHA256) { exit 9 }"`,
    'if errorlevel 1 (',
    '  echo The helper copy is not the one the app wrote. Nothing was changed.',
    '  pause',
    '  exit /b 9',
    ')',
    ':run',
    `powershell.exe -NoProfile -ExecutionPolicy Bypass -File "%ACS_HELPER%" -ActionId ${values.actionId} -RequestFile "%~dp0${ADMIN_SCRIPT_REQUEST}" -RequestSha256 ${values.requestSha256} -RunId ${values.runId} -Standalone`,
    'set ACS_RESULT=%ERRORLEVEL%',
    'echo.',
    `echo Finished with exit code %ACS_RESULT%. The result is in %ProgramData%\\ACS Support Assistant\\results\\${values.runId}.json`,
    'pause',
    'exit /b %ACS_RESULT%',
    '',
  ].join('\r\n');
}

export interface AdminScriptInput {
  workDir: string;
  runId: string;
  step: string;
  request: ActionRequest;
  user: string;
}

export async function writeAdminScript(input: AdminScriptInput): Promise<AdminScript> {
  const folder = join(input.workDir, 'admin-scripts', `${input.step}-${input.runId.slice(0, 8)}`);
  await mkdir(folder, { recursive: true });
  const body: HelperRequestFile = { format: 'acs-fix-request', version: 1, runId: input.runId, step: input.step, user: input.user, request: input.request };
  const { text, sha256 } = helperRequestText(body);
  const ps1Path = join(folder, ADMIN_SCRIPT_PS1);
  const cmdPath = join(folder, ADMIN_SCRIPT_CMD);
  const requestPath = join(folder, ADMIN_SCRIPT_REQUEST);
  const helper = await readFile(assetPath(HELPER_SCRIPT_ASSET));
  await copyFile(assetPath(HELPER_SCRIPT_ASSET), ps1Path);
  await writeFile(requestPath, text, 'utf8');
  await writeFile(
    cmdPath,
    adminCmdText({ actionId: input.request.action, runId: input.runId, requestSha256: sha256, helperSha256: createHash('sha256').update(helper).digest('hex').toUpperCase() }),
    'utf8',
  );
  const instructions = said('fix.adminScript.instructions', { folder, file: ADMIN_SCRIPT_CMD });
  return { folder, ps1Path, cmdPath, requestPath, instructions: english(instructions), instructionsMessage: instructions };
}
