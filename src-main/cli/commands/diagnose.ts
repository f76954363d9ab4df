// `acs-assistant diagnose FILE [--json]`: reads a snapshot, prints the diagnosis, exits with a code
// fleet tools understand (0 ready, 1 action required, 2 unsupported, 3 unknown; 65 invalid snapshot).
import type { Command } from 'commander';
import { diagnose } from '../../diagnosis/diagnose.js';
import type { Verdict } from '../../diagnosis/schema.js';
import { parseSnapshotText, readSnapshotFile } from '../../snapshot/parse.js';
import { formatDiagnosisText } from '../diagnosis-text.js';
import { formatDiagnosisShort } from '../short-text.js';
import { CliExit, ExitCode } from '../io.js';
import { terminalSafeJson } from '../terminal-text.js';
import type { CliContext } from '../main.js';
import { cliLocale, withLanguageOption } from '../lang.js';
import { t } from '../../shared/i18n/index.js';

export const VERDICT_EXIT_CODE: Record<Verdict, number> = {
  ready: ExitCode.ready,
  'action-required': ExitCode.actionRequired,
  unsupported: ExitCode.unsupported,
  unknown: ExitCode.unknown,
};

export function registerDiagnose(program: Command, context: CliContext): void {
  const help = (id: Parameters<typeof t>[1]) => t(context.locale, id);
  withLanguageOption(program.command('diagnose'), context.locale)
    .description(help('cli.help.diagnose'))
    .argument('<file>', help('cli.help.snapshotFile'))
    .option('--verbose', help('cli.help.diagnose.verbose'))
    .option('--json', help('cli.help.diagnose.json'))
    .action(async (file: string, options: { json?: boolean; verbose?: boolean; lang?: string }) => {
      const locale = cliLocale(options.lang);
      const parsed = file === '-' ? parseSnapshotText(await context.io.readStdin()) : await readSnapshotFile(file);
      if (!parsed.ok) throw new CliExit(ExitCode.invalidInput, parsed.error);
      const diagnosis = diagnose(parsed.snapshot);
      context.io.stdout(options.json ? terminalSafeJson(diagnosis) : options.verbose ? formatDiagnosisText(diagnosis, locale) : formatDiagnosisShort(diagnosis, parsed.snapshot, locale));
      context.exitCode = VERDICT_EXIT_CODE[diagnosis.verdict];
    });
}
