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

export const VERDICT_EXIT_CODE: Record<Verdict, number> = {
  ready: ExitCode.ready,
  'action-required': ExitCode.actionRequired,
  unsupported: ExitCode.unsupported,
  unknown: ExitCode.unknown,
};

export function registerDiagnose(program: Command, context: CliContext): void {
  withLanguageOption(program.command('diagnose'))
    .description(
      'Diagnose a snapshot file ("-" reads standard input): a short answer to read on the phone (verdict, what is wrong, the next step, the support code); --verbose adds every finding with its evidence. Exit code: 0 ready, 1 action required, 2 unsupported, 3 unknown, 64 usage, 65 invalid snapshot.',
    )
    .argument('<file>', 'snapshot file (acs-snapshot JSON) or "-"')
    .option('--verbose', 'every finding with its evidence, and the whole plan')
    .option('--json', 'print the diagnosis as acs-diagnosis JSON')
    .action(async (file: string, options: { json?: boolean; verbose?: boolean; lang?: string }) => {
      const locale = cliLocale(options.lang);
      const parsed = file === '-' ? parseSnapshotText(await context.io.readStdin()) : await readSnapshotFile(file);
      if (!parsed.ok) throw new CliExit(ExitCode.invalidInput, parsed.error);
      const diagnosis = diagnose(parsed.snapshot);
      context.io.stdout(options.json ? terminalSafeJson(diagnosis) : options.verbose ? formatDiagnosisText(diagnosis, locale) : formatDiagnosisShort(diagnosis, parsed.snapshot, locale));
      context.exitCode = VERDICT_EXIT_CODE[diagnosis.verdict];
    });
}
