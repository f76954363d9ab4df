// The plan as the plan runner tracks it: each step of the diagnosis with its state, chosen update file
// and last message, and how a fix's outcome moves a step to its next state (the only transitions).
import type { FixStatus, LocalFile, PlanStepView, PlanView, StepState } from '../contract/index.js';
import type { PlanStep } from '../diagnosis/schema.js';
import type { FixOutcome, VerifyResult } from '../fixes/types.js';
import type { MessageRef } from '../shared/i18n/index.js';

export interface StepRecord {
  step: PlanStep;
  state: StepState;
  previewed: boolean;
  updateFile: LocalFile | null;
  lastMessage: string | null;
  /** lastMessage as a message of the catalogue, when it has one. */
  lastMessageRef?: MessageRef;
  canUndo: boolean;
}

export function planRecords(plan: readonly PlanStep[]): StepRecord[] {
  return plan.map((step) => ({ step, state: 'pending', previewed: false, updateFile: null, lastMessage: null, canUndo: false }));
}

export function needsUpdateFile(step: PlanStep): boolean {
  return step.step === 'install-windows-update';
}

export function planView(records: readonly StepRecord[], readOnly: boolean): PlanView {
  const steps: PlanStepView[] = records.map((record, index) => ({
    index,
    step: record.step,
    state: record.state,
    canUndo: record.canUndo,
    needsUpdateFile: needsUpdateFile(record.step),
    updateFile: record.updateFile,
    lastMessage: record.lastMessage,
    ...(record.lastMessageRef ? { lastMessageRef: record.lastMessageRef } : {}),
  }));
  const next = steps.find((step) => step.state !== 'verified');
  return { readOnly, steps, nextStepIndex: next ? next.index : null };
}

/** The step state after apply, from the fix's status and its own verification. */
export function stateAfterApply(outcome: FixOutcome): StepState {
  switch (outcome.status) {
    case 'succeeded':
    case 'nothing-to-do':
      return outcome.verification?.verified === true ? 'verified' : 'applied';
    case 'reboot-required':
      return 'awaiting-reboot';
    case 'guidance':
      return 'previewed';
    case 'refused':
    case 'declined':
    case 'failed':
      return 'failed';
  }
}

export function stateAfterVerify(result: VerifyResult): StepState {
  if (result.verified === true) return 'verified';
  if (result.verified === null) return 'awaiting-reboot';
  return 'failed';
}

export function stateAfterUndo(status: FixStatus, before: StepState): StepState {
  return status === 'succeeded' || status === 'nothing-to-do' ? 'undone' : before;
}
