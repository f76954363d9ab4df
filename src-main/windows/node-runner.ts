// The real CommandRunner: starts a program with an argument array (spawn, never a shell), hidden
// window, stdin text, a time limit that ends the whole process tree, an output cap and cancellation.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import type { CommandRequest, CommandResult, CommandRunner } from './command-runner.js';

/** A request whose stderr is also handed over line by line while the program runs (progress). */
export interface StreamingCommandRequest extends CommandRequest {
  onStderrLine?: (line: string) => void;
}

export const DEFAULT_MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

export interface NodeRunnerOptions {
  /** How a timed-out or cancelled process tree is ended (tests may replace it). */
  killTree?: (child: ChildProcess) => void;
}

export function createNodeRunner(options: NodeRunnerOptions = {}): CommandRunner {
  const killTree = options.killTree ?? defaultKillTree;
  return { run: (request) => runCommand(request as StreamingCommandRequest, killTree) };
}

function runCommand(request: StreamingCommandRequest, killTree: (child: ChildProcess) => void): Promise<CommandResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const idle: CommandResult = { exitCode: null, stdout: '', stderr: '', timedOut: false, cancelled: false, truncated: false, durationMs: 0 };
  if (request.signal?.aborted) return Promise.resolve({ ...idle, cancelled: true });
  return new Promise<CommandResult>((resolve) => {
    let timedOut = false;
    let cancelled = false;
    let truncated = false;
    let settled = false;
    const cap = request.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
    const stdoutChunks: Buffer[] = [];
    const stderrChunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let pendingLine = '';
    let child: ChildProcess;
    try {
      child = spawn(request.file, [...request.args], {
        windowsHide: true,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: request.env ? { ...process.env, ...request.env } : process.env,
        // On POSIX the child leads its own process group so the whole tree can be ended.
        detached: process.platform !== 'win32',
      });
    } catch (error) {
      // Invalid arguments (e.g. a NUL byte in an argument) are reported like a start failure.
      const message = error instanceof Error ? error.message : String(error);
      resolve({ ...idle, durationMs: elapsed(), spawnError: { code: 'EINVAL', message } });
      return;
    }

    const finish = (result: Omit<CommandResult, 'stdout' | 'stderr' | 'timedOut' | 'cancelled' | 'truncated' | 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      if (pendingLine !== '') request.onStderrLine?.(pendingLine.replace(/\r$/, ''));
      resolve({
        ...result,
        stdout: decodeWindowsOutput(Buffer.concat(stdoutChunks)),
        stderr: decodeWindowsOutput(Buffer.concat(stderrChunks)),
        timedOut,
        cancelled,
        truncated,
        durationMs: elapsed(),
      });
    };

    const keep = (chunks: Buffer[], size: number, chunk: Buffer): number => {
      const room = cap - size;
      if (room <= 0 || chunk.length > room) {
        if (room > 0) chunks.push(chunk.subarray(0, room));
        if (!truncated) {
          truncated = true;
          killTree(child);
        }
        return cap;
      }
      chunks.push(chunk);
      return size + chunk.length;
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      stdoutBytes = keep(stdoutChunks, stdoutBytes, chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderrBytes = keep(stderrChunks, stderrBytes, chunk);
      if (request.onStderrLine) {
        pendingLine += chunk.toString('utf8');
        const lines = pendingLine.split('\n');
        pendingLine = lines.pop() ?? '';
        for (const line of lines) request.onStderrLine(line.replace(/\r$/, ''));
      }
    });
    // A failure to start (ENOENT: not installed, EACCES: blocked) arrives as 'error' without an exit.
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (child.pid === undefined) finish({ exitCode: null, spawnError: { code: error.code ?? 'UNKNOWN', message: error.message } });
    });
    child.once('close', (code) => {
      finish({ exitCode: timedOut || cancelled || truncated ? null : code });
    });
    if (child.stdin) {
      child.stdin.on('error', () => undefined); // the program may exit without reading its input
      child.stdin.end(request.stdin ?? '');
    }

    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child);
    }, request.timeoutMs);
    const onAbort = () => {
      cancelled = true;
      killTree(child);
    };
    request.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Ends a process and everything it started: taskkill /T on Windows, the process group elsewhere. */
function defaultKillTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  if (process.platform === 'win32') {
    execFile('taskkill.exe', ['/PID', String(child.pid), '/T', '/F'], { windowsHide: true, timeout: 5000 }, () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    return;
  }
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/**
 * Windows tools print UTF-16 (certutil -Unicode, some tools), UTF-8 (our script) or the console code
 * page. UTF-16 is recognised by its byte order mark or its NUL bytes; valid UTF-8 is taken as such;
 * anything else is read as Windows-1252, which keeps ASCII labels and numbers intact.
 */
export function decodeWindowsOutput(buffer: Buffer | string): string {
  if (typeof buffer === 'string') return buffer;
  if (buffer.length === 0) return '';
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.subarray(3).toString('utf8');
  const sample = buffer.subarray(0, Math.min(buffer.length, 512));
  let oddNuls = 0;
  for (let index = 1; index < sample.length; index += 2) if (sample[index] === 0) oddNuls++;
  if (sample.length >= 4 && oddNuls >= sample.length / 4) return buffer.toString('utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}
