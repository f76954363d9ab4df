// What a CLI command may touch: its output streams and exit codes. Tests pass their own.
import { decodeSnapshotBytes } from '../snapshot/parse.js';
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for `-` as a file name). */
  readStdin: () => Promise<string>;
  /** Can a person answer questions (stdin and stdout are a terminal)? Absent = no. */
  isInteractive?: () => boolean;
  /** Asks one question on the terminal and returns the answer line. */
  prompt?: (question: string) => Promise<string>;
}

/** Exit codes shared by every command, chosen for fleet tools (Intune Remediations: 1 = needs remediation). */
export const ExitCode = {
  ready: 0,
  actionRequired: 1,
  unsupported: 2,
  unknown: 3,
  /** The command ran and did its job (collect, report, fleet…). */
  ok: 0,
  /** Something failed that is not the user's input (a fix that failed, a write that failed). */
  failed: 4,
  /** A fix worked but Windows must restart before it takes effect. */
  rebootRequired: 5,
  usage: 64,
  invalidInput: 65,
  internal: 70,
} as const;

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      // A snapshot piped in as Windows wrote it (UTF-16 or UTF-8 with a byte-order mark) reads as itself.
      return decodeSnapshotBytes(Buffer.concat(chunks));
    },
    isInteractive: () => process.stdin.isTTY === true && process.stdout.isTTY === true,
    prompt: async (question) => {
      const { createInterface } = await import('node:readline/promises');
      const terminal = createInterface({ input: process.stdin, output: process.stdout });
      try {
        // Ctrl+D (end of input) at the question is an empty answer: "no".
        return await new Promise<string>((resolve) => {
          terminal.once('close', () => resolve(''));
          terminal.question(question).then(resolve, () => resolve(''));
        });
      } finally {
        terminal.close();
      }
    },
  };
}

/** Thrown by a command to end with a given exit code and one line on stderr. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}
