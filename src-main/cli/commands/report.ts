// `acs-assistant report SNAPSHOT --out DIR [--no-redact] [--journal FILE]`: writes a report folder
// (snapshot, diagnosis, HTML, summary, manifest). Exit 0 written, 65 invalid snapshot, 4 write failed.
import type { Command } from 'commander';
import { ActionJournal } from '../../fixes/journal.js';
import type { JournalEntry } from '../../journal/entry.js';
import { RedactionLimitError } from '../../redaction/redact.js';
import { exportReport, RedactionLeakError } from '../../report/export.js';
import { parseSnapshotText, readSnapshotFile } from '../../snapshot/parse.js';
import { CliExit, ExitCode } from '../io.js';
import type { CliContext } from '../main.js';
import { terminalSafe } from '../terminal-text.js';
import { cliLocale, withLanguageOption } from '../lang.js';
import { t } from '../../shared/i18n/index.js';

export function registerReport(program: Command, context: CliContext): void {
  const help = (id: Parameters<typeof t>[1]) => t(context.locale, id);
  withLanguageOption(program.command('report'), context.locale)
    .description(help('cli.help.report'))
    .argument('<snapshot>', help('cli.help.snapshotFile'))
    .requiredOption('--out <dir>', help('cli.help.report.out'))
    .option('--no-redact', help('cli.help.report.noRedact'))
    .option('--journal <file>', help('cli.help.report.journal'))
    .action(async (file: string, options: { out: string; redact: boolean; journal?: string; lang?: string }) => {
      const locale = cliLocale(options.lang);
      const parsed = file === '-' ? parseSnapshotText(await context.io.readStdin()) : await readSnapshotFile(file);
      if (!parsed.ok) throw new CliExit(ExitCode.invalidInput, parsed.error);
      let journal: JournalEntry[] = [];
      if (options.journal) {
        const read = await new ActionJournal(options.journal).read();
        const computer = parsed.snapshot.host?.computerName?.toLowerCase() ?? null;
        journal = read.entries.filter((entry) => entry.computer === null || computer === null || entry.computer.toLowerCase() === computer);
        if (read.damagedLines.length) context.io.stderr(`acs-assistant: ${t(locale, 'cli.report.damagedJournal', { count: read.damagedLines.length })}\n`);
      }
      let result;
      try {
        result = await exportReport({ snapshot: parsed.snapshot, journal, outDir: options.out, redact: options.redact, locale });
      } catch (error) {
        if (error instanceof RedactionLeakError || error instanceof RedactionLimitError) throw new CliExit(ExitCode.failed, terminalSafe(error.message));
        const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
        throw new CliExit(ExitCode.failed, terminalSafe(t(locale, 'cli.report.cannotWrite', { dir: options.out, reason })));
      }
      const lines = [
        t(locale, 'cli.report.written', { dir: terminalSafe(result.outDir) }),
        ...result.files.map((entry) => `  ${entry.name.padEnd(14)} ${entry.sha256}`),
        t(locale, 'cli.report.verdict', { verdict: t(locale, `verdict.${result.summary.verdict}`) }),
        t(locale, 'cli.report.supportCode', { code: result.summary.supportCode }),
        result.redacted
          ? t(locale, 'cli.report.redacted', { count: result.replacements.length, placeholders: result.summary.placeholders.join(', ') || t(locale, 'cli.report.noneFound') })
          : t(locale, 'cli.report.notRedacted'),
      ];
      context.io.stdout(`${lines.join('\n')}\n`);
      context.exitCode = ExitCode.ok;
    });
}
