// `acs-assistant fleet DIR [--csv FILE] [--html FILE] [--ndjson FILE] [--json]`: summarises a folder of
// snapshots collected across a fleet. Exit 0 summarised (unreadable files are listed, not fatal), 4 an
// output file could not be written, 65 the folder cannot be read.
import type { Command } from 'commander';
import { fleetCsvChunks, FleetFolderError, fleetHtmlChunks, fleetNdjsonChunks, formatFleetText, summarizeFleet } from '../../fleet/index.js';
import { FLEET_TEXTS } from '../../fleet/messages.js';
import { localized, renderMessage, t, type Locale } from '../../shared/i18n/index.js';
import { cliLocale, withLanguageOption } from '../lang.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { CliExit, ExitCode } from '../io.js';
import type { CliContext } from '../main.js';
import { terminalSafe, terminalSafeJson } from '../terminal-text.js';

async function writeOutput(path: string, content: Iterable<string>, locale: Locale): Promise<void> {
  try {
    await writeFileAtomic(path, content);
  } catch (error) {
    throw new CliExit(ExitCode.failed, terminalSafe(renderMessage(FLEET_TEXTS.cannotWrite(path, (error as NodeJS.ErrnoException).code ?? String(error)), locale)));
  }
}

const integer = (value: string) => (/^\d+$/.test(value) ? Number.parseInt(value, 10) : Number.NaN);

export function registerFleet(program: Command, context: CliContext): void {
  const help = (id: Parameters<typeof t>[1]) => t(context.locale, id);
  withLanguageOption(program.command('fleet'), context.locale)
    .description(help('cli.help.fleet'))
    .argument('<dir>', help('cli.help.fleet.dir'))
    .option('--csv <file>', help('cli.help.fleet.csv'))
    .option('--html <file>', help('cli.help.fleet.html'))
    .option('--ndjson <file>', help('cli.help.fleet.ndjson'))
    .option('--json', help('cli.help.fleet.json'))
    .option('--concurrency <n>', help('cli.help.fleet.concurrency'), integer, 8)
    .option('--workers <n>', help('cli.help.fleet.workers'), integer)
    .action(async (dir: string, options: { csv?: string; html?: string; ndjson?: string; json?: boolean; concurrency: number; workers?: number; lang?: string }) => {
      const locale = cliLocale(options.lang);
      if (!Number.isInteger(options.concurrency) || options.concurrency < 1 || options.concurrency > 64) throw new CliExit(ExitCode.usage, renderMessage(FLEET_TEXTS.usageConcurrency, locale));
      if (options.workers !== undefined && (!Number.isInteger(options.workers) || options.workers < 0 || options.workers > 16))
        throw new CliExit(ExitCode.usage, renderMessage(FLEET_TEXTS.usageWorkers, locale));
      let summary;
      try {
        summary = await summarizeFleet(dir, { concurrency: options.concurrency, ...(options.workers !== undefined ? { workers: options.workers } : {}) });
      } catch (error) {
        if (error instanceof FleetFolderError) throw new CliExit(ExitCode.invalidInput, terminalSafe(localized(error.message, error.messageRef, locale)));
        throw error;
      }
      // Written piece by piece: the table of 100,000 machines is never one string in memory.
      // CSV and NDJSON are data (the same in every language); the text and the HTML page are in the chosen language.
      if (options.csv) await writeOutput(options.csv, fleetCsvChunks(summary), locale);
      if (options.html) await writeOutput(options.html, fleetHtmlChunks(summary, locale), locale);
      if (options.ndjson) await writeOutput(options.ndjson, fleetNdjsonChunks(summary), locale);
      context.io.stdout(options.json ? terminalSafeJson(summary) : terminalSafe(formatFleetText(summary, locale)));
      context.exitCode = ExitCode.ok;
    });
}
