// Fix: restart Windows so an installed update takes effect. Never on its own: the person chooses
// "now" or "later"; the plan's remaining steps go into the journal so the next start resumes there.
import type { PlanStep } from '../diagnosis/schema.js';
import { commands } from './actions/commands.js';
import { explainCode, SHUTDOWN_CODES } from './exit-codes.js';
import type { ActionRequest } from './actions/requests.js';
import type { JournalEntry } from './journal.js';
import { declinedOutcome, journaled, report, runAdminAction, type StepResult } from './step-run.js';
import type { ApplyOptions, Fix, FixContext, FixOptions, FixOutcome, FixPreview, VerifyResult } from './types.js';

export const RESTART_DELAY_SECONDS = 60;
export const RESTART_COMMENT = 'ACS Support Assistant: restarting to finish installing the Windows update. Save your work.';

export function createRebootFix(step: PlanStep, context: FixContext): Fix {
  async function verify(): Promise<VerifyResult> {
    const snapshot = await context.reprobe(['pendingReboot', 'os']);
    const pending = snapshot.pendingReboot;
    if (!pending || pending.required === null) return { verified: null, message: 'Windows could not tell whether a restart is still pending.', details: [] };
    return pending.required
      ? {
          verified: false,
          message: `Windows still waits for a restart (${pending.reasons.join(', ') || 'pending changes'}).`,
          details: pending.reasons.map((reason) => ({ item: reason, ok: false, message: 'pending' })),
        }
      : { verified: true, message: 'No restart is pending: the installed changes are in effect.', details: [] };
  }

  async function preview(options?: FixOptions): Promise<FixPreview> {
    const when = options?.rebootWhen;
    return {
      kind: step.step,
      checks: [],
      commands:
        when === 'later'
          ? []
          : [{ ...commands.restart(RESTART_DELAY_SECONDS, RESTART_COMMENT), elevated: step.needsAdmin, purpose: `Restart Windows in ${RESTART_DELAY_SECONDS} seconds (time to save open work).` }],
      facts: { when: when ?? 'not chosen yet', 'after the restart': 'open the app again: it continues the plan and checks the result' },
      ready: when !== undefined,
      blockers: when === undefined ? ['Choose "Restart now" or "Restart later": the app never restarts Windows on its own.'] : [],
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
      if (when === undefined) return { status: 'refused', message: 'Choose "Restart now" or "Restart later": the app never restarts Windows on its own.', commands: [], verification: null };
      if (when === 'later')
        return {
          status: 'reboot-required',
          message: 'Restart Windows when it suits you; open the app afterwards and it continues from here.',
          commands: [],
          verification: null,
          details: { restartRequested: false, ...before },
          resumePlan,
        };
      const request: ActionRequest = { action: 'restart-computer', delaySeconds: RESTART_DELAY_SECONDS, comment: RESTART_COMMENT };
      let result;
      let recorded;
      if (step.needsAdmin) {
        const admin = await runAdminAction(context, runId, step.step, request, options);
        if (admin.adminScript) return { ...declinedOutcome(admin, 'the restart'), details: { restartRequested: false }, resumePlan };
        result = admin.result;
        recorded = admin.commands;
      } else {
        report(options, 'running', 'Scheduling the restart.');
        // No administrator rights needed: shutdown.exe runs as this user, no helper involved.
        const command = commands.restart(request.delaySeconds, request.comment);
        const ran = await context.runner.run({ ...command, timeoutMs: 30_000, ...(options.signal ? { signal: options.signal } : {}) });
        const meaning = explainCode(SHUTDOWN_CODES, ran.exitCode);
        recorded = [{ file: command.file, args: [...command.args], exitCode: ran.exitCode, meaning: meaning.words, elevated: false }];
        result = { action: 'restart-computer', commands: recorded, status: ran.exitCode === 0 ? 'ok' : 'failed', exitCode: ran.exitCode, message: meaning.words };
      }
      if (result.status !== 'ok') return { status: 'failed', message: result.message, commands: recorded, verification: null, details: { restartRequested: false }, resumePlan };
      return {
        status: 'reboot-required',
        message: `Windows restarts in ${RESTART_DELAY_SECONDS} seconds. Open the app again afterwards: it continues the plan and checks the result.`,
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
    describe: () => ({
      kind: step.step,
      title: step.title,
      what: 'Restarts Windows so the installed update takes effect. You choose when; the app never restarts on its own.',
      why: step.why,
      needsAdmin: step.needsAdmin,
      needsReboot: true,
      undoable: false,
      undoNote: 'A restart cannot be undone; a scheduled one can be cancelled with "shutdown /a" within the countdown.',
    }),
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
  const step: PlanStep = { step: 'reboot', title: 'Restart Windows', why: 'Resuming the plan after a restart.', needsAdmin: false, needsReboot: true };
  const fix = createRebootFix(step, context);
  const outcome = await journaled(context, 'reboot', 'resume', { resumedFrom: point.reboot.runId }, async () => {
    const verification = await fix.verify();
    const status = verification.verified === false ? 'reboot-required' : 'succeeded';
    const message =
      verification.verified === false
        ? `${verification.message} Restart Windows, then open the app again.`
        : `${verification.message} Continuing with ${point.remainingPlan.length} remaining step(s).`;
    return { status, message, commands: [], verification, resumePlan: point.remainingPlan };
  });
  return { outcome, remainingPlan: point.remainingPlan };
}
