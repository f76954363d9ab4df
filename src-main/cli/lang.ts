// The command line's language: --lang en|de|ja on every command that prints or writes text, else the
// system locale (LC_ALL, LC_MESSAGES, LANG, then what Intl reports), else English. The help text is built
// before commander parses the line, in the language of a --lang found anywhere on it (languageOfArgv).
import type { Command } from 'commander';
import { isLocale, matchLocale, PSEUDO_LOCALE, t, type DisplayLocale, type Locale } from '../shared/i18n/index.js';
import { CliExit, ExitCode } from './io.js';

export type { Locale };

/** The language from the environment alone ("C" and "POSIX" say nothing). */
export function systemLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const found = matchLocale([env.LC_ALL, env.LC_MESSAGES, env.LANG, Intl.DateTimeFormat().resolvedOptions().locale]);
  return found === null || found === PSEUDO_LOCALE ? 'en' : found;
}

let lineLanguage: string | undefined;

/** The value of the first --lang on a command line ("--lang de" or "--lang=de"), if any. */
export function langArgument(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--') return undefined;
    if (arg === '--lang') return argv[index + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

/** The language of a command line before it is parsed: its --lang when valid, else the system language.
 * It is also what a command uses when the --lang was given before the command's name. */
export function languageOfArgv(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Locale {
  lineLanguage = langArgument(argv);
  const value = lineLanguage?.trim().toLowerCase();
  return isLocale(value) ? value : systemLocale(env);
}

/** --lang when given (en, de or ja; anything else is a usage error), else the system language. */
export function cliLocale(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Locale {
  if (option === undefined) option = lineLanguage;
  if (option === undefined) return systemLocale(env);
  const value = option.trim().toLowerCase();
  if (!isLocale(value)) throw new CliExit(ExitCode.usage, t(systemLocale(env), 'cli.lang.unknown', { lang: option }));
  return value;
}

/** Adds --lang to a command (its help text in the help's language). */
export function withLanguageOption(command: Command, locale: Locale = systemLocale()): Command {
  return command.option('--lang <language>', t(locale, 'cli.option.lang'));
}

export type { DisplayLocale };
