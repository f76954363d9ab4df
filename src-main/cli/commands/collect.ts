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
import { t } from '../../shared/i18n/index.js';

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

function parseSections(text: string | undefined): ProbeSectionName[] | undefined {
  if (text === undefined) return undefined;
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !(PROBE_SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new CliExit(ExitCode.usage, `unknown section${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (known: ${PROBE_SECTIONS.join(', ')})`);
  return names as ProbeSectionName[];
}

export function registerCollect(program: Command, context: CliContext): void {
  withLanguageOption(program.command('collect'))
    .description(
      'Collect a snapshot of this machine (JSON on stdout, or --out FILE). Progress per section goes to stderr. Exit code: 0 written, 4 the file could not be written, 64 usage (unknown profile or section).',
    )
    .option('-o, --out <file>', 'write the snapshot to this file instead of stdout')
    .option('--no-network', 'do not check whether the root certificate update source can be reached')
    .option('--simulate <profile>', 'collect from a simulated Windows machine (see --list-profiles)')
    .option('--list-profiles', 'list the simulated machine profiles and exit')
    .option('--sections <list>', `only these sections, comma-separated (${PROBE_SECTIONS.join(', ')})`)
    .option('--timeout <ms>', 'time limit of the whole collection in milliseconds (default 30000)')
    .option('-q, --quiet', 'no progress on stderr')
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
      const sections = parseSections(options.sections);
      const timeoutMs = options.timeout === undefined ? undefined : Number(options.timeout);
      if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs < 1000)) throw new CliExit(ExitCode.usage, '--timeout must be a whole number of milliseconds, at least 1000');
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
          throw new CliExit(ExitCode.failed, `cannot write ${options.out}: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (!options.quiet) context.io.stderr(`${t(locale, 'cli.collect.written', { file: options.out })}\n`);
      }
      const failed = snapshot.errors?.length ?? 0;
      if (!options.quiet && failed > 0) context.io.stderr(`${t(locale, 'cli.collect.partsFailed', { count: failed })}\n`);
      context.exitCode = ExitCode.ok;
    });
}
