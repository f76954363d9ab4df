// `acs-assistant fix --plan FILE` prints what would be done for a snapshot; `fix --apply` runs the plan on
// this machine (or a simulated one) with a journal, per-step elevation and verification. A thin adapter
// of the plan runner (src-main/plan-runner), the same one the app uses, with the same policies: offline
// unless --allow-network, elevation from the snapshot. Exit codes: 0 fixed, 5 restart needed, 4 failed
// or not fixed, 64 usage (incl. no --yes without a terminal), 65 bad snapshot.
import { join } from 'node:path';
import type { Command } from 'commander';
import { diagnose } from '../../diagnosis/diagnose.js';
import { planStepKindSchema, type PlanStepKind } from '../../diagnosis/schema.js';
import { defaultDataDir, JOURNAL_FILE_NAME } from '../../fixes/data-dir.js';
import { ActionJournal, createFix, findResumePoint, resumeAfterRestart, type FixOutcome } from '../../fixes/index.js';
import { formatOutcome, formatPreview } from '../../fixes/outcome-text.js';
import type { HostBinding } from '../../host/binding.js';
import { createHost } from '../../host/create-host.js';
import { PlanRunError, PlanRunner, type PlanRunnerServices, type StepChoices } from '../../plan-runner/index.js';
import { collectSnapshot } from '../../probe/collect.js';
import { parseSnapshotText, readSnapshotFile } from '../../snapshot/parse.js';
import type { CommandRunner } from '../../windows/command-runner.js';
import { CliExit, ExitCode } from '../io.js';
import { terminalSafe } from '../terminal-text.js';
import type { CliContext } from '../main.js';
import { cliLocale, withLanguageOption } from '../lang.js';
import { formatPlanPreview } from '../plan-text.js';
import { localized, t, type Locale, type MessageRef } from '../../shared/i18n/index.js';

interface FixCliOptions {
  plan?: string;
  lang?: string;
  apply?: boolean;
  yes?: boolean;
  steps?: string;
  skip?: string;
  simulate?: string;
  declineUac?: boolean;
  package?: string;
  certificate?: string;
  online?: boolean;
  reboot?: string;
  dataDir?: string;
  allowNetwork?: boolean;
  network?: boolean;
  json?: boolean;
}

/** The real modules the plan runner drives. */
const services: PlanRunnerServices = { collectSnapshot, diagnose, createFix, findResumePoint, resumeAfterRestart };

/** JSON with every character a terminal could act on escaped as \\uXXXX: the same data for programs, harmless on screen. */
function terminalSafeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, (char) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`)}\n`;
}

/** A runner for --plan: nothing runs, so previews show commands without touching any machine. */
const planOnlyRunner: CommandRunner = {
  run: async (request) => ({
    exitCode: null,
    stdout: '',
    stderr: '',
    timedOut: false,
    cancelled: false,
    truncated: false,
    durationMs: 0,
    spawnError: { code: 'EPLANONLY', message: `not run in --plan mode: ${request.file}` },
  }),
};

const planOnlyHost: HostBinding = {
  kind: 'other',
  runner: planOnlyRunner,
  view: { kind: 'other', platform: process.platform },
  capabilities: { restartsInPlace: false },
  label: 'no machine (--plan)',
};

function parseSteps(list: string | undefined, locale: Locale): Set<PlanStepKind> | null {
  if (!list) return null;
  const kinds = list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const bad = kinds.filter((kind) => !planStepKindSchema.safeParse(kind).success);
  if (bad.length > 0) throw new CliExit(ExitCode.usage, t(locale, 'cli.fix.unknownSteps', { count: bad.length, steps: bad.join(', '), known: planStepKindSchema.options.join(', ') }));
  return new Set(kinds as PlanStepKind[]);
}

/** The network policy: offline unless the person allows it (--allow-network; --online asks for Windows Update online, which allows it). */
function networkAllowed(options: FixCliOptions): boolean {
  return (options.allowNetwork === true || options.online === true) && options.network !== false;
}

function choicesFrom(options: FixCliOptions): StepChoices {
  return {
    ...(options.certificate ? { certificateFile: options.certificate } : {}),
    online: options.online === true,
    rebootWhen: options.reboot === 'now' ? 'now' : 'later',
  };
}

/** A local update file from --package becomes the update step's chosen file, as the app's picker does. */
function chooseUpdateFile(runner: PlanRunner, options: FixCliOptions): void {
  if (!options.package) return;
  for (const record of runner.current().plan) {
    if (record.step.step === 'install-windows-update') record.updateFile = { path: options.package, name: options.package, sizeBytes: null, kb: record.step.kb ?? null };
  }
}

async function printPlan(context: CliContext, file: string, options: FixCliOptions): Promise<void> {
  const parsed = file === '-' ? parseSnapshotText(await context.io.readStdin()) : await readSnapshotFile(file);
  if (!parsed.ok) throw new CliExit(ExitCode.invalidInput, parsed.error);
  const runner = new PlanRunner({
    host: planOnlyHost,
    services,
    journal: new ActionJournal(join(defaultDataDir(), 'plan-preview-unused.jsonl')),
    workDir: defaultDataDir(),
    allowNetwork: networkAllowed(options),
  });
  const state = runner.adopt(parsed.snapshot);
  const only = parseSteps(options.steps, cliLocale(options.lang));
  const previews = [];
  for (const [index, record] of state.plan.entries()) {
    if (only && !only.has(record.step.step)) continue;
    const { description, preview } = await runner.preview(index, choicesFrom(options));
    previews.push({ step: record.step, description, preview });
  }
  const { diagnosis } = state;
  const locale = cliLocale(options.lang);
  if (options.json) context.io.stdout(terminalSafeJson({ verdict: diagnosis.verdict, headline: diagnosis.headline, steps: previews }));
  else {
    context.io.stdout(terminalSafe(`${localized(diagnosis.headline, diagnosis.headlineMessage, locale)}\n${previews.length === 0 ? `${t(locale, 'cli.plan.nothingToDo')}\n` : ''}`));
    previews.forEach((item, index) => context.io.stdout(terminalSafe(formatPlanPreview(index + 1, item.step, item.description, item.preview, locale))));
  }
  context.exitCode = ExitCode.ok;
}

async function openHost(options: FixCliOptions): Promise<HostBinding> {
  if (options.simulate) {
    return createHost({ kind: 'simulated', profile: options.simulate, declineUac: options.declineUac === true }).catch((error: Error) => {
      throw new CliExit(ExitCode.usage, error.message);
    });
  }
  if (options.declineUac) throw new CliExit(ExitCode.usage, t(cliLocale(options.lang), 'cli.fix.declineUacNeedsSimulate'));
  const host = await createHost({ kind: 'this-computer' });
  if (host.kind !== 'windows') throw new CliExit(ExitCode.usage, t(cliLocale(options.lang), 'cli.fix.notWindows'));
  return host;
}

async function confirm(context: CliContext, options: FixCliOptions, question: string): Promise<boolean> {
  if (options.yes) return true;
  const answer = await context.io.prompt!(`${question} `);
  // y / yes in every language; j / ja in German, はい in Japanese.
  return /^(y|yes|j|ja|はい)$/i.test(answer.trim());
}

async function applyPlan(context: CliContext, options: FixCliOptions): Promise<void> {
  if (!options.yes && !(context.io.isInteractive?.() && context.io.prompt)) {
    throw new CliExit(ExitCode.usage, t(cliLocale(options.lang), 'cli.fix.needYes'));
  }
  const locale = cliLocale(options.lang);
  if (options.reboot && options.reboot !== 'now' && options.reboot !== 'later') throw new CliExit(ExitCode.usage, t(locale, 'cli.fix.rebootValue'));
  const only = parseSteps(options.steps, locale);
  const skip = parseSteps(options.skip, locale) ?? new Set<PlanStepKind>();
  const host = await openHost(options);
  const dataDir = options.dataDir ?? (options.simulate ? join(defaultDataDir(), 'simulated', options.simulate) : defaultDataDir());
  const journal = new ActionJournal(join(dataDir, JOURNAL_FILE_NAME));
  const runner = new PlanRunner({ host, services, journal, workDir: dataDir, allowNetwork: networkAllowed(options) });
  const choices: StepChoices = { ...choicesFrom(options), language: locale };
  const say = (text: string) => (options.json ? undefined : context.io.stdout(terminalSafe(text)));
  const checkAgain = async () => {
    runner.adopt(await runner.probe());
    chooseUpdateFile(runner, options);
    return runner.current();
  };

  const inLocale = (text: string, ref: MessageRef | undefined) => localized(text, ref, locale);
  for (const run of await journal.unfinished()) say(`${t(locale, 'cli.fix.note', { message: inLocale(run.message, run.messageRef) })}\n`);
  let state = await checkAgain();
  const resumed = await runner.resumeAfterRestart();
  if (resumed) say(`${t(locale, 'cli.fix.afterRestart', { message: inLocale(resumed.outcome.message, resumed.outcome.messageRef) })}\n`);
  const machine = host.view.kind === 'simulated' ? t(locale, 'cli.fix.simulatedHost', { profile: host.view.profile }) : t(locale, 'cli.fix.thisComputer');
  say(`${t(locale, 'cli.fix.fixing', { machine, headline: inLocale(state.diagnosis.headline, state.diagnosis.headlineMessage) })}\n`);
  const outcomes: FixOutcome[] = [];
  const attempted = new Set<PlanStepKind>();
  // Steps passed over (--skip, or an update without a file): they stay to do; the rest goes on.
  const left = new Set<PlanStepKind>();
  let exitCode: number = ExitCode.ok;
  try {
    for (;;) {
      const index = state.plan.findIndex((record) => (!only || only.has(record.step.step)) && !attempted.has(record.step.step));
      const record = state.plan[index];
      if (!record) break;
      attempted.add(record.step.step);
      const title = localized(record.step.title, record.step.titleMessage, locale);
      if (skip.has(record.step.step)) {
        say(`${t(locale, 'cli.fix.skipped', { title })}\n`);
        left.add(record.step.step);
        continue;
      }
      if (record.step.step === 'install-windows-update' && !options.package && !networkAllowed(options)) {
        say(`${t(locale, 'cli.fix.needsFile', { title })}\n`);
        left.add(record.step.step);
        continue;
      }
      if (record.step.step === 'reboot') {
        // A restart only some passed-over step needed is not needed now.
        const needing = state.plan.slice(0, index).filter((other) => other.step.needsReboot && other.step.step !== 'reboot');
        if (needing.length > 0 && needing.every((other) => left.has(other.step.step))) {
          say(`${t(locale, 'cli.fix.restartNotNeeded')}\n`);
          continue;
        }
      }
      const { description, preview } = await runner.preview(index, choices);
      say(formatPreview(attempted.size, description, preview, locale));
      if (!(await confirm(context, options, t(locale, 'cli.fix.confirm', { title })))) {
        // "no", or Ctrl+D at the question: stop here, nothing more changes (exit 4, see --help).
        say(`${t(locale, 'cli.fix.stopped', { title })}\n`);
        exitCode = ExitCode.failed;
        break;
      }
      const outcome = record.step.step === 'reboot' ? (await runner.restart(choices.rebootWhen ?? 'later', { language: locale })).outcome : (await runner.apply(index, { choices })).outcome;
      outcomes.push(outcome);
      say(formatOutcome(outcome, locale));
      if (outcome.status === 'reboot-required' && record.step.step === 'reboot') {
        // A real restart ends this process; a machine that restarts in place carries on as the next start would.
        if (!(host.capabilities.restartsInPlace && choices.rebootWhen === 'now')) {
          exitCode = ExitCode.rebootRequired;
          break;
        }
        await runner.resumeAfterRestart();
      } else if (outcome.status === 'guidance') {
        // Instructions only (nothing changed): the step stays to do, the next one may still work.
        left.add(record.step.step);
      } else if (!['succeeded', 'nothing-to-do', 'reboot-required'].includes(outcome.status)) {
        exitCode = ExitCode.failed;
        break;
      }
      state = await checkAgain();
    }
  } catch (error) {
    // The plan runner's domain errors become exit codes: a step that cannot run now is a failed fix.
    if (error instanceof PlanRunError)
      throw new CliExit(error.code === 'no-snapshot' || error.code === 'no-such-step' ? ExitCode.internal : ExitCode.failed, inLocale(error.message, error.messageRef));
    throw error;
  }
  const { diagnosis } = state;
  if (exitCode === ExitCode.ok && !only && diagnosis.verdict !== 'ready') exitCode = ExitCode.failed;
  say(`${t(locale, 'cli.fix.result', { headline: inLocale(diagnosis.headline, diagnosis.headlineMessage) })}\n`);
  // The honest summary: how many steps were done, and what the last check still plans.
  const done = outcomes.filter((outcome) => ['succeeded', 'nothing-to-do', 'reboot-required'].includes(outcome.status)).length;
  say(`${t(locale, 'cli.fix.done', { count: done })}\n`);
  const remaining = diagnosis.plan.filter((step) => step.step !== 'contact-support').map((step) => localized(step.title, step.titleMessage, locale));
  if (remaining.length > 0) say(`${t(locale, 'cli.fix.left', { steps: remaining })}\n`);
  if (options.json) context.io.stdout(terminalSafeJson({ verdict: diagnosis.verdict, headline: diagnosis.headline, outcomes, journal: journal.path }));
  context.exitCode = exitCode;
}

export function registerFix(program: Command, context: CliContext): void {
  const help = (id: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(context.locale, id, params);
  withLanguageOption(program.command('fix'), context.locale)
    .description(help('cli.help.fix'))
    .option('--plan <file>', help('cli.help.fix.plan'))
    .option('--apply', help('cli.help.fix.apply'))
    .option('--yes', help('cli.help.fix.yes'))
    .option('--steps <list>', help('cli.help.fix.steps', { steps: 'install-windows-update,reboot,install-root-certificate,start-agent-services' }))
    .option('--skip <list>', help('cli.help.fix.skip'))
    .option('--simulate <profile>', help('cli.help.fix.simulate'))
    .option('--decline-uac', help('cli.help.fix.declineUac'))
    .option('--package <file>', help('cli.help.fix.package'))
    .option('--certificate <file>', help('cli.help.fix.certificate'))
    .option('--online', help('cli.help.fix.online'))
    .option('--reboot <when>', help('cli.help.fix.reboot'))
    .option('--data-dir <dir>', help('cli.help.fix.dataDir'))
    .option('--allow-network', help('cli.help.fix.allowNetwork'))
    .option('--no-network', help('cli.help.fix.noNetwork'))
    .option('--json', help('cli.help.fix.json'))
    .action(async (options: FixCliOptions) => {
      if (Boolean(options.plan) === Boolean(options.apply)) throw new CliExit(ExitCode.usage, t(cliLocale(options.lang), 'cli.fix.oneOf'));
      if (options.plan) await printPlan(context, options.plan, options);
      else await applyPlan(context, options);
    });
}
