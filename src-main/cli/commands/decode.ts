// `acs-assistant decode CODE [--json]`: turns a support code read over the phone back into the
// machine's summary, what is missing there (the update by its KB) and what to tell the caller next.
// Exit 0 decoded, 65 not a valid code (misheard character, wrong length…).
import type { Command } from 'commander';
import { adviseSupportSummary, decodeSupportCode, describeSupportSummary } from '../../support-code/index.js';
import { supportAdviceMessages } from '../../shared/support-advice.js';
import { CliExit, ExitCode } from '../io.js';
import type { CliContext } from '../main.js';
import { terminalSafe } from '../terminal-text.js';
import { cliLocale, withLanguageOption } from '../lang.js';
import { renderMessage, t } from '../../shared/i18n/index.js';

export function registerDecode(program: Command, context: CliContext): void {
  const help = (id: Parameters<typeof t>[1]) => t(context.locale, id);
  withLanguageOption(program.command('decode'), context.locale)
    .description(help('cli.help.decode'))
    .argument('<code...>', help('cli.help.decode.code'))
    .option('--json', help('cli.help.decode.json'))
    .action((parts: string[], options: { json?: boolean; lang?: string }) => {
      const locale = cliLocale(options.lang);
      const decoded = decodeSupportCode(parts.join(' '));
      if (!decoded.ok) throw new CliExit(ExitCode.invalidInput, `${terminalSafe(parts.join(' '))}: ${decoded.error}`);
      const facts = describeSupportSummary(decoded.summary, locale);
      const advice = adviseSupportSummary(decoded.summary);
      const messages = supportAdviceMessages(advice);
      const missing = messages.missing.map((ref) => renderMessage(ref, locale));
      const next = messages.next.map((ref) => renderMessage(ref, locale));
      if (options.json) {
        context.io.stdout(`${JSON.stringify({ code: decoded.code, summary: decoded.summary, facts, advice, missing, next }, null, 2)}\n`);
      } else {
        const width = Math.max(...facts.map((fact) => fact.label.length));
        const lines = [
          t(locale, 'cli.decode.heading', { code: decoded.code }),
          ...facts.map((fact) => `  ${fact.label.padEnd(width)}  ${fact.value}`),
          '',
          t(locale, 'advice.missingHeading'),
          ...missing.map((line) => `  - ${line}`),
          '',
          t(locale, 'advice.nextHeading'),
          ...next.map((line, index) => `  ${index + 1}. ${line}`),
        ];
        context.io.stdout(`${lines.join('\n')}\n`);
      }
      context.exitCode = ExitCode.ok;
    });
}
