// The `acs-assistant` command line: one subcommand per job, each in commands/. Usage errors exit 64,
// bad input files 65; each command documents its own codes (see README and docs/).
import { Command, CommanderError, Help, type Option } from 'commander';
import { t, type Locale } from '../shared/i18n/index.js';
import { languageOfArgv, withLanguageOption } from './lang.js';
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
  /** The language of --help (a --lang anywhere on the line, else the system language): descriptions are built in it. */
  locale: Locale;
}

/** commander's headings in the help's language. */
function helpTitles(locale: Locale): Record<string, string> {
  return {
    'Usage:': t(locale, 'cli.help.usage'),
    'Options:': t(locale, 'cli.help.options'),
    'Commands:': t(locale, 'cli.help.commands'),
    'Arguments:': t(locale, 'cli.help.arguments'),
    'Global Options:': t(locale, 'cli.help.globalOptions'),
  };
}

/** commander's own error lines ("error: missing required argument 'file'") in the chosen language; others as they are. */
export function localizeCommanderError(text: string, locale: Locale): string {
  if (locale === 'en') return text;
  const body = text.replace(/\n$/, '');
  const [first = '', ...rest] = body.split('\n');
  const guess = /^\(Did you mean (.+)\?\)$/.exec(rest.join('\n'));
  const hint = guess ? `\n${t(locale, 'cli.error.didYouMean', { suggestion: guess[1]! })}` : rest.length > 0 ? `\n${rest.join('\n')}` : '';
  const say = (line: string) => `${t(locale, 'cli.error.prefix', { message: line })}${hint}\n`;
  let match: RegExpExecArray | null;
  if ((match = /^error: missing required argument '(.+)'$/.exec(first))) return say(t(locale, 'cli.error.missingArgument', { name: match[1]! }));
  if ((match = /^error: option '(.+)' argument missing$/.exec(first))) return say(t(locale, 'cli.error.optionArgumentMissing', { option: match[1]! }));
  if ((match = /^error: required option '(.+)' not specified$/.exec(first))) return say(t(locale, 'cli.error.requiredOption', { option: match[1]! }));
  if ((match = /^error: unknown option '(.+)'$/.exec(first))) return say(t(locale, 'cli.error.unknownOption', { option: match[1]! }));
  if ((match = /^error: unknown command '(.+)'$/.exec(first))) return say(t(locale, 'cli.error.unknownCommand', { command: match[1]! }));
  if ((match = /^error: too many arguments(?: for '.+')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(first)))
    return say(t(locale, 'cli.error.tooManyArguments', { expected: Number(match[1]), got: Number(match[2]) }));
  if ((match = /^error: option '(.+)' argument '(.*)' is invalid\.$/.exec(first))) return say(t(locale, 'cli.error.invalidValue', { option: match[1]!, value: match[2]! }));
  return text;
}

export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  // The language is known before anything is registered, so every description is written in it.
  const locale = languageOfArgv(argv);
  const context: CliContext = { io, exitCode: ExitCode.ok, locale };
  const titles = helpTitles(locale);
  const program = new Command();
  program
    .name('acs-assistant')
    .description(t(locale, 'cli.help.program'))
    .version(PROGRAM_VERSION, '-V, --version', t(locale, 'cli.help.version'))
    .helpOption('-h, --help', t(locale, 'cli.help.help'))
    .helpCommand('help [command]', t(locale, 'cli.help.help'))
    .configureHelp({
      styleTitle: (title: string) => titles[title] ?? title,
      // "(default: 8)" in the help's language.
      optionDescription: (option: Option) =>
        Help.prototype.optionDescription.call(new Help(), option).replace(/\(default: ([^)]*)\)/, (_whole, value: string) => t(locale, 'cli.help.default', { value })),
    })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(localizeCommanderError(text, locale)),
    })
    .showHelpAfterError(t(locale, 'cli.help.afterError'));
  // --lang before the command's name (acs-assistant --lang de fix --help) is accepted too.
  withLanguageOption(program, locale);

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
