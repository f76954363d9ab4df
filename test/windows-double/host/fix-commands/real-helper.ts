// The simulated host's elevation commands answered by the REAL scripts: the launcher
// (assets/fixes/acs-elevate.ps1) or the helper (assets/fixes/acs-fix-helper.ps1) run under pwsh on the
// Windows double, on a copy of this machine's state; the state the scripts leave is read back into the
// machine, the commands the helper reports it ran join the machine's command log, and the helper's
// result is put where the app reads it off Windows (helperResultPath).
// Needs pwsh (scripts/install-test-tools.sh) and the built double (npm run build:double); without them
// the command cannot start (ENOENT, with that reason). The request's time limit and cancel signal end
// the pwsh process. A machine whose PowerShell is in ConstrainedLanguage starts the script in that mode.
// Linux keeps only the low 8 bits of an exit code: 199 from the launcher is read back as 1223.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { helperResultPath } from '#product/fixes/helper-folder.js';
import type { CommandRequest } from '#product/windows/command-runner.js';
import { machineStateSchema } from '../machine-state.js';
import type { SimulatedMachine } from '../machine.js';
import type { SimulatedCommandOutput } from '../dispatcher.js';
import { rawWindowsView } from '../../tools/raw-view.js';
import { writeStateFiles } from '../../tools/fake-tool.js';
import { simulatedFileContent } from './state.js';
import { writeDoubleTools } from '../../tools/materialize.js';
import { findPwsh } from '../../tools/pwsh-path.js';

const ADMIN_ONLY = {
  owner: 'S-1-5-32-544',
  access: [
    { sid: 'S-1-5-32-544', rights: 2032127, type: 'Allow', propagation: 0 },
    { sid: 'S-1-5-18', rights: 2032127, type: 'Allow', propagation: 0 },
    { sid: 'S-1-5-32-545', rights: 1179817, type: 'Allow', propagation: 0 },
  ],
};

function repoRoot(): string {
  let dir = resolve(import.meta.dirname);
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'assets'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('real helper: repository root not found');
    dir = parent;
  }
  return dir;
}

const argAfter = (args: readonly string[], name: string) => {
  const index = args.findIndex((arg) => arg.toLowerCase() === name.toLowerCase());
  return index >= 0 ? (args[index + 1] ?? '') : '';
};

export async function runRealHelper(request: CommandRequest, machine: SimulatedMachine): Promise<SimulatedCommandOutput> {
  const root = repoRoot();
  const pwsh = findPwsh();
  const fakeTool = join(root, 'dist/double/tools/fake-tool.js');
  if (!pwsh)
    return {
      exitCode: 0,
      stdout: '',
      spawnError: { code: 'ENOENT', message: 'spawn pwsh ENOENT (the simulated host runs the real helper under pwsh: install it with bash scripts/install-test-tools.sh)' },
    };
  if (!existsSync(fakeTool)) return { exitCode: 0, stdout: '', spawnError: { code: 'ENOENT', message: 'the Windows double is not built (npm run build:double)' } };
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
      await writeFile(local, simulatedFileContent(file), 'utf8');
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
    const constrained = machine.state.powershell.availability === 'constrained-language';
    const ran = await runPwsh(pwsh, constrained ? constrainedArgs(request.args, env) : [...request.args], env, dir, request.timeoutMs, request.signal);
    // The machine as the scripts left it (also when the time limit or a cancel stopped them midway).
    machine.state = machineStateSchema.parse(JSON.parse(await readFile(statePath, 'utf8')));
    const runId = direct ? argAfter(request.args, '-RunId') : (request.env?.ACS_HELPER_RUN_ID ?? '');
    const result = join(drives, 'C', 'ProgramData', 'ACS Support Assistant', 'results', `${runId}.json`);
    if (runId && existsSync(result)) {
      await mkdir(dirname(helperResultPath(runId)), { recursive: true });
      const text = windowsToolPaths(await readFile(result, 'utf8'), system32);
      await writeFile(helperResultPath(runId), text, 'utf8');
      logHelperCommands(machine, text);
    }
    if (ran.stopped) return { exitCode: 0, stdout: '', hangs: true };
    const exitCode = ran.code === (1223 & 0xff) ? 1223 : (ran.code ?? 1);
    return { exitCode, stdout: ran.stdout, stderr: ran.stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The helper names each tool it ran by its full path in [Environment]::SystemDirectory; on the double
 * that folder is a temporary one (ACS_DOUBLE_SYSTEM32). The result says C:\\Windows\\System32, as on the
 * machine the double stands for; nothing else in it changes.
 */
function windowsToolPaths(resultText: string, system32: string): string {
  let result: { commands?: { file?: unknown }[] };
  try {
    result = JSON.parse(resultText.replace(/^\uFEFF/, '')) as typeof result;
  } catch {
    return resultText;
  }
  if (!Array.isArray(result.commands)) return resultText;
  for (const command of result.commands) {
    if (typeof command.file === 'string' && command.file.startsWith(`${system32}/`)) command.file = `C:\\Windows\\System32\\${command.file.slice(system32.length + 1)}`;
  }
  return JSON.stringify(result);
}

/** The commands the helper says it ran (its result's `commands`), in the machine's command log. */
function logHelperCommands(machine: SimulatedMachine, resultText: string): void {
  let commands: unknown;
  try {
    commands = (JSON.parse(resultText.replace(/^\uFEFF/, '')) as { commands?: unknown }).commands;
  } catch {
    return;
  }
  if (!Array.isArray(commands)) return;
  for (const command of commands as { file?: unknown; args?: unknown; exitCode?: unknown }[]) {
    if (typeof command.file !== 'string' || !Array.isArray(command.args)) continue;
    machine.commandLog.push({ file: command.file, args: command.args.map(String), at: machine.state.now, exitCode: typeof command.exitCode === 'number' ? command.exitCode : null });
  }
}

/**
 * The same start, in ConstrainedLanguage: a -Command that switches the session's language mode and then
 * calls the script with the original named parameters (passed as JSON in the environment).
 */
function constrainedArgs(args: readonly string[], env: Record<string, string>): string[] {
  const fileIndex = args.findIndex((arg) => arg.toLowerCase() === '-file');
  const script = args[fileIndex + 1] ?? '';
  const params: Record<string, string | boolean> = {};
  const rest = args.slice(fileIndex + 2);
  for (let i = 0; i < rest.length; i++) {
    const name = rest[i]!.replace(/^-/, '');
    const next = rest[i + 1];
    if (next === undefined || next.startsWith('-')) params[name] = true;
    else params[name] = rest[++i]!;
  }
  env.ACS_DOUBLE_SCRIPT = script;
  env.ACS_DOUBLE_PARAMS = JSON.stringify(params);
  const bootstrap = [
    '$acsDoubleParams = $env:ACS_DOUBLE_PARAMS | ConvertFrom-Json -AsHashtable',
    "$ExecutionContext.SessionState.LanguageMode = 'ConstrainedLanguage'",
    '& $env:ACS_DOUBLE_SCRIPT @acsDoubleParams',
    'exit $LASTEXITCODE',
  ].join('\n');
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', bootstrap];
}

/** pwsh with a time limit and a cancel signal: past either, the whole process group is killed. */
function runPwsh(
  pwsh: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<{ code: number | null; stdout: string; stderr: string; stopped: boolean }> {
  return new Promise((done) => {
    const child = spawn(pwsh, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let stopped = false;
    const stop = () => {
      stopped = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(stop, timeoutMs);
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      done({ code, stdout, stderr, stopped });
    });
  });
}
