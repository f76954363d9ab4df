// `acs-assistant collect [--out FILE] [--no-network] [--simulate PROFILE] [--list-profiles]`: writes a
// snapshot of this machine (or of a simulated profile) as JSON, progress per section on stderr.
// Exit codes: 0 written, 4 the file could not be written, 64 bad usage (unknown profile or section).
import { writeFile, rename } from 'node:fs/promises';
import type { Command } from 'commander';
import { collectSnapshot, CollectionCancelledError, PROBE_SECTIONS, type ProbeProgress, type ProbeSectionName } from '../../probe/collect.js';
import { createHost } from '../../host/create-host.js';
import { loadSimulator, NoDemoMachinesError } from '../../host/simulator.js';
import type { CommandRunner } from '../../windows/command-runner.js';
import { CliExit, ExitCode } from '../io.js';
import { terminalSafe } from '../terminal-text.js';
import type { CliContext } from '../main.js';
import { cliLocale, withLanguageOption } from '../lang.js';
import { t, type Locale } from '../../shared/i18n/index.js';

interface CollectCliOptions {
  lang?: string;
  out?: string;
  network: boolean;
  simulate?: string;
  listProfiles?: boolean;
  sections?: string;
  timeout?: string;
  quiet?: boolean;
}

const MARKS: Record<ProbeProgress['status'], string> = { started: '…', done: 'ok', failed: 'FAILED', skipped: 'skipped' };

export function formatProgress(progress: ProbeProgress): string {
  const detail = progress.message ? `: ${terminalSafe(progress.message).replace(/\n/g, ' ')}` : '';
  return `collect: ${progress.section} ${MARKS[progress.status]} (${progress.elapsedMs} ms)${detail}\n`;
}

function parseSections(text: string | undefined, locale: Locale): ProbeSectionName[] | undefined {
  if (text === undefined) return undefined;
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !(PROBE_SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new CliExit(ExitCode.usage, t(locale, 'cli.collect.unknownSections', { count: unknown.length, sections: unknown.join(', '), known: PROBE_SECTIONS.join(', ') }));
  return names as ProbeSectionName[];
}

export function registerCollect(program: Command, context: CliContext): void {
  const help = (id: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(context.locale, id, params);
  withLanguageOption(program.command('collect'), context.locale)
    .description(help('cli.help.collect'))
    .option('-o, --out <file>', help('cli.help.collect.out'))
    .option('--no-network', help('cli.help.collect.noNetwork'))
    .option('--simulate <profile>', help('cli.help.collect.simulate'))
    .option('--list-profiles', help('cli.help.collect.listProfiles'))
    .option('--sections <list>', help('cli.help.collect.sections', { sections: PROBE_SECTIONS.join(', ') }))
    .option('--timeout <ms>', help('cli.help.collect.timeout'))
    .option('-q, --quiet', help('cli.help.collect.quiet'))
    .action(async (options: CollectCliOptions) => {
      const locale = cliLocale(options.lang);
      if (options.listProfiles) {
        const simulator = await loadSimulator().catch((error: unknown) => {
          throw error instanceof NoDemoMachinesError ? new CliExit(ExitCode.usage, error.message) : error;
        });
        for (const profile of await simulator.listSimulatedProfiles()) context.io.stdout(`${profile.name.padEnd(36)} ${profile.title}\n`);
        context.exitCode = ExitCode.ok;
        return;
      }
      const sections = parseSections(options.sections, locale);
      const timeoutMs = options.timeout === undefined ? undefined : Number(options.timeout);
      if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs < 1000)) throw new CliExit(ExitCode.usage, t(locale, 'cli.collect.timeout'));
      let runner: CommandRunner;
      if (options.simulate !== undefined) {
        try {
          runner = (await createHost({ kind: 'simulated', profile: options.simulate })).runner;
        } catch (error) {
          throw new CliExit(ExitCode.usage, error instanceof Error ? error.message : String(error));
        }
        if (!options.quiet) context.io.stderr(`${t(locale, 'cli.collect.simulated', { profile: options.simulate })}\n`);
      } else {
        runner = (await createHost({ kind: 'this-computer' })).runner;
      }
      const controller = new AbortController();
      const onInterrupt = () => controller.abort();
      process.once('SIGINT', onInterrupt);
      let snapshot;
      try {
        snapshot = await collectSnapshot({
          runner,
          network: options.network,
          signal: controller.signal,
          ...(sections ? { sections } : {}),
          ...(timeoutMs !== undefined ? { timeoutMs } : {}),
          onProgress: (progress) => {
            if (!options.quiet && progress.status !== 'started') context.io.stderr(formatProgress(progress));
          },
        });
      } catch (error) {
        if (error instanceof CollectionCancelledError) throw new CliExit(ExitCode.failed, t(locale, 'cli.collect.cancelled'));
        throw error;
      } finally {
        process.removeListener('SIGINT', onInterrupt);
      }
      const text = `${JSON.stringify(snapshot, null, 2)}\n`;
      if (options.out === undefined) {
        context.io.stdout(text);
      } else {
        const temporary = `${options.out}.partial`;
        try {
          await writeFile(temporary, text, 'utf8');
          await rename(temporary, options.out);
        } catch (error) {
          throw new CliExit(ExitCode.failed, t(locale, 'cli.collect.cannotWrite', { file: options.out, error: error instanceof Error ? error.message : String(error) }));
        }
        if (!options.quiet) context.io.stderr(`${t(locale, 'cli.collect.written', { file: options.out })}\n`);
      }
      const failed = snapshot.errors?.length ?? 0;
      if (!options.quiet && failed > 0) context.io.stderr(`${t(locale, 'cli.collect.partsFailed', { count: failed })}\n`);
      context.exitCode = ExitCode.ok;
    });
}
