// Runs the shipped elevated helper (assets/fixes/acs-fix-helper.ps1) and its launcher
// (assets/fixes/acs-elevate.ps1) for real, under pwsh, on the Windows double (issue 11).
// Besides test/support/pwsh.ts's machine, a helper run gets:
// - ACS_DOUBLE_DRIVES: a folder standing in for Windows drives (C:\ProgramData\... is DRIVES/C/ProgramData/...),
//   where the helper keeps its own folder and where packages on "E:\" are real files;
// - ACS_DOUBLE_ACLS: the ACL table the double's Get-Acl answers from and the fake icacls writes; the
//   repository's assets/fixes folder is listed as administrator-owned (as Program Files would be);
// - ACS_DOUBLE_ELEVATED=1 when the helper is started as an administrator would start it.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { MachineState } from '../windows-double/host/machine-state.js';
import { simulatedFileContent, simulatedFileSha256 } from '../windows-double/host/fix-commands/state.js';
import { createDoubleMachine, findPwsh, REPO_ROOT, runScriptOnDouble, type DoubleMachine, type PwshRun } from './pwsh.js';

export const HELPER_SCRIPT = join(REPO_ROOT, 'assets/fixes/acs-fix-helper.ps1');
export const LAUNCHER_SCRIPT = join(REPO_ROOT, 'assets/fixes/acs-elevate.ps1');
export const ADMINISTRATORS = 'S-1-5-32-544';
export const SYSTEM = 'S-1-5-18';
export const USERS = 'S-1-5-32-545';
export const STANDARD_USER = 'S-1-5-21-1004336348-1177238915-682003330-1001';
const FULL = 2032127;
const READ_EXECUTE = 1179817;
const MODIFY = 1245631;

export type Acl = { owner: string; access: { sid: string; rights: number; type: 'Allow' | 'Deny'; propagation: number }[] };
/** What Program Files gives its folders: administrators, SYSTEM and TrustedInstaller change; users read. */
export const ADMIN_ONLY_ACL: Acl = {
  owner: 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464',
  access: [
    { sid: ADMINISTRATORS, rights: FULL, type: 'Allow', propagation: 0 },
    { sid: SYSTEM, rights: FULL, type: 'Allow', propagation: 0 },
    { sid: USERS, rights: READ_EXECUTE, type: 'Allow', propagation: 0 },
    { sid: 'S-1-3-0', rights: FULL, type: 'Allow', propagation: 2 },
  ],
};
/** A folder such as C:\Tools that inherits Modify for Authenticated Users from the drive root. */
export const USER_WRITABLE_ACL: Acl = { owner: ADMINISTRATORS, access: [...ADMIN_ONLY_ACL.access, { sid: 'S-1-5-11', rights: MODIFY, type: 'Allow', propagation: 0 }] };

export interface HelperMachine extends DoubleMachine {
  drives: string;
  aclsPath: string;
  /** The real path standing for a Windows drive path. */
  local(windowsPath: string): string;
  setAcl(localPath: string, acl: Acl): Promise<void>;
  acls(): Promise<Record<string, Acl>>;
  /** Writes the real file that stands for a profile's package (its content is the profile entry). */
  placePackage(windowsPath: string): Promise<{ sha256: string; local: string }>;
  dataFolder(): string;
  result(runId: string): Promise<Record<string, unknown> | null>;
  journal(): Promise<Record<string, unknown>[]>;
  env(elevated: boolean): Record<string, string>;
}

export async function createHelperMachine(state: MachineState): Promise<HelperMachine> {
  const machine = await createDoubleMachine(state);
  const drives = join(machine.dir, 'drives');
  const aclsPath = join(machine.dir, 'acls.json');
  await mkdir(join(drives, 'C', 'ProgramData'), { recursive: true });
  const local = (windowsPath: string) => {
    const match = /^([A-Za-z]):\\(.*)$/.exec(windowsPath);
    if (!match) throw new Error(`not a drive path: ${windowsPath}`);
    return join(drives, match[1]!.toUpperCase(), ...match[2]!.split('\\'));
  };
  const acls = async (): Promise<Record<string, Acl>> => (existsSync(aclsPath) ? (JSON.parse(await readFile(aclsPath, 'utf8')) as Record<string, Acl>) : {});
  const setAcl = async (path: string, acl: Acl) => {
    const table = await acls();
    table[path] = acl;
    await writeFile(aclsPath, JSON.stringify(table, null, 1), 'utf8');
  };
  // The installed app's folder (Program Files), and ProgramData as Windows creates it: users may
  // create folders there (and own what they create).
  await setAcl(join(REPO_ROOT, 'assets/fixes'), ADMIN_ONLY_ACL);
  await setAcl(join(drives, 'C', 'ProgramData'), { owner: SYSTEM, access: [...ADMIN_ONLY_ACL.access.slice(0, 2), { sid: USERS, rights: 278 + READ_EXECUTE, type: 'Allow', propagation: 0 }] });
  const dataFolder = () => join(drives, 'C', 'ProgramData', 'ACS Support Assistant');
  return {
    ...machine,
    drives,
    aclsPath,
    local,
    setAcl,
    acls,
    dataFolder,
    async placePackage(windowsPath) {
      const file = (await machine.state()).localFiles.find((entry) => entry.path.toLowerCase() === windowsPath.toLowerCase());
      if (!file) throw new Error(`no such package in the profile: ${windowsPath}`);
      const path = local(windowsPath);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, simulatedFileContent(file), 'utf8');
      return { sha256: simulatedFileSha256(file), local: path };
    },
    async result(runId) {
      const path = join(dataFolder(), 'results', `${runId}.json`);
      return existsSync(path) ? (JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>) : null;
    },
    async journal() {
      const path = join(dataFolder(), 'journal.jsonl');
      if (!existsSync(path)) return [];
      return (await readFile(path, 'utf8'))
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    env(elevated) {
      return { ACS_DOUBLE_DRIVES: drives, ACS_DOUBLE_ACLS: aclsPath, ACS_DOUBLE_PWSH: findPwsh() ?? 'pwsh', ...(elevated ? { ACS_DOUBLE_ELEVATED: '1' } : {}) };
    },
  };
}

export interface HelperRunOptions {
  /** The envelope written to request.json (default: a valid one for `request`). */
  envelope?: Record<string, unknown>;
  /** Raw text of request.json instead of the envelope. */
  text?: string;
  runId?: string;
  /** The hash passed on the command line (default: the file's). */
  sha256?: string;
  /** Changes the request file after its hash was taken (the attacker between consent and reading). */
  afterHash?: (requestFile: string) => Promise<void>;
  script?: string;
  elevated?: boolean;
  standalone?: boolean;
  env?: Record<string, string>;
}

export interface HelperRun extends PwshRun {
  runId: string;
  requestFile: string;
  result: Record<string, unknown> | null;
}

export function envelopeFor(request: Record<string, unknown>, runId: string, step = stepOf(String(request.action))): Record<string, unknown> {
  return { format: 'acs-fix-request', version: 1, runId, step, user: 'CONTOSO\\tech', request };
}

function stepOf(action: string): string {
  return (
    {
      'import-root-certificate': 'install-root-certificate',
      'remove-root-certificate': 'install-root-certificate',
      'install-update-package': 'install-windows-update',
      'start-services': 'start-agent-services',
      'restart-computer': 'reboot',
    }[action] ?? 'reboot'
  );
}

/** Writes request.json where the app would (the person's profile: writable by them) and its SHA-256. */
export async function writeRequest(machine: HelperMachine, request: Record<string, unknown>, options: HelperRunOptions = {}): Promise<{ runId: string; requestFile: string; sha256: string }> {
  const runId = options.runId ?? randomUUID();
  const requestFile = join(machine.dir, 'profile', 'AppData', 'Roaming', 'ACS Support Assistant', 'requests', runId, 'request.json');
  await mkdir(dirname(requestFile), { recursive: true });
  const text = options.text ?? JSON.stringify(options.envelope ?? envelopeFor(request, runId), null, 2);
  await writeFile(requestFile, text, 'utf8');
  return { runId, requestFile, sha256: options.sha256 ?? createHash('sha256').update(text, 'utf8').digest('hex').toUpperCase() };
}

/** Runs the helper directly (as an administrator would: elevated, -File). */
export async function runHelper(machine: HelperMachine, request: Record<string, unknown>, options: HelperRunOptions = {}): Promise<HelperRun> {
  const { runId, requestFile, sha256 } = await writeRequest(machine, request, options);
  if (options.afterHash) await options.afterHash(requestFile);
  const run = await runScriptOnDouble(machine, options.script ?? HELPER_SCRIPT, {
    params: { ActionId: String(request.action), RequestFile: requestFile, RequestSha256: sha256, RunId: runId, ...(options.standalone ? { Standalone: true } : {}) },
    env: { ...machine.env(options.elevated ?? true), ...options.env },
    timeoutMs: 120_000,
  });
  return { ...run, runId, requestFile, result: await machine.result(runId) };
}

/** Runs the launcher the way the app does (unelevated, values in the environment). */
export async function runLauncher(
  machine: HelperMachine,
  request: Record<string, unknown>,
  options: HelperRunOptions & { launcher?: string; launcherEnv?: Record<string, string> } = {},
): Promise<HelperRun> {
  const { runId, requestFile, sha256 } = await writeRequest(machine, request, options);
  const run = await runScriptOnDouble(machine, options.launcher ?? LAUNCHER_SCRIPT, {
    env: {
      ...machine.env(false),
      ACS_HELPER_SCRIPT: options.script ?? HELPER_SCRIPT,
      ACS_HELPER_ACTION: String(request.action),
      ACS_HELPER_REQUEST: requestFile,
      ACS_HELPER_REQUEST_SHA256: sha256,
      ACS_HELPER_RUN_ID: runId,
      ...options.launcherEnv,
    },
    timeoutMs: 120_000,
  });
  return { ...run, runId, requestFile, result: await machine.result(runId) };
}
