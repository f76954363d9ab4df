// The plan, one step at a time: list, preview, apply (with consent), verify, undo, cancel, and the
// choice of an offline update file. Each call adapts the fixes module; none re-implements a fix.
import { BridgeError, type OperationResults, type ValidatedArgs } from '../../contract/index.js';
import { planView, stateAfterApply, stateAfterUndo, stateAfterVerify } from '../plan-state.js';
import type { AppSession } from '../session.js';
import { displayCommand, fixOptionsFor, previewView } from './fix-options.js';

export function planHandlers(session: AppSession) {
  const view = () => planView(session.writable().plan, false);

  function progressReporter(stepIndex: number, action: 'apply' | 'verify' | 'undo') {
    const started = Date.now();
    return (message: string) => {
      const record = session.thisMachine?.plan[stepIndex];
      if (record) record.lastMessage = message;
      session.events.emit('fix-progress', { stepIndex, action, message, percent: null, elapsedMs: Date.now() - started });
    };
  }

  return {
    async listPlan(): Promise<OperationResults['listPlan']> {
      if (session.received) return planView(session.received.diagnosis.plan.map((step) => ({ step, state: 'pending', previewed: false, updateFile: null, lastMessage: null, canUndo: false })), true);
      return view();
    },

    async previewFix({ stepIndex }: ValidatedArgs<'previewFix'>): Promise<OperationResults['previewFix']> {
      const record = session.record(stepIndex);
      const fix = session.fixFor(stepIndex);
      const preview = await fix.preview(fixOptionsFor(record, session.offline));
      record.previewed = true;
      if (record.state === 'pending') record.state = 'previewed';
      return previewView(stepIndex, record, fix.describe(), preview, session.offline);
    },

    async applyFix({ stepIndex }: ValidatedArgs<'applyFix'>): Promise<OperationResults['applyFix']> {
      const record = session.record(stepIndex);
      if (record.step.step === 'reboot') throw new BridgeError('precondition', 'A restart is chosen with "Restart now" or "Restart later" (the reboot operation).');
      if (!record.previewed) throw new BridgeError('precondition', 'Look at what this step will do first (preview), then confirm.');
      const fix = session.fixFor(stepIndex);
      const report = progressReporter(stepIndex, 'apply');
      const before = record.state;
      record.state = 'applying';
      try {
        const outcome = await session.exclusive(`step ${stepIndex + 1}`, (signal) =>
          fix.apply({ ...fixOptionsFor(record, session.offline), signal, onProgress: (progress) => report(progress.message) }),
        );
        record.state = stateAfterApply(outcome);
        record.lastMessage = outcome.message;
        record.canUndo = typeof fix.undo === 'function' && (outcome.status === 'succeeded' || outcome.status === 'reboot-required');
        return {
          stepIndex,
          state: record.state,
          status: outcome.status,
          message: outcome.message,
          rebootRequired: outcome.status === 'reboot-required',
          commands: outcome.commands.map((command) => ({ display: displayCommand(command.file, command.args), exitCode: command.exitCode, meaning: command.meaning })),
          adminInstructions: outcome.adminScript?.instructions ?? null,
          plan: view(),
        };
      } catch (error) {
        record.state = error instanceof BridgeError && error.code === 'busy' ? before : 'failed';
        record.lastMessage = error instanceof Error ? error.message : String(error);
        if (error instanceof BridgeError) throw error;
        throw new BridgeError('failed', `Step ${stepIndex + 1} could not run: ${record.lastMessage}`);
      }
    },

    async cancelFix(): Promise<OperationResults['cancelFix']> {
      return { cancelled: session.cancel('fix') };
    },

    async verifyFix({ stepIndex }: ValidatedArgs<'verifyFix'>): Promise<OperationResults['verifyFix']> {
      const record = session.record(stepIndex);
      const fix = session.fixFor(stepIndex);
      const report = progressReporter(stepIndex, 'verify');
      return session.exclusive(`checking step ${stepIndex + 1}`, async (signal) => {
        report('Checking the computer again');
        const result = await fix.verify();
        // Installed but Windows has not restarted yet: still waiting for the restart, not failed.
        record.state = record.state === 'awaiting-reboot' && result.verified !== true ? 'awaiting-reboot' : stateAfterVerify(result);
        record.lastMessage = result.message;
        const snapshot = await session.probe(signal, null);
        const diagnosis = session.services.diagnose(snapshot);
        const machine = session.writable();
        machine.snapshot = snapshot;
        machine.diagnosis = diagnosis;
        return { stepIndex, verified: result.verified === true, message: result.message, details: result.details, diagnosis, plan: view() };
      });
    },

    async undoFix({ stepIndex }: ValidatedArgs<'undoFix'>): Promise<OperationResults['undoFix']> {
      const record = session.record(stepIndex);
      const fix = session.fixFor(stepIndex);
      if (!fix.undo || !record.canUndo) throw new BridgeError('precondition', `Step ${stepIndex + 1} cannot be undone${fix.undo ? ' before it was applied' : ''}: ${fix.describe().undoNote}`);
      const undo = fix.undo.bind(fix);
      const report = progressReporter(stepIndex, 'undo');
      const before = record.state;
      record.state = 'undoing';
      report('Undoing the step');
      try {
        const outcome = await session.exclusive(`undoing step ${stepIndex + 1}`, () => undo());
        record.state = stateAfterUndo(outcome.status, before);
        record.canUndo = record.state !== 'undone';
        record.lastMessage = outcome.message;
        return { stepIndex, undone: record.state === 'undone', status: outcome.status, message: outcome.message, plan: view() };
      } catch (error) {
        record.state = before;
        throw error;
      }
    },

    async chooseUpdateFile({ stepIndex, path }: ValidatedArgs<'chooseUpdateFile'>): Promise<OperationResults['chooseUpdateFile']> {
      const record = session.record(stepIndex);
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
