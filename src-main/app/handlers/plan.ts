// The plan, one step at a time: list, preview, apply (with consent), verify, undo, cancel, and the
// choice of an offline update file. A thin adapter: the plan runner (src-main/plan-runner) drives the
// steps; this file holds the one-job lock, the progress events and the screen's views.
import { BridgeError, type OperationResults, type ValidatedArgs } from '../../contract/index.js';
import { PlanRunError, planRecords, planView } from '../../plan-runner/index.js';
import type { AppSession } from '../session.js';
import { displayCommand, previewView } from './fix-options.js';
import type { MessageRef } from '../../shared/i18n/index.js';

export function planHandlers(session: AppSession) {
  const view = () => planView(session.writable().current().plan, false);

  function progressReporter(stepIndex: number, action: 'apply' | 'verify' | 'undo') {
    const started = Date.now();
    return (message: string, messageRef?: MessageRef) =>
      session.events.emit('fix-progress', { stepIndex, action, message, ...(messageRef ? { messageRef } : {}), percent: null, elapsedMs: Date.now() - started });
  }

  return {
    async listPlan(): Promise<OperationResults['listPlan']> {
      if (session.received) return planView(planRecords(session.received.diagnosis.plan), true);
      return view();
    },

    async previewFix({ stepIndex }: ValidatedArgs<'previewFix'>): Promise<OperationResults['previewFix']> {
      const runner = session.writable();
      const { record, description, preview } = await runner.preview(stepIndex);
      return previewView(stepIndex, record, description, preview, runner.offline);
    },

    async applyFix({ stepIndex }: ValidatedArgs<'applyFix'>): Promise<OperationResults['applyFix']> {
      const runner = session.writable();
      runner.record(stepIndex);
      try {
        const { record, outcome } = await session.exclusive(`step ${stepIndex + 1}`, (signal) => runner.apply(stepIndex, { signal, onProgress: progressReporter(stepIndex, 'apply') }));
        return {
          stepIndex,
          state: record.state,
          status: outcome.status,
          message: outcome.message,
          ...(outcome.messageRef ? { messageRef: outcome.messageRef } : {}),
          ...(outcome.helperMessage !== undefined ? { helperMessage: outcome.helperMessage } : {}),
          rebootRequired: outcome.status === 'reboot-required',
          commands: outcome.commands.map((command) => ({
            display: displayCommand(command.file, command.args),
            exitCode: command.exitCode,
            meaning: command.meaning,
            ...(command.meaningMessage ? { meaningMessage: command.meaningMessage } : {}),
          })),
          adminInstructions: outcome.adminScript?.instructions ?? null,
          ...(outcome.adminScript?.instructionsMessage ? { adminInstructionsMessage: outcome.adminScript.instructionsMessage } : {}),
          adminReason: outcome.adminScript?.reason ?? null,
          adminScriptFolder: outcome.adminScript ? session.knowFolder(outcome.adminScript.folder) : null,
          plan: view(),
        };
      } catch (error) {
        if (error instanceof BridgeError || error instanceof PlanRunError) throw error;
        throw new BridgeError('failed', `Step ${stepIndex + 1} could not run: ${error instanceof Error ? error.message : String(error)}`);
      }
    },

    async cancelFix(): Promise<OperationResults['cancelFix']> {
      return { cancelled: session.cancel('fix') };
    },

    async verifyFix({ stepIndex }: ValidatedArgs<'verifyFix'>): Promise<OperationResults['verifyFix']> {
      const runner = session.writable();
      runner.record(stepIndex);
      return session.exclusive(`checking step ${stepIndex + 1}`, async (signal) => {
        const { result, state } = await runner.verify(stepIndex, { signal, onProgress: progressReporter(stepIndex, 'verify') });
        return {
          stepIndex,
          verified: result.verified === true,
          message: result.message,
          ...(result.messageRef ? { messageRef: result.messageRef } : {}),
          details: result.details,
          diagnosis: state.diagnosis,
          plan: view(),
        };
      });
    },

    async undoFix({ stepIndex }: ValidatedArgs<'undoFix'>): Promise<OperationResults['undoFix']> {
      const runner = session.writable();
      const { record, outcome } = await session.exclusive(`undoing step ${stepIndex + 1}`, () => runner.undo(stepIndex, { onProgress: progressReporter(stepIndex, 'undo') }));
      return { stepIndex, undone: record.state === 'undone', status: outcome.status, message: outcome.message, ...(outcome.messageRef ? { messageRef: outcome.messageRef } : {}), plan: view() };
    },

    async chooseUpdateFile({ stepIndex, path }: ValidatedArgs<'chooseUpdateFile'>): Promise<OperationResults['chooseUpdateFile']> {
      const record = session.writable().record(stepIndex);
      if (record.step.step !== 'install-windows-update') throw new BridgeError('precondition', `Step ${stepIndex + 1} does not install an update.`);
      const choice = path === undefined ? await session.shell.chooseUpdateFile(record.step.kb ?? null) : ({ kind: 'chosen', file: session.offered(path) } as const);
      if (choice.kind === 'cancelled') return { status: 'cancelled' };
      if (choice.kind === 'pick') return { status: 'pick', candidates: session.offer(choice.candidates) };
      record.updateFile = choice.file;
      // A different file means different package checks: the person sees the preview again.
      record.previewed = false;
      return { status: 'chosen', file: choice.file };
    },
  };
}
