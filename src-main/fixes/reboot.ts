// Fix: restart Windows so an installed update takes effect. Never on its own: the person chooses
// "now" or "later"; the plan's remaining steps go into the journal so the next start resumes there.
import type { PlanStep } from '../diagnosis/schema.js';
import { commands } from './actions/commands.js';
import { explainCode, SHUTDOWN_CODES } from './exit-codes.js';
import type { ActionRequest } from './actions/requests.js';
import type { JournalEntry } from './journal.js';
import { declinedOutcome, journaled, report, runAdminAction, type StepResult } from './step-run.js';
import { blockersOf, describeStep, english, factsOf, messageAndRef, purposeOf, said, sentences } from './texts.js';
import { t, type Locale } from '../shared/i18n/index.js';
import type { ApplyOptions, Fix, FixContext, FixOptions, FixOutcome, FixPreview, VerifyResult } from './types.js';

export const RESTART_DELAY_SECONDS = 60;
/** The notice Windows shows before restarting (shutdown /c), in a language; it must match RESTART_COMMENT_PATTERN. */
export function restartComment(language: Locale = 'en'): string {
  return t(language, 'fix.reboot.comment');
}
export const RESTART_COMMENT = restartComment('en');

export function createRebootFix(step: PlanStep, context: FixContext): Fix {
  async function verify(): Promise<VerifyResult> {
    const snapshot = await context.reprobe(['pendingReboot', 'os']);
    const pending = snapshot.pendingReboot;
    if (!pending || pending.required === null) return { verified: null, ...messageAndRef(said('fix.reboot.verify.unknown')), details: [] };
    return pending.required
      ? {
          verified: false,
          ...messageAndRef(said('fix.reboot.verify.pending', { reasons: pending.reasons.join(', ') || said('fix.reboot.pendingChanges') })),
          details: pending.reasons.map((reason) => ({ item: reason, ok: false, ...messageAndRef(said('fix.reboot.detail.pending')) })),
        }
      : { verified: true, ...messageAndRef(said('fix.reboot.verify.none')), details: [] };
  }

  async function preview(options?: FixOptions): Promise<FixPreview> {
    const when = options?.rebootWhen;
    return {
      kind: step.step,
      checks: [],
      commands:
        when === 'later'
          ? []
          : [
              {
                ...commands.restart(RESTART_DELAY_SECONDS, restartComment(options?.language)),
                elevated: step.needsAdmin,
                ...purposeOf(said('fix.reboot.purpose', { seconds: RESTART_DELAY_SECONDS })),
              },
            ],
      ...factsOf([
        ['when', said('fix.fact.when'), said(when === 'now' ? 'fix.reboot.when.now' : when === 'later' ? 'fix.reboot.when.later' : 'fix.reboot.when.notChosen')],
        ['after the restart', said('fix.fact.afterRestart'), said('fix.reboot.afterRestart')],
      ]),
      ready: when !== undefined,
      ...blockersOf(when === undefined ? [said('fix.reboot.choose')] : []),
    };
  }

  async function apply(options: ApplyOptions = {}): Promise<FixOutcome> {
    const when = options.rebootWhen;
    const resumePlan = options.remainingPlan ?? [];
    // When Windows last started, and where the plan stood: after the restart (or reopening without one)
    // the app tells a restart from "not yet" by the boot time, and keeps the step numbers.
    const os = context.snapshot.os as { lastBootUpTime?: string | null };
    const before = { lastBootUpTime: os.lastBootUpTime ?? null, ...(options.stepsBefore === undefined ? {} : { stepsBefore: options.stepsBefore }) };
    return journaled(context, step.step, 'apply', { when: when ?? null }, async (runId): Promise<StepResult> => {
      if (when === undefined) return { status: 'refused', ...messageAndRef(said('fix.reboot.choose')), commands: [], verification: null };
      if (when === 'later')
        return {
          status: 'reboot-required',
          ...messageAndRef(said('fix.reboot.later')),
          commands: [],
          verification: null,
          details: { restartRequested: false, ...before },
          resumePlan,
        };
      const request: ActionRequest = { action: 'restart-computer', delaySeconds: RESTART_DELAY_SECONDS, comment: restartComment(options.language) };
      let status;
      let told;
      let helperMessage: string | undefined;
      let recorded;
      if (step.needsAdmin) {
        const admin = await runAdminAction(context, runId, step.step, request, options);
        if (admin.adminScript) return { ...declinedOutcome(admin, said('fix.what.restart')), details: { restartRequested: false }, resumePlan };
        status = admin.result.status;
        told = admin.message;
        helperMessage = admin.result.message;
        recorded = admin.commands;
      } else {
        report(options, 'running', said('fix.progress.scheduleRestart'));
        // No administrator rights needed: shutdown.exe runs as this user, no helper involved.
        const command = commands.restart(request.delaySeconds, request.comment);
        const ran = await context.runner.run({ ...command, timeoutMs: 30_000, ...(options.signal ? { signal: options.signal } : {}) });
        const meaning = explainCode(SHUTDOWN_CODES, ran.exitCode);
        recorded = [{ file: command.file, args: [...command.args], exitCode: ran.exitCode, meaning: meaning.words, meaningMessage: meaning.message, elevated: false }];
        status = ran.exitCode === 0 ? 'ok' : 'failed';
        told = meaning.message;
      }
      const helper = helperMessage === undefined ? {} : { helperMessage };
      if (status !== 'ok') return { status: 'failed', ...messageAndRef(told), ...helper, commands: recorded, verification: null, details: { restartRequested: false }, resumePlan };
      return {
        status: 'reboot-required',
        ...messageAndRef(said('fix.reboot.now', { seconds: RESTART_DELAY_SECONDS })),
        ...helper,
        commands: recorded,
        verification: null,
        details: { restartRequested: true, ...before },
        resumePlan,
      };
    });
  }

  return {
    kind: step.step,
    step,
    describe: () => describeStep(step, { what: said('fix.reboot.what'), undoNote: said('fix.reboot.undoNote'), needsAdmin: step.needsAdmin, needsReboot: true, undoable: false }),
    preview,
    apply,
    verify,
  };
}

export interface ResumePoint {
  /** The reboot step's 'finished' entry. */
  reboot: JournalEntry;
  /** Plan steps left after the restart. */
  remainingPlan: PlanStep[];
}

/** The restart the next start should continue after: the newest reboot entry not yet followed by a 'resume'. */
export async function findResumePoint(context: Pick<FixContext, 'journal'>): Promise<ResumePoint | null> {
  const { entries } = await context.journal.read();
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const entry = entries[index]!;
    if (entry.step !== 'reboot' || entry.event !== 'finished') continue;
    if (entry.operation === 'resume') {
      if (entry.status === 'succeeded') return null;
      continue;
    }
    if (entry.operation === 'apply' && entry.status === 'reboot-required') return { reboot: entry, remainingPlan: entry.resumePlan ?? [] };
  }
  return null;
}

export interface ResumeResult {
  outcome: FixOutcome;
  remainingPlan: PlanStep[];
}

/** On start: if a restart was requested, check it took effect (journaled as a 'resume' run) and hand back the rest of the plan. */
export async function resumeAfterRestart(context: FixContext): Promise<ResumeResult | null> {
  const point = await findResumePoint(context);
  if (!point) return null;
  const title = said('fix.reboot.title');
  const why = said('fix.reboot.resumeWhy');
  const step: PlanStep = { step: 'reboot', title: english(title), why: english(why), titleMessage: title, whyMessage: why, needsAdmin: false, needsReboot: true };
  const fix = createRebootFix(step, context);
  const outcome = await journaled(context, 'reboot', 'resume', { resumedFrom: point.reboot.runId }, async () => {
    const verification = await fix.verify();
    const status = verification.verified === false ? 'reboot-required' : 'succeeded';
    const next = verification.verified === false ? said('fix.reboot.resume.again') : said('fix.reboot.resume.continuing', { count: point.remainingPlan.length });
    return { status, ...messageAndRef(sentences([verification.messageRef, next])), commands: [], verification, resumePlan: point.remainingPlan };
  });
  return { outcome, remainingPlan: point.remainingPlan };
}
