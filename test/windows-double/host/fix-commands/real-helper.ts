// The simulated host's elevation commands answered by the REAL scripts: the launcher
// (assets/fixes/acs-elevate.ps1) or the helper (assets/fixes/acs-fix-helper.ps1) run under pwsh on the
// Windows double, on a copy of this machine's state; the state the scripts leave is read back into the
// machine, and the helper's result is put where the app reads it off Windows (helperResultPath).
// Used when ACS_SIMULATED_REAL_HELPER=1 (test/powershell/app-real-helper.test.ts); otherwise the
// simulated twin answers (./helper.ts). Needs pwsh and the built double (npm run build:double).
// Linux keeps only the low 8 bits of an exit code: 199 from the launcher is read back as 1223.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { helperResultPath } from '#product/fixes/helper-folder.js';
import type { CommandRequest } from '#product/windows/command-runner.js';
import { machineStateSchema } from '../machine-state.js';
import type { SimulatedMachine } from '../machine.js';
import type { SimulatedCommandOutput } from '../dispatcher.js';
import { rawWindowsView } from '../../tools/raw-view.js';
import { writeStateFiles } from '../../tools/fake-tool.js';
import { writeDoubleTools } from '../../tools/materialize.js';

const ADMIN_ONLY = {
  owner: 'S-1-5-32-544',
  access: [
    { sid: 'S-1-5-32-544', rights: 2032127, type: 'Allow', propagation: 0 },
    { sid: 'S-1-5-18', rights: 2032127, type: 'Allow', propagation: 0 },
    { sid: 'S-1-5-32-545', rights: 1179817, type: 'Allow', propagation: 0 },
  ],
};

export function realHelperWanted(): boolean {
  return process.env.ACS_SIMULATED_REAL_HELPER === '1';
}

function repoRoot(): string {
  let dir = resolve(import.meta.dirname);
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'assets'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('real helper: repository root not found');
    dir = parent;
  }
  return dir;
}

function findPwsh(): string | null {
  const candidates = [...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'pwsh')), join(homedir(), '.dotnet/tools/pwsh')];
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

const argAfter = (args: readonly string[], name: string) => {
  const index = args.findIndex((arg) => arg.toLowerCase() === name.toLowerCase());
  return index >= 0 ? (args[index + 1] ?? '') : '';
};

export async function runRealHelper(request: CommandRequest, machine: SimulatedMachine): Promise<SimulatedCommandOutput> {
  const root = repoRoot();
  const pwsh = findPwsh();
  const fakeTool = join(root, 'dist/double/tools/fake-tool.js');
  if (!pwsh || !existsSync(fakeTool)) return { exitCode: 0, stdout: '', spawnError: { code: 'ENOENT', message: 'real helper: pwsh or the built Windows double is missing' } };
  const dir = await mkdtemp(join(tmpdir(), 'acs-real-helper-'));
  try {
    const statePath = join(dir, 'machine.json');
    writeStateFiles(statePath, machine.state);
    const system32 = join(dir, 'System32');
    writeDoubleTools(system32, fakeTool);
    // Windows drives: packages of the profile as real files (their content is the profile entry, as the
    // double's Authenticode and installers expect), ProgramData as Windows creates it.
    const drives = join(dir, 'drives');
    await mkdir(join(drives, 'C', 'ProgramData'), { recursive: true });
    for (const file of machine.state.localFiles) {
      const match = /^([A-Za-z]):\\(.*)$/.exec(file.path);
      if (!match || file.kind === 'cer') continue;
      const local = join(drives, match[1]!.toUpperCase(), ...match[2]!.split('\\'));
      await mkdir(dirname(local), { recursive: true });
      await writeFile(local, JSON.stringify(file), 'utf8');
    }
    const acls = join(dir, 'acls.json');
    await writeFile(acls, JSON.stringify({ [join(root, 'assets/fixes')]: ADMIN_ONLY, [join(drives, 'C', 'ProgramData')]: { ...ADMIN_ONLY, owner: 'S-1-5-18' } }), 'utf8');
    const direct = /acs-fix-helper\.ps1$/i.test(argAfter(request.args, '-File'));
    const env: Record<string, string> = {};
    for (const name of ['PATH', 'HOME', 'DOTNET_ROOT', 'LANG', 'TMPDIR']) if (process.env[name]) env[name] = process.env[name]!;
    Object.assign(env, rawWindowsView(machine.state).env, request.env ?? {}, {
      ACS_WINDOWS_DOUBLE: join(root, 'test/windows-double/pwsh/WindowsDouble.psm1'),
      ACS_DOUBLE_STATE: statePath,
      ACS_DOUBLE_SYSTEM32: system32,
      ACS_DOUBLE_DRIVES: drives,
      ACS_DOUBLE_ACLS: acls,
      ACS_DOUBLE_PWSH: pwsh,
      POWERSHELL_TELEMETRY_OPTOUT: '1',
      POWERSHELL_UPDATECHECK: 'Off',
    });
    if (direct && machine.state.user.elevated) env.ACS_DOUBLE_ELEVATED = '1';
    const ran = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(pwsh, [...request.args], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
    // The machine as the scripts left it.
    machine.state = machineStateSchema.parse(JSON.parse(await readFile(statePath, 'utf8')));
    const runId = direct ? argAfter(request.args, '-RunId') : (request.env?.ACS_HELPER_RUN_ID ?? '');
    const result = join(drives, 'C', 'ProgramData', 'ACS Support Assistant', 'results', `${runId}.json`);
    if (runId && existsSync(result)) {
      await mkdir(dirname(helperResultPath(runId)), { recursive: true });
      await copyFile(result, helperResultPath(runId));
    }
    const exitCode = ran.code === (1223 & 0xff) ? 1223 : (ran.code ?? 1);
    return { exitCode, stdout: ran.stdout, stderr: ran.stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
