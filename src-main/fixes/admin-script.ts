// The ready-made administrator script offered when the UAC prompt is declined or the account has no
// admin rights: a folder with the helper script (.ps1), its JSON request, and a .cmd to double-click
// ("Run as administrator"). It does the same checks and writes the same journal lines as the app.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assetPath } from '../paths.js';
import type { ActionRequest } from './actions/requests.js';
import { HELPER_SCRIPT_ASSET, type HelperRequestFile } from './elevation.js';
import type { AdminScript } from './types.js';

export const ADMIN_SCRIPT_PS1 = 'acs-fix-helper.ps1';
export const ADMIN_SCRIPT_CMD = 'run-as-administrator.cmd';
export const ADMIN_SCRIPT_REQUEST = 'request.json';

/** The .cmd holds no data: only the fixed action id; every value comes from request.json beside it. */
export function adminCmdText(actionId: ActionRequest['action']): string {
  return [
    '@echo off',
    'rem ACS Support Assistant: runs one fix step with administrator rights. Data is in request.json.',
    'net session >nul 2>&1',
    'if errorlevel 1 (',
    '  echo This script needs administrator rights: right-click it and choose "Run as administrator".',
    '  pause',
    '  exit /b 5',
    ')',
    `powershell.exe -NoProfile -ExecutionPolicy Bypass -File "%~dp0${ADMIN_SCRIPT_PS1}" -ActionId ${actionId} -RequestFile "%~dp0${ADMIN_SCRIPT_REQUEST}" -Standalone`,
    'set ACS_RESULT=%ERRORLEVEL%',
    'echo.',
    'echo Finished with exit code %ACS_RESULT%. The result is in result.json next to this file.',
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
  journalFile: string;
  user: string;
}

export async function writeAdminScript(input: AdminScriptInput): Promise<AdminScript> {
  const folder = join(input.workDir, 'admin-scripts', `${input.step}-${input.runId.slice(0, 8)}`);
  await mkdir(folder, { recursive: true });
  let request = input.request;
  if (request.action === 'import-root-certificate') {
    // Ship the certificate with the script, so the folder works from a USB stick too.
    await copyFile(request.certificateFile, join(folder, 'certificate.cer'));
    request = { ...request, certificateFile: 'certificate.cer' };
  }
  const body: HelperRequestFile = {
    format: 'acs-fix-request',
    version: 1,
    runId: input.runId,
    step: input.step,
    request,
    resultFile: 'result.json',
    journalFile: input.journalFile,
    user: input.user,
  };
  const ps1Path = join(folder, ADMIN_SCRIPT_PS1);
  const cmdPath = join(folder, ADMIN_SCRIPT_CMD);
  const requestPath = join(folder, ADMIN_SCRIPT_REQUEST);
  await copyFile(assetPath(HELPER_SCRIPT_ASSET), ps1Path);
  await writeFile(requestPath, JSON.stringify(body, null, 2), 'utf8');
  await writeFile(cmdPath, adminCmdText(request.action), 'utf8');
  return {
    folder,
    ps1Path,
    cmdPath,
    requestPath,
    instructions: `Ask an administrator to open the folder "${folder}", right-click ${ADMIN_SCRIPT_CMD} and choose "Run as administrator". It checks the same things as this app, makes the same change, and writes the result to the app's action journal; then open the app again to verify.`,
  };
}
