// What every fix does around its work: write 'started' to the journal before changing anything,
// run the step (elevated only for its administrator action), and write 'finished' with the result.
import { userInfo } from 'node:os';
import type { PlanStep, PlanStepKind } from '../diagnosis/schema.js';
import type { ActionRequest, ActionResult } from './actions/requests.js';
import { writeAdminScript } from './admin-script.js';
import { performAction } from './elevation.js';
import { localFiles, type FileAccess } from './files.js';
import { ActionJournal, JournalWriteError } from './journal.js';
import type { AdminScript, ApplyOptions, CommandRecord, FixContext, FixOutcome, FixProgress } from './types.js';

export type StepResult = Omit<FixOutcome, 'kind' | 'runId'> & { details?: Record<string, unknown>; resumePlan?: PlanStep[] };

export function contextUser(context: FixContext): string {
  if (context.user) return context.user;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function contextFiles(context: FixContext): FileAccess {
  return context.files ?? localFiles;
}

/** Runs `body` between a durable 'started' and 'finished' journal entry. A failed 'started' write stops the step before anything changes. */
export async function journaled(
  context: FixContext,
  kind: PlanStepKind,
  operation: 'apply' | 'undo' | 'resume',
  startDetails: Record<string, unknown>,
  body: (runId: string) => Promise<StepResult>,
): Promise<FixOutcome> {
  const runId = ActionJournal.newRunId();
  const base = { runId, user: contextUser(context), computer: context.snapshot.host?.computerName ?? null, step: kind, operation, writer: 'app' as const };
  await context.journal.append({ ...base, event: 'started', commands: [], details: startDetails });
  let result: StepResult;
  try {
    result = await body(runId);
  } catch (error) {
    result = { status: 'failed', message: `The step stopped with an error: ${error instanceof Error ? error.message : String(error)}`, commands: [], verification: null };
  }
  const { details, resumePlan, ...outcome } = result;
  const finished = context.journal.append({
    ...base,
    event: 'finished',
    commands: outcome.commands.map((command) => ({ ...command, args: [...command.args] })),
    status: outcome.status,
    verified: outcome.verification?.verified ?? null,
    message: outcome.message,
    details: { ...startDetails, ...details, ...(outcome.adminScript ? { adminScript: outcome.adminScript.folder } : {}) },
    ...(resumePlan ? { resumePlan } : {}),
  });
  try {
    await finished;
  } catch (error) {
    // The step did run: say what happened along with why the journal could not record it.
    const cause = error instanceof JournalWriteError ? error : new JournalWriteError(String(error), undefined);
    throw new JournalWriteError(`The step ran (${outcome.status}: ${outcome.message}) but its result could not be recorded. ${cause.message}`, cause.code);
  }
  return { kind, runId, ...outcome };
}

export interface AdminActionRun {
  result: ActionResult;
  commands: CommandRecord[];
  /** Set when administrator rights could not be had: the ready-made script for an administrator. */
  adminScript?: AdminScript;
}

/** Runs one administrator action for this step (directly or through one elevated helper); on a declined prompt writes the administrator script. */
export async function runAdminAction(
  context: FixContext,
  runId: string,
  kind: PlanStepKind,
  request: ActionRequest,
  options: Pick<ApplyOptions, 'signal' | 'onProgress'> = {},
): Promise<AdminActionRun> {
  const user = contextUser(context);
  const signal = options.signal;
  options.onProgress?.(
    context.elevation === 'helper'
      ? { stage: 'elevating', message: 'Asking Windows for administrator rights for this step (UAC prompt).' }
      : { stage: 'running', message: 'Running the step with administrator rights.' },
  );
  const run = await performAction(request, {
    runner: context.runner,
    elevation: context.elevation,
    workDir: context.workDir,
    runId,
    step: kind,
    user,
    files: contextFiles(context),
    ...(signal ? { signal } : {}),
  });
  const commands = run.result.commands.map((command) => ({ ...command }));
  if (!run.declined) return { result: run.result, commands };
  const written = await writeAdminScript({ workDir: context.workDir, runId, step: kind, request, user });
  const reason = run.result.reason === 'portable-build' ? 'portable-build' : run.result.status === 'declined' ? 'prompt-declined' : 'no-admin-rights';
  const adminScript = { ...written, reason } as const;
  return { result: run.result, commands, adminScript };
}

/** Reports a stage to the caller's progress callback, if any. */
export function report(options: Pick<ApplyOptions, 'onProgress'> | undefined, stage: FixProgress['stage'], message: string): void {
  options?.onProgress?.({ stage, message });
}

export function declinedOutcome(admin: AdminActionRun, what: string): StepResult {
  const why = admin.result.status === 'declined' ? 'The administrator prompt was declined' : 'This account has no administrator rights';
  // The portable build says why it asks for an administrator instead (its own message, then the script).
  const said = admin.result.reason === 'portable-build' ? admin.result.message : `${why}, so ${what} was not done and nothing changed.`;
  return {
    status: 'declined',
    message: `${said} ${admin.adminScript?.instructions ?? ''}`.trim(),
    commands: admin.commands,
    verification: null,
    ...(admin.adminScript ? { adminScript: admin.adminScript } : {}),
  };
}
