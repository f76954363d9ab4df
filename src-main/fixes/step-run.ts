// What every fix does around its work: write 'started' to the journal before changing anything,
// run the step (elevated only for its administrator action), and write 'finished' with the result.
import { userInfo } from 'node:os';
import type { PlanStep, PlanStepKind } from '../diagnosis/schema.js';
import type { ActionRequest } from './actions/requests.js';
import { writeAdminScript } from './admin-script.js';
import { performAction, type ReportedResult } from './elevation.js';
import { localFiles, type FileAccess } from './files.js';
import { ActionJournal, JournalWriteError } from './journal.js';
import { english, messageAndRef, said, sentences, type MessageRef } from './texts.js';
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
    result = { status: 'failed', ...messageAndRef(said('fix.stepError', { error: error instanceof Error ? error.message : String(error) })), commands: [], verification: null };
  }
  const { details, resumePlan, ...outcome } = result;
  const finished = context.journal.append({
    ...base,
    event: 'finished',
    commands: outcome.commands.map((command) => ({ ...command, args: [...command.args] })),
    status: outcome.status,
    verified: outcome.verification?.verified ?? null,
    message: outcome.message,
    ...(outcome.messageRef ? { messageRef: outcome.messageRef } : {}),
    details: {
      ...startDetails,
      ...details,
      ...(outcome.adminScript ? { adminScript: outcome.adminScript.folder } : {}),
      ...(outcome.helperMessage !== undefined ? { helperMessage: outcome.helperMessage } : {}),
    },
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
  result: ReportedResult;
  /** What to tell the person about the result (the helper's own English words stay in result.message). */
  message: MessageRef;
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
  if (context.elevation === 'helper') report(options, 'elevating', said('fix.progress.elevating'));
  else report(options, 'running', said('fix.progress.runningAdmin'));
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
  if (!run.declined) return { result: run.result, message: run.message, commands };
  const written = await writeAdminScript({ workDir: context.workDir, runId, step: kind, request, user });
  const reason = run.result.reason === 'portable-build' ? 'portable-build' : run.result.status === 'declined' ? 'prompt-declined' : 'no-admin-rights';
  const adminScript = { ...written, reason } as const;
  return { result: run.result, message: run.message, commands, adminScript };
}

/** Reports a stage to the caller's progress callback, if any. */
export function report(options: Pick<ApplyOptions, 'onProgress'> | undefined, stage: FixProgress['stage'], message: MessageRef): void {
  options?.onProgress?.({ stage, message: english(message), messageRef: message });
}

/** The outcome when administrator rights could not be had. {what}: fix.what.* (the certificate import…). */
export function declinedOutcome(admin: AdminActionRun, what: MessageRef): StepResult {
  // The portable build says why it asks for an administrator instead (its own message, then the script).
  const first = admin.result.reason === 'portable-build' ? admin.message : said('fix.declined', { reason: admin.result.status === 'declined' ? 'declined' : 'no-admin', what });
  return {
    status: 'declined',
    ...messageAndRef(sentences([first, admin.adminScript?.instructionsMessage])),
    commands: admin.commands,
    verification: null,
    ...(admin.adminScript ? { adminScript: admin.adminScript } : {}),
  };
}
