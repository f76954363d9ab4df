// `acs-assistant kit`: the field kit (docs/field-kit.md). Builds a fix kit for the computer of a snapshot
// (for Windows the app cannot run on, or a server nobody may install an app on), a collector-only stick,
// or reads back what a kit did (--result DIR).
import type { Command } from 'commander';
import { checkUpdatePackage } from '../../fixes/package-check.js';
import { createHost } from '../../host/create-host.js';
import { buildCollectorKit, buildFixKit, KitError, KitReadError, readKitResult, type KitReadBack } from '../../kit/index.js';
import { readSnapshotFile } from '../../snapshot/parse.js';
import { CliExit, ExitCode } from '../io.js';
import { terminalSafe, terminalSafeJson } from '../terminal-text.js';
import type { CliContext } from '../main.js';
import { cliLocale, withLanguageOption } from '../lang.js';
import { localized, t, type Locale } from '../../shared/i18n/index.js';

/** Exit codes of `kit` (also in --help). */
export const KitExitCode = {
  written: 0,
  /** --result: every step is done. */
  allDone: 0,
  /** --result: steps still to do (the kit has not run yet, or waits for a restart). */
  stepsToDo: 1,
  /** No kit can be built for this computer (it is ready, not Windows, or its plan has steps a kit cannot do). */
  noKit: 2,
  /** The update file was refused (another Windows, architecture or KB, renamed, not signed by Microsoft); --result: a step failed or the kit refused to run. */
  refused: 4,
  usage: ExitCode.usage,
  invalidInput: ExitCode.invalidInput,
  /** The output folder is not empty or cannot be written. */
  cannotWrite: 73,
} as const;

const ERROR_EXIT: Record<KitError['code'], number> = {
  'not-windows': KitExitCode.noKit,
  'nothing-to-fix': KitExitCode.noKit,
  'cannot-diagnose': KitExitCode.noKit,
  'steps-not-in-kit': KitExitCode.noKit,
  'package-needed': KitExitCode.usage,
  'package-not-needed': KitExitCode.usage,
  'package-refused': KitExitCode.refused,
  'out-not-empty': KitExitCode.cannotWrite,
};

interface KitCliOptions {
  out?: string;
  package?: string;
  collectorOnly?: boolean;
  result?: string;
  simulate?: string;
  json?: boolean;
  lang?: string;
}

/** What a kit did, in the chosen language (the kit's own result and step messages are in the kit's language). */
export function formatKitReadBack(read: KitReadBack, locale: Locale = 'en'): string {
  const target = read.kit.target;
  const lines = [t(locale, 'cli.kit.read.heading', { computer: target.computerName, product: target.productName, build: String(target.currentBuild), date: read.kit.createdAt.slice(0, 10) })];
  if (read.changedFiles.length > 0) lines.push(t(locale, 'cli.kit.read.changed', { files: read.changedFiles.join(', ') }));
  lines.push(read.result ? t(locale, 'cli.kit.read.result', { message: read.result.message }) : t(locale, 'cli.kit.read.notRun'));
  read.steps.forEach((step) => lines.push(`  ${step.index + 1}. ${step.title}: ${t(locale, 'cli.kit.read.state', { state: step.state })}${step.message ? ` (${step.message})` : ''}`));
  if (read.diagnosis) lines.push(t(locale, 'cli.kit.read.after', { headline: localized(read.diagnosis.headline, read.diagnosis.headlineMessage, locale) }));
  else if (read.snapshotError) lines.push(t(locale, 'cli.kit.read.afterUnreadable', { error: localized(read.snapshotError, read.snapshotErrorMessage, locale) }));
  else if (read.result) lines.push(t(locale, 'cli.kit.read.noCheck'));
  return lines.join('\n') + '\n';
}

export function readBackExitCode(read: KitReadBack): number {
  if (read.steps.some((step) => step.state === 'failed') || read.result?.status === 'refused' || read.result?.status === 'stopped') return KitExitCode.refused;
  if (read.steps.some((step) => step.state === 'to-do')) return KitExitCode.stepsToDo;
  return KitExitCode.allDone;
}

async function readBack(context: CliContext, dir: string, options: KitCliOptions, locale: Locale): Promise<void> {
  let read: KitReadBack;
  try {
    read = await readKitResult(dir);
  } catch (error) {
    if (error instanceof KitReadError) throw new CliExit(ExitCode.invalidInput, localized(error.message, error.messageRef, locale));
    throw error;
  }
  context.io.stdout(
    options.json
      ? terminalSafeJson({ kit: read.kit, changedFiles: read.changedFiles, result: read.result, steps: read.steps, diagnosis: read.diagnosis })
      : terminalSafe(formatKitReadBack(read, locale)),
  );
  context.exitCode = readBackExitCode(read);
}

async function build(context: CliContext, snapshotFile: string | undefined, options: KitCliOptions, locale: Locale): Promise<void> {
  if (!options.out) throw new CliExit(ExitCode.usage, t(locale, 'cli.kit.needOut'));
  try {
    if (options.collectorOnly) {
      if (snapshotFile || options.package) throw new CliExit(ExitCode.usage, t(locale, 'cli.kit.collectorTakesNothing'));
      const built = await buildCollectorKit(options.out, locale);
      context.io.stdout(terminalSafe(`${t(locale, 'cli.kit.collectorWritten', { dir: built.dir, count: built.manifest.files.length })}\n`));
      context.exitCode = KitExitCode.written;
      return;
    }
    if (!snapshotFile) throw new CliExit(ExitCode.usage, t(locale, 'cli.kit.needSnapshot'));
    const parsed = await readSnapshotFile(snapshotFile);
    if (!parsed.ok) throw new CliExit(ExitCode.invalidInput, parsed.error);
    let checkPackage;
    if (options.package) {
      // The update file's signature is asked of Windows on this laptop (or of a simulated machine in development copies).
      const host = options.simulate
        ? await createHost({ kind: 'simulated', profile: options.simulate }).catch((error: Error) => {
            throw new CliExit(ExitCode.usage, error.message);
          })
        : await createHost({ kind: 'this-computer' });
      if (host.kind === 'other') throw new CliExit(KitExitCode.refused, t(locale, 'cli.kit.signatureOnWindows'));
      checkPackage = (path: string, expected: Parameters<typeof checkUpdatePackage>[2]) => checkUpdatePackage(host.runner, path, expected, host.files);
    }
    const built = await buildFixKit({
      snapshot: parsed.snapshot,
      outDir: options.out,
      language: locale,
      ...(options.package ? { packagePath: options.package } : {}),
      ...(checkPackage ? { checkPackage } : {}),
    });
    if (options.json) context.io.stdout(terminalSafeJson({ dir: built.dir, kit: built.kit, manifest: built.manifest, packageChecks: built.packageChecks }));
    else {
      const lines = [t(locale, 'cli.kit.fixWritten', { computer: built.kit!.target.computerName, dir: built.dir, count: built.manifest.files.length })];
      built.kit!.steps.forEach((step, index) => lines.push(`  ${index + 1}. ${step.title}${step.package ? ` (${step.package.file})` : ''}`));
      built.packageChecks.forEach((check) => lines.push(`  ${t(locale, 'cli.kit.checked', { message: localized(check.message, check.messageRef, locale) })}`));
      lines.push(t(locale, 'cli.kit.onTheComputer'));
      context.io.stdout(terminalSafe(lines.join('\n') + '\n'));
    }
    context.exitCode = KitExitCode.written;
  } catch (error) {
    if (error instanceof KitError)
      throw new CliExit(
        ERROR_EXIT[error.code],
        [localized(error.message, error.messageRef, locale), ...error.details.map((detail, index) => localized(detail, error.detailsMessages[index], locale))].join(' '),
      );
    if (error instanceof Error && 'code' in error && (error.code === 'EACCES' || error.code === 'EROFS' || error.code === 'ENOSPC' || error.code === 'EEXIST' || error.code === 'ENOTDIR'))
      throw new CliExit(KitExitCode.cannotWrite, t(locale, 'cli.kit.cannotWrite', { error: error.message }));
    throw error;
  }
}

export function registerKit(program: Command, context: CliContext): void {
  const help = (id: Parameters<typeof t>[1]) => t(context.locale, id);
  withLanguageOption(program.command('kit'), context.locale)
    .description(help('cli.help.kit'))
    .argument('[snapshot]', help('cli.help.kit.snapshot'))
    .option('--out <dir>', help('cli.help.kit.out'))
    .option('--package <file>', help('cli.help.kit.package'))
    .option('--collector-only', help('cli.help.kit.collectorOnly'))
    .option('--result <dir>', help('cli.help.kit.result'))
    .option('--simulate <profile>', help('cli.help.kit.simulate'))
    .option('--json', help('cli.help.kit.json'))
    .action(async (snapshotFile: string | undefined, options: KitCliOptions) => {
      const locale = cliLocale(options.lang);
      if (options.result) {
        if (snapshotFile || options.out || options.package || options.collectorOnly) throw new CliExit(ExitCode.usage, t(locale, 'cli.kit.resultAlone'));
        await readBack(context, options.result, options, locale);
      } else await build(context, snapshotFile, options, locale);
    });
}
