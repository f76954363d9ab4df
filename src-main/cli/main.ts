// The `acs-assistant` command line: one subcommand per job, each in commands/. Usage errors exit 64,
// bad input files 65; each command documents its own codes (see README and docs/).
import { Command, CommanderError } from 'commander';
import { CliExit, ExitCode, processIo, type CliIo } from './io.js';
import { terminalSafeLine } from './terminal-text.js';
import { PROGRAM_VERSION } from '../version.js';
import { registerDiagnose } from './commands/diagnose.js';
import { registerReport } from './commands/report.js';
import { registerDecode } from './commands/decode.js';
import { registerFleet } from './commands/fleet.js';
import { registerFix } from './commands/fix.js';
import { registerCollect } from './commands/collect.js';
import { registerKit } from './commands/kit.js';

/** Each command registers itself on the program and sets `state.exitCode` when it runs. */
export interface CliContext {
  io: CliIo;
  exitCode: number;
}

export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const context: CliContext = { io, exitCode: ExitCode.ok };
  const program = new Command();
  program
    .name('acs-assistant')
    .description('Finds out why Trend Micro agent services fail to start after an ACS-signed update, and fixes it.')
    .version(PROGRAM_VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
    })
    .showHelpAfterError('(run "acs-assistant --help" for usage)');

  registerDiagnose(program, context);
  registerReport(program, context);
  registerDecode(program, context);
  registerFleet(program, context);
  registerFix(program, context);
  registerCollect(program, context);
  registerKit(program, context);

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CliExit) {
      io.stderr(`acs-assistant: ${terminalSafeLine(error.message)}\n`);
      return error.exitCode;
    }
    if (error instanceof CommanderError) {
      // Help and version are successful exits; everything else commander rejects is bad usage.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      return ExitCode.usage;
    }
    io.stderr(`acs-assistant: internal error: ${terminalSafeLine(error instanceof Error ? error.message : String(error))}\n`);
    return ExitCode.internal;
  }
}
