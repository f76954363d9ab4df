// The simulated CommandRunner: finds the handler for a command (probe handlers first, then the fix
// handlers from fix-commands.ts) and turns its answer into a CommandResult the way the real runner
// would (timeouts, cancellation, output cap, spawn errors, stderr lines streamed as they "arrive").
import type { CommandRequest, CommandResult, CommandRunner } from '#product/windows/command-runner.js';
import type { StreamingCommandRequest } from '#product/windows/node-runner.js';
import type { MachineProfile } from './machine-state.js';
import type { SimulatedMachine } from './machine.js';

export interface SimulatedCommandContext {
  request: CommandRequest;
  machine: SimulatedMachine;
  profile: MachineProfile;
}

/** What a simulated command prints and returns, exactly as the real Windows command would. */
export interface SimulatedCommandOutput {
  exitCode: number;
  stdout: string;
  stderr?: string;
  /** How long the command takes on the simulated machine (default 50 ms). Past request.timeoutMs it times out. */
  durationMs?: number;
  /** The command never ends by itself (a hang): the runner reports a timeout. Lines in stderr still stream. */
  hangs?: boolean;
  /** The program could not be started (ENOENT: not installed; EACCES: blocked by AppLocker/WDAC). */
  spawnError?: { code: string; message: string };
  /** When each stderr line appears, in ms after the start (one entry per non-empty line); default: at the end. */
  stderrSchedule?: number[];
}

export interface SimulatedCommandHandler {
  /** Short name for logs and error messages, e.g. "reg query". */
  name: string;
  matches(request: CommandRequest, machine: SimulatedMachine): boolean;
  run(context: SimulatedCommandContext): SimulatedCommandOutput | Promise<SimulatedCommandOutput>;
}

/** "C:\\Windows\\System32\\certutil.exe" -> "certutil". */
export function commandName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.toLowerCase().replace(/\.(exe|com|cmd|bat)$/, '');
}

/** Case-insensitive argument lookup, as Windows tools treat switches. */
export function hasArg(args: readonly string[], value: string): boolean {
  return args.some((arg) => arg.toLowerCase() === value.toLowerCase());
}

export interface SimulatedRunnerOptions {
  /** Real milliseconds to wait per command (0 = answer at once). Waits end early on cancel. */
  latencyMs?: number;
  /**
   * Play commands in real time: real ms per simulated ms (1 = as long as on Windows, 0.25 = four times
   * faster; 0 or absent = at once). stderr lines (the probe's progress) then arrive on their schedule,
   * which lets a demo show the checking list ticking. Waits end early on cancel.
   */
  timeScale?: number;
}

export function createSimulatedRunner(machine: SimulatedMachine, profile: MachineProfile, handlers: () => readonly SimulatedCommandHandler[], options: SimulatedRunnerOptions = {}): CommandRunner {
  return {
    async run(request: CommandRequest): Promise<CommandResult> {
      const streaming = request as StreamingCommandRequest;
      const base: CommandResult = { exitCode: null, stdout: '', stderr: '', timedOut: false, cancelled: false, truncated: false, durationMs: 0 };
      if (request.signal?.aborted) return { ...base, cancelled: true };
      const handler = handlers().find((candidate) => candidate.matches(request, machine));
      if (!handler) {
        const message = `spawn ${request.file} ENOENT (the simulated host "${profile.name}" has no such command: ${request.file} ${request.args.join(' ')})`;
        machine.commandLog.push({ file: request.file, args: request.args, at: machine.state.now, exitCode: null });
        return { ...base, spawnError: { code: 'ENOENT', message } };
      }
      const output = await handler.run({ request, machine, profile });
      if (output.spawnError) {
        machine.commandLog.push({ file: request.file, args: request.args, at: machine.state.now, exitCode: null });
        return { ...base, spawnError: output.spawnError };
      }
      const duration = output.durationMs ?? 50;
      const timedOut = output.hangs === true || duration > request.timeoutMs;
      const elapsed = timedOut ? request.timeoutMs : duration;
      if (options.latencyMs && options.latencyMs > 0) {
        const cancelled = await wait(Math.min(options.latencyMs, elapsed), request.signal);
        if (cancelled) return { ...base, cancelled: true, durationMs: options.latencyMs };
      }
      const stderr = output.stderr ?? '';
      const lines = stderr.split(/\r?\n/).filter((line) => line !== '');
      const scale = options.timeScale && options.timeScale > 0 ? options.timeScale : 0;
      let waited = 0;
      for (const [index, line] of lines.entries()) {
        const at = Math.min(output.stderrSchedule?.[index] ?? elapsed, elapsed);
        if (scale > 0 && at * scale > waited) {
          if (await wait(at * scale - waited, request.signal)) return { ...base, cancelled: true, durationMs: at };
          waited = at * scale;
        }
        streaming.onStderrLine?.(line);
      }
      if (scale > 0 && elapsed * scale > waited && (await wait(elapsed * scale - waited, request.signal))) return { ...base, cancelled: true, durationMs: elapsed };
      machine.advanceClock(elapsed);
      if (request.signal?.aborted) return { ...base, cancelled: true, durationMs: elapsed };
      let stdout = timedOut ? '' : output.stdout;
      let truncated = false;
      const cap = request.maxOutputBytes;
      if (cap !== undefined && Buffer.byteLength(stdout, 'utf8') > cap) {
        stdout = Buffer.from(stdout, 'utf8').subarray(0, cap).toString('utf8');
        truncated = true;
      }
      const exitCode = timedOut ? null : output.exitCode;
      machine.commandLog.push({ file: request.file, args: request.args, at: machine.state.now, exitCode });
      return { exitCode, stdout, stderr, timedOut, cancelled: false, truncated, durationMs: elapsed };
    },
  };
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(true);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(false);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(true);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
