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
}

const STATE_WORDS = { done: 'done', failed: 'FAILED', 'to-do': 'still to do' } as const;

export function formatKitReadBack(read: KitReadBack): string {
  const lines = [`Kit for ${read.kit.target.computerName} (${read.kit.target.productName}, build ${read.kit.target.currentBuild}), built ${read.kit.createdAt.slice(0, 10)}.`];
  if (read.changedFiles.length > 0) lines.push(`Files changed since the kit was built: ${read.changedFiles.join(', ')}.`);
  lines.push(read.result ? `Result: ${read.result.message}` : 'The kit has not been run yet (no result in its result folder).');
  read.steps.forEach((step) => lines.push(`  ${step.index + 1}. ${step.title}: ${STATE_WORDS[step.state]}${step.message ? ` (${step.message})` : ''}`));
  if (read.diagnosis) lines.push(`New check of the computer: ${read.diagnosis.headline}`);
  else if (read.snapshotError) lines.push(`The new check of the computer could not be read: ${read.snapshotError}`);
  else if (read.result) lines.push('The kit wrote no new check of the computer.');
  return lines.join('\n') + '\n';
}

export function readBackExitCode(read: KitReadBack): number {
  if (read.steps.some((step) => step.state === 'failed') || read.result?.status === 'refused' || read.result?.status === 'stopped') return KitExitCode.refused;
  if (read.steps.some((step) => step.state === 'to-do')) return KitExitCode.stepsToDo;
  return KitExitCode.allDone;
}

async function readBack(context: CliContext, dir: string, options: KitCliOptions): Promise<void> {
  let read: KitReadBack;
  try {
    read = await readKitResult(dir);
  } catch (error) {
    if (error instanceof KitReadError) throw new CliExit(ExitCode.invalidInput, error.message);
    throw error;
  }
  context.io.stdout(
    options.json ? terminalSafeJson({ kit: read.kit, changedFiles: read.changedFiles, result: read.result, steps: read.steps, diagnosis: read.diagnosis }) : terminalSafe(formatKitReadBack(read)),
  );
  context.exitCode = readBackExitCode(read);
}

async function build(context: CliContext, snapshotFile: string | undefined, options: KitCliOptions): Promise<void> {
  if (!options.out) throw new CliExit(ExitCode.usage, 'give the kit folder with --out DIR (an empty folder, e.g. on the USB stick)');
  try {
    if (options.collectorOnly) {
      if (snapshotFile || options.package) throw new CliExit(ExitCode.usage, '--collector-only takes no snapshot and no --package');
      const built = await buildCollectorKit(options.out);
      context.io.stdout(terminalSafe(`kit: collector written to ${built.dir} (${built.manifest.files.length} files). On the computer: double-click COLLECT.cmd.\n`));
      context.exitCode = KitExitCode.written;
      return;
    }
    if (!snapshotFile) throw new CliExit(ExitCode.usage, 'give the snapshot file of the computer to fix (or --collector-only)');
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
      if (host.kind === 'other') throw new CliExit(KitExitCode.refused, "the update file's Microsoft signature can only be checked on Windows: build this kit on a Windows laptop");
      checkPackage = (path: string, expected: Parameters<typeof checkUpdatePackage>[2]) => checkUpdatePackage(host.runner, path, expected, host.files);
    }
    const built = await buildFixKit({ snapshot: parsed.snapshot, outDir: options.out, ...(options.package ? { packagePath: options.package } : {}), ...(checkPackage ? { checkPackage } : {}) });
    if (options.json) context.io.stdout(terminalSafeJson({ dir: built.dir, kit: built.kit, manifest: built.manifest, packageChecks: built.packageChecks }));
    else {
      const lines = [`kit: fix kit for ${built.kit!.target.computerName} written to ${built.dir} (${built.manifest.files.length} files).`];
      built.kit!.steps.forEach((step, index) => lines.push(`  ${index + 1}. ${step.title}${step.package ? ` (${step.package.file})` : ''}`));
      built.packageChecks.forEach((check) => lines.push(`  checked: ${check.message}`));
      lines.push('On the computer: double-click FIX.cmd (README.txt says the same in plain words). Afterwards: acs-assistant kit --result DIR.');
      context.io.stdout(terminalSafe(lines.join('\n') + '\n'));
    }
    context.exitCode = KitExitCode.written;
  } catch (error) {
    if (error instanceof KitError) throw new CliExit(ERROR_EXIT[error.code], [error.message, ...error.details].join(' '));
    if (error instanceof Error && 'code' in error && (error.code === 'EACCES' || error.code === 'EROFS' || error.code === 'ENOSPC' || error.code === 'EEXIST' || error.code === 'ENOTDIR'))
      throw new CliExit(KitExitCode.cannotWrite, `the kit could not be written: ${error.message}`);
    throw error;
  }
}

export function registerKit(program: Command, context: CliContext): void {
  program
    .command('kit')
    .description(
      'Field kit for a computer the app cannot run on: build a USB-stick folder that fixes the computer of SNAPSHOT (FIX.cmd), or one that only checks computers (--collector-only), or read back what a kit did (--result DIR). ' +
        'Exit code when building: 0 kit written, 2 no kit for this computer (ready, not Windows, or steps a kit cannot do), 4 the update file was refused, 64 usage (also: an update file is needed / not needed), 65 invalid snapshot, 73 the folder is not empty or cannot be written. ' +
        'With --result: 0 every step done, 1 steps still to do (not run yet, or waiting for a restart), 4 a step failed or the kit refused to run, 65 not a kit or a damaged result.',
    )
    .argument('[snapshot]', 'snapshot file (acs-snapshot JSON) of the computer to fix')
    .option('--out <dir>', 'the kit folder to write (empty or new)')
    .option('--package <file>', 'the Windows update file (.msu or .cab) the plan needs; checked here, again on the computer')
    .option('--collector-only', 'write a stick that only checks computers (COLLECT.cmd)')
    .option('--result <dir>', 'read back a kit folder after it ran: per step done / failed / still to do, and the new diagnosis')
    .option('--simulate <profile>', 'development copies: check the update file on a simulated Windows machine instead of this computer')
    .option('--json', 'print JSON')
    .action(async (snapshotFile: string | undefined, options: KitCliOptions) => {
      if (options.result) {
        if (snapshotFile || options.out || options.package || options.collectorOnly) throw new CliExit(ExitCode.usage, '--result DIR takes nothing else');
        await readBack(context, options.result, options);
      } else await build(context, snapshotFile, options);
    });
}
