// Starting a built-in Windows tool for the fallback path and turning its failures into plain words.
import type { CommandResult, CommandRunner } from '../../windows/command-runner.js';

export interface ToolContext {
  runner: CommandRunner;
  signal?: AbortSignal;
  /** Time limit of each tool run. */
  timeoutMs: number;
}

/** Tools by full path under System32, so a program of the same name earlier in PATH is never started. */
export function systemTool(exe: string): string {
  const systemRoot = process.env.SystemRoot ?? process.env.windir ?? 'C:\\Windows';
  return `${systemRoot}\\System32\\${exe}`;
}

export function runTool(context: ToolContext, exe: string, args: readonly string[], maxOutputBytes = 8 * 1024 * 1024): Promise<CommandResult> {
  return context.runner.run({ file: systemTool(exe), args, timeoutMs: context.timeoutMs, maxOutputBytes, ...(context.signal ? { signal: context.signal } : {}) });
}

const ACCESS_DENIED = /access is denied|zugriff verweigert|アクセスが拒否|0x80070005|ERROR_ACCESS_DENIED/i;

export function isAccessDenied(result: CommandResult): boolean {
  return ACCESS_DENIED.test(result.stderr) || ACCESS_DENIED.test(result.stdout);
}

/** Why a tool run gave nothing usable, or null when it ran and exited 0. */
export function toolFailure(result: CommandResult, commandLine: string): string | null {
  if (result.spawnError) return `${commandLine}: the program could not be started (${result.spawnError.code})`;
  if (result.timedOut) return `${commandLine}: timed out after ${result.durationMs} ms`;
  if (result.truncated) return `${commandLine}: output larger than the limit`;
  if (result.exitCode === 0) return null;
  if (isAccessDenied(result)) return `${commandLine}: access denied (the account lacks the rights to read this)`;
  const firstLine = `${result.stderr}\n${result.stdout}`
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '');
  return `${commandLine}: exit code ${result.exitCode ?? 'none'}${firstLine ? ` (${firstLine.slice(0, 160)})` : ''}`;
}

/** reg query exits 1 both for "not found" and "access denied": only the text tells them apart. */
export function regNotFound(result: CommandResult): boolean {
  return result.exitCode === 1 && !result.spawnError && !result.timedOut && !isAccessDenied(result);
}
