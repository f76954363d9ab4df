// Runs a shipped PowerShell script for real, under pwsh, on the Windows double: the script file is
// executed unchanged (as `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File …`),
// with the double's module (test/windows-double/pwsh/WindowsDouble.psm1) named in ACS_WINDOWS_DOUBLE.
// The scripts honour that value only where [Environment]::OSVersion.Platform is not Win32NT, so on a
// real Windows machine the seam cannot be used. Native tools are shims in a temporary System32 folder
// that run test/windows-double/tools/fake-tool.js on the same machine state.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { machineStateSchema, type MachineState } from '../windows-double/host/machine-state.js';
import { rawWindowsView } from '../windows-double/tools/raw-view.js';
import { viewPathFor, writeStateFiles } from '../windows-double/tools/fake-tool.js';
import { DOUBLE_TOOLS, writeDoubleTools } from '../windows-double/tools/materialize.js';
import { findPwsh } from '../windows-double/tools/pwsh-path.js';

export { findPwsh };

export { DOUBLE_TOOLS };

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const DOUBLE_MODULE = join(REPO_ROOT, 'test/windows-double/pwsh/WindowsDouble.psm1');
const FAKE_TOOL = join(REPO_ROOT, 'dist/double/tools/fake-tool.js');
/** The Windows programs the scripts call, each a shim of the fake tool. */

/** pwsh from PATH or ~/.dotnet/tools (where `dotnet tool install --global PowerShell` puts it). */

/** Every simulated profile name (test/windows-double/profiles), sorted. */
export const SIMULATED_PROFILES = readdirSync(join(REPO_ROOT, 'test/windows-double/profiles'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -5))
  .sort();

/** pwshMissingReason() for a suite's skipIf, except in CI, where a missing pwsh throws (never a skip). */
export function pwshMissingOutsideCi(): string | null {
  const missing = pwshMissingReason();
  if (missing && process.env.CI) throw new Error(`PowerShell tests cannot run in CI: ${missing}`);
  return missing;
}

/** Why the PowerShell tests cannot run here, or null. In CI a missing pwsh is a failure, never a skip. */
export function pwshMissingReason(): string | null {
  if (!findPwsh()) return 'pwsh is not installed (run scripts/install-test-tools.sh: dotnet tool install --global PowerShell --version 7.6.9)';
  if (!existsSync(FAKE_TOOL)) return 'the Windows double is not built (npm run build)';
  return null;
}

export interface DoubleMachine {
  dir: string;
  statePath: string;
  system32: string;
  /** Reads the machine state as the scripts left it. */
  state(): Promise<MachineState>;
  /** Replaces the machine state (and its raw view). */
  setState(state: MachineState): void;
  dispose(): Promise<void>;
}

/** A temporary simulated machine: state file, raw view, System32 shims. */
export async function createDoubleMachine(state: MachineState): Promise<DoubleMachine> {
  const dir = await mkdtemp(join(tmpdir(), 'acs-double-'));
  const statePath = join(dir, 'machine.json');
  const system32 = join(dir, 'System32');
  writeDoubleTools(system32, FAKE_TOOL);
  writeStateFiles(statePath, state);
  return {
    dir,
    statePath,
    system32,
    state: async () => machineStateSchema.parse(JSON.parse(await readFile(statePath, 'utf8'))),
    setState: (next) => writeStateFiles(statePath, next),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface PwshRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  durationMs: number;
}

export interface RunScriptOptions {
  /** Named parameters, passed as -Name value (true: a switch). */
  params?: Record<string, string | number | boolean>;
  stdin?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Start the script from a -Command that first sets Set-StrictMode -Version Latest (and optionally ConstrainedLanguage). */
  strictLatest?: boolean;
  languageMode?: 'FullLanguage' | 'ConstrainedLanguage';
  /** Extra arguments for pwsh itself, before -File. */
  workingDirectory?: string;
}

/** The environment a script sees on the double: the machine's own values plus the double's settings. */
export function doubleEnvironment(machine: DoubleMachine, state: MachineState, extra: Record<string, string> = {}): Record<string, string> {
  const view = rawWindowsView(state);
  const base: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'DOTNET_ROOT', 'LANG', 'TMPDIR']) if (process.env[name]) base[name] = process.env[name]!;
  return {
    ...base,
    ...view.env,
    ACS_WINDOWS_DOUBLE: DOUBLE_MODULE,
    ACS_DOUBLE_STATE: machine.statePath,
    ACS_DOUBLE_SYSTEM32: machine.system32,
    POWERSHELL_TELEMETRY_OPTOUT: '1',
    POWERSHELL_UPDATECHECK: 'Off',
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    ...extra,
  };
}

/** Runs one script file under pwsh on the double machine. */
export async function runScriptOnDouble(machine: DoubleMachine, script: string, options: RunScriptOptions = {}): Promise<PwshRun> {
  const pwsh = findPwsh();
  if (!pwsh) throw new Error(pwshMissingReason() ?? 'pwsh missing');
  const state = await machine.state();
  const params: string[] = [];
  for (const [name, value] of Object.entries(options.params ?? {})) {
    if (value === true) params.push(`-${name}`);
    else if (value !== false) params.push(`-${name}`, String(value));
  }
  const env = doubleEnvironment(machine, state, options.env);
  let args: string[];
  if (options.strictLatest || options.languageMode === 'ConstrainedLanguage') {
    env.ACS_DOUBLE_SCRIPT = script;
    env.ACS_DOUBLE_PARAMS = JSON.stringify(options.params ?? {});
    const bootstrap = [
      options.strictLatest ? 'Set-StrictMode -Version Latest' : '',
      '$acsDoubleParams = $env:ACS_DOUBLE_PARAMS | ConvertFrom-Json -AsHashtable',
      options.languageMode === 'ConstrainedLanguage' ? "$ExecutionContext.SessionState.LanguageMode = 'ConstrainedLanguage'" : '',
      '& $env:ACS_DOUBLE_SCRIPT @acsDoubleParams',
      'exit $LASTEXITCODE',
    ]
      .filter((line) => line !== '')
      .join('\n');
    args = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', bootstrap];
  } else {
    args = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', script, ...params];
  }
  return runProcess(pwsh, args, { env, stdin: options.stdin ?? '', timeoutMs: options.timeoutMs ?? 60_000, cwd: options.workingDirectory ?? machine.dir });
}

export function runProcess(file: string, args: string[], options: { env: Record<string, string>; stdin: string; timeoutMs: number; cwd: string }): Promise<PwshRun> {
  return new Promise((resolvePromise) => {
    const started = Date.now();
    const child = spawn(file, args, { env: options.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, options.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ exitCode: timedOut ? null : code, stdout, stderr, timedOut, durationMs: Date.now() - started });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin);
  });
}

/** Runs a few lines of PowerShell on the double (for checks of the double itself). */
export async function runPwshOnDouble(machine: DoubleMachine, command: string, timeoutMs = 60_000): Promise<PwshRun> {
  const pwsh = findPwsh();
  if (!pwsh) throw new Error(pwshMissingReason() ?? 'pwsh missing');
  const env = doubleEnvironment(machine, await machine.state());
  return runProcess(pwsh, ['-NoProfile', '-NonInteractive', '-Command', `Import-Module $env:ACS_WINDOWS_DOUBLE\n${command}`], { env, stdin: '', timeoutMs, cwd: machine.dir });
}

export { viewPathFor };
export const pwshVersion = (): string | null => {
  const pwsh = findPwsh();
  if (!pwsh) return null;
  const out = spawnSync(pwsh, ['-NoProfile', '-Command', '$PSVersionTable.PSVersion.ToString()'], { encoding: 'utf8' });
  return out.stdout.trim() || null;
};
