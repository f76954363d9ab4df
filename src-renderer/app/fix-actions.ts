// The fix steps' actions: open a step (its preview), choose the update file, apply with consent and
// verify, undo, move to the next step, restart now or later, and resume after a restart.
import type { AcsBridge, BridgeFailure, LocalFile, PlanView } from '../../src-main/contract/index.js';
import * as checking from '../state/checking.js';
import * as fixes from '../state/fixes.js';
import { PROBE_SECTION_ORDER } from '../state/probe-sections.js';
import * as session from '../state/session.js';
import { passedOver, stepAfterFix, stepBeforeFix, type WizardStep } from '../wizard/steps.js';

const { checkingStore } = checking;
const { fixesStore } = fixes;
const { sessionStore } = session;

export interface FixActions {
  startFixing(): void;
  openFix(index: number): Promise<void>;
  listUpdateFiles(index: number): Promise<void>;
  chooseUpdateFile(index: number, path: string): Promise<void>;
  applyFix(index: number): Promise<void>;
  /** Asks the main process to stop the running step where it can be stopped safely. */
  cancelFix(): Promise<void>;
  undoFix(index: number): Promise<void>;
  nextAfterFix(index: number): void;
  /** Skip or postpone a step: it stays open in the plan, the wizard moves on. */
  skipFix(index: number): void;
  /** Back from a fix step to the step before it (or the result). */
  backFromFix(index: number): void;
  rebootNow(index: number): Promise<void>;
  rebootLater(index: number): Promise<void>;
  resume(): Promise<void>;
}

/** What the fix actions share with the rest of the wizard's actions. */
export interface ActionCore {
  bridge: AcsBridge;
  go(step: WizardStep): void;
  setPlan(plan: PlanView): void;
  refreshPlan(): Promise<void>;
  problem(failure: BridgeFailure): WizardStep;
  /** Probe again after the last step, then show the end screen. */
  verifyAll(): Promise<void>;
  clock(): number;
  /** Keeps the checking list on screen for its minimum time since `started` (issue 16, point 13). */
  holdChecking(started: number): Promise<void>;
}

export function createFixActions(core: ActionCore): FixActions {
  const { bridge, go, setPlan, refreshPlan, problem } = core;

  /** A chosen update file changes the step's preview (its checks, facts and readiness). */
  async function fileChosen(index: number, file: LocalFile): Promise<void> {
    fixesStore.apply(fixes.updateFileChosen, index, file);
    await refreshPlan();
    const preview = await bridge.previewFix({ stepIndex: index });
    if (preview.ok) fixesStore.apply(fixes.previewLoaded, index, preview.value);
    else fixesStore.apply(fixes.requestFailed, index, preview.message);
  }

  const fixActions: FixActions = {
    startFixing() {
      // A fresh pass through the plan: steps skipped before are offered again.
      sessionStore.apply(session.skipsCleared);
      fixActions.nextAfterFix(-1);
    },

    async openFix(index) {
      go({ kind: 'fix', index });
      fixesStore.apply(fixes.previewRequested, index);
      const preview = await bridge.previewFix({ stepIndex: index });
      if (preview.ok) fixesStore.apply(fixes.previewLoaded, index, preview.value);
      else fixesStore.apply(fixes.requestFailed, index, preview.message);
    },

    async listUpdateFiles(index) {
      const choice = await bridge.chooseUpdateFile({ stepIndex: index });
      if (!choice.ok) return fixesStore.apply(fixes.requestFailed, index, choice.message);
      if (choice.value.status === 'pick') fixesStore.apply(fixes.candidatesOffered, index, choice.value.candidates);
      // Electron's system dialog answers with the chosen file at once.
      if (choice.value.status === 'chosen') await fileChosen(index, choice.value.file);
    },

    async chooseUpdateFile(index, path) {
      const choice = await bridge.chooseUpdateFile({ stepIndex: index, path });
      if (!choice.ok) return fixesStore.apply(fixes.requestFailed, index, choice.message);
      if (choice.value.status === 'chosen') await fileChosen(index, choice.value.file);
    },

    async applyFix(index) {
      sessionStore.apply(session.stepUnskipped, index);
      fixesStore.apply(fixes.applyStarted, index);
      {
        const applied = await bridge.applyFix({ stepIndex: index, consent: true });
        if (!applied.ok) return fixesStore.apply(fixes.applyRejected, index, applied.code, applied.message);
        setPlan(applied.value.plan);
        fixesStore.apply(fixes.applyFinished, index, applied.value);
        if (fixes.runOf(fixesStore.getState(), index).phase !== 'verifying') return;
        const verified = await bridge.verifyFix({ stepIndex: index });
        if (!verified.ok) return fixesStore.apply(fixes.applyRejected, index, verified.code, verified.message);
        setPlan(verified.value.plan);
        sessionStore.apply(session.diagnosed, verified.value.diagnosis, null);
        fixesStore.apply(fixes.verifyFinished, index, verified.value);
      }
    },

    async cancelFix() {
      await bridge.cancelFix();
    },

    async undoFix(index) {
      fixesStore.apply(fixes.undoStarted, index);
      const undone = await bridge.undoFix({ stepIndex: index, consent: true });
      if (!undone.ok) return fixesStore.apply(fixes.requestFailed, index, undone.message);
      setPlan(undone.value.plan);
      fixesStore.apply(fixes.undoFinished, index, undone.value);
    },

    nextAfterFix(index) {
      const state = sessionStore.getState();
      const plan = session.planSteps(state);
      const step = stepAfterFix(plan, index, passedOver(plan, session.finishedSteps(state), session.skippedIndexes(state)));
      if (step.kind === 'fix') void fixActions.openFix(step.index);
      else void core.verifyAll();
    },

    skipFix(index) {
      const step = session.planSteps(sessionStore.getState())[index];
      if (step) sessionStore.apply(session.stepSkipped, { index, kind: step.step, title: step.title });
      fixActions.nextAfterFix(index);
    },

    backFromFix(index) {
      const step = stepBeforeFix(session.planSteps(sessionStore.getState()), index);
      if (step.kind === 'fix') void fixActions.openFix(step.index);
      else go(step);
    },

    async rebootNow(index) {
      fixesStore.apply(fixes.applyStarted, index);
      const rebooted = await bridge.reboot({ when: 'now' });
      if (!rebooted.ok) return fixesStore.apply(fixes.applyRejected, index, rebooted.code, rebooted.message);
      fixesStore.apply(fixes.rebootStarted, index, rebooted.value.message);
      if (rebooted.value.restarted) await fixActions.resume();
    },

    async rebootLater(index) {
      sessionStore.apply(session.stepUnskipped, index);
      const later = await bridge.reboot({ when: 'later' });
      if (!later.ok) return fixesStore.apply(fixes.applyRejected, index, later.code, later.message);
      fixesStore.apply(fixes.rebootPostponed, index, later.value.message);
    },

    async resume() {
      // The main process checks the machine again (progress events tick the list) and makes a fresh plan.
      checkingStore.apply(checking.startChecking, PROBE_SECTION_ORDER);
      go({ kind: 'checking' });
      const started = core.clock();
      const resumed = await bridge.resumeAfterRestart();
      sessionStore.apply(session.resumeConsumed);
      if (!resumed.ok) {
        checkingStore.apply(checking.finishChecking, { kind: 'failed', message: resumed.message });
        return go(problem(resumed));
      }
      checkingStore.apply(checking.finishChecking, { kind: 'done' });
      await core.holdChecking(started);
      if (!resumed.value.resumed) return go({ kind: 'welcome' });
      fixesStore.reset();
      sessionStore.apply(session.diagnosed, resumed.value.diagnosis, null);
      setPlan(resumed.value.plan);
      sessionStore.apply(session.resumedAt, resumed.value);
      const index = resumed.value.stepIndex;
      if (index === null) go({ kind: 'done' });
      else await fixActions.openFix(index);
    },
  };
  return fixActions;
}
