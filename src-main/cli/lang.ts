// The command line's language: --lang en|de|ja on every command that prints or writes text, else the
// system locale (LC_ALL, LC_MESSAGES, LANG, then what Intl reports), else English.
import type { Command } from 'commander';
import { isLocale, matchLocale, PSEUDO_LOCALE, t, type DisplayLocale, type Locale } from '../shared/i18n/index.js';
import { CliExit, ExitCode } from './io.js';

export type { Locale };

/** The language from the environment alone ("C" and "POSIX" say nothing). */
export function systemLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const found = matchLocale([env.LC_ALL, env.LC_MESSAGES, env.LANG, Intl.DateTimeFormat().resolvedOptions().locale]);
  return found === null || found === PSEUDO_LOCALE ? 'en' : found;
}

/** --lang when given (en, de or ja; anything else is a usage error), else the system language. */
export function cliLocale(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Locale {
  if (option === undefined) return systemLocale(env);
  const value = option.trim().toLowerCase();
  if (!isLocale(value)) throw new CliExit(ExitCode.usage, t(systemLocale(env), 'cli.lang.unknown', { lang: option }));
  return value;
}

/** Adds --lang to a command (its help text in the system language). */
export function withLanguageOption(command: Command): Command {
  return command.option('--lang <language>', t(systemLocale(), 'cli.option.lang'));
}

export type { DisplayLocale };
