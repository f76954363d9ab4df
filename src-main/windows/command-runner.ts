// The one seam where the program touches Windows: every external command (PowerShell, certutil,
// reg, sc, wevtutil, wusa, DISM…) goes through a CommandRunner. Real Windows gets the execFile
// implementation; tests and demos get the simulated host of the Windows double (test/windows-double/), which answers
// as real Windows would.

export interface CommandRequest {
  /** Program to start, e.g. "powershell.exe" or "certutil.exe". Never a shell command line. */
  file: string;
  /** Arguments, one element each: they are passed to the program as they are, never parsed by a shell. */
  args: readonly string[];
  /** Text written to the program's standard input (how JSON input reaches our scripts). */
  stdin?: string;
  /** Extra environment values (the other way data reaches a script without touching its text). */
  env?: Readonly<Record<string, string>>;
  /** Every command has a time limit; past it the process tree is ended. */
  timeoutMs: number;
  /** Output beyond this many bytes is cut and `truncated` set. */
  maxOutputBytes?: number;
  /** Cancels the command (the process is ended, `cancelled` set). */
  signal?: AbortSignal;
}

export interface CommandResult {
  /** The exit code, or null when the process did not exit by itself (timeout, cancel, spawn failure). */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  cancelled: boolean;
  truncated: boolean;
  durationMs: number;
  /** Set when the program could not be started at all (ENOENT: not installed; EACCES: blocked). */
  spawnError?: { code: string; message: string };
}

/** Which machine answers a runner's commands, when it is not this computer. */
export type RunnerIdentity = { kind: 'simulated'; profile: string };

export interface CommandRunner {
  run(request: CommandRequest): Promise<CommandResult>;
  /** Set by a simulated machine's runner: its snapshots record collector method "simulated" and the profile. */
  readonly identity?: RunnerIdentity;
}

/** A runner that counts the processes it starts (benchmarks and tests of "one PowerShell process"). */
export class CountingRunner implements CommandRunner {
  readonly started: CommandRequest[] = [];
  constructor(private readonly inner: CommandRunner) {}
  get identity(): RunnerIdentity | undefined {
    return this.inner.identity;
  }
  run(request: CommandRequest): Promise<CommandResult> {
    this.started.push(request);
    return this.inner.run(request);
  }
}
