// `acs-assistant decode CODE [--json]`: turns a support code read over the phone back into the
// machine's summary. Exit 0 decoded, 65 not a valid code (misheard character, wrong length…).
import type { Command } from 'commander';
import { decodeSupportCode, describeSupportSummary } from '../../support-code/index.js';
import { CliExit, ExitCode } from '../io.js';
import type { CliContext } from '../main.js';
import { terminalSafe } from '../terminal-text.js';
import { cliLocale, withLanguageOption } from '../lang.js';
import { t } from '../../shared/i18n/index.js';

export function registerDecode(program: Command, context: CliContext): void {
  withLanguageOption(program.command('decode'))
    .description('Decode a support code such as ACS-7Q2F-K9XD (any case, hyphens optional). Exit code: 0 decoded, 64 usage, 65 not a valid code.')
    .argument('<code...>', 'the support code (may be given in parts: ACS 7Q2F K9XD)')
    .option('--json', 'print the code, the summary and the labelled facts as JSON')
    .action((parts: string[], options: { json?: boolean; lang?: string }) => {
      const locale = cliLocale(options.lang);
      const decoded = decodeSupportCode(parts.join(' '));
      if (!decoded.ok) throw new CliExit(ExitCode.invalidInput, `${terminalSafe(parts.join(' '))}: ${decoded.error}`);
      const facts = describeSupportSummary(decoded.summary, locale);
      if (options.json) {
        context.io.stdout(`${JSON.stringify({ code: decoded.code, summary: decoded.summary, facts }, null, 2)}\n`);
      } else {
        const width = Math.max(...facts.map((fact) => fact.label.length));
        context.io.stdout(`${t(locale, 'cli.decode.heading', { code: decoded.code })}\n${facts.map((fact) => `  ${fact.label.padEnd(width)}  ${fact.value}`).join('\n')}\n`);
      }
      context.exitCode = ExitCode.ok;
    });
}
