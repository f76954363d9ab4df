// One fix step at a time: its preview, the chosen update file, live progress, the verified result and
// undo. Keyed by plan step index; every change is a pure transition on one step's run.
import type { ApplyOutcome, FixPreview, FixProgressEvent, LocalFile, UndoOutcome, VerifyOutcome } from '../../src-main/contract/index.js';
import { createSlice } from './store.js';

export type FixPhase =
  | 'loading'
  | 'ready'
  | 'applying'
  | 'verifying'
  /** Finished: see `result` for how. */
  | 'finished'
  | 'undoing'
  | 'failed';

export type FixResult =
  | { kind: 'verified'; message: string }
  | { kind: 'not-verified'; message: string }
  | { kind: 'awaiting-reboot'; message: string }
  | { kind: 'declined'; message: string; adminInstructions: string | null; portableBuild?: boolean; adminFolder?: string | null }
  | { kind: 'refused'; message: string }
  | { kind: 'guidance'; message: string }
  | { kind: 'nothing-to-do'; message: string }
  | { kind: 'cancelled'; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'undone'; message: string }
  | { kind: 'restarting'; message: string }
  | { kind: 'restart-later'; message: string };

export interface FixRun {
  phase: FixPhase;
  preview: FixPreview | null;
  /** Progress lines of the running action, oldest first. */
  progress: FixProgressEvent[];
  result: FixResult | null;
  /** Files offered to pick from (the preview has no native dialog), or null. */
  candidates: LocalFile[] | null;
  updateFile: LocalFile | null;
  /** A bridge error that stopped the last request (shown next to the step). */
  error: string | null;
}

export interface FixesState {
  runs: Record<number, FixRun>;
}

export function initialFixes(): FixesState {
  return { runs: {} };
}

export function emptyRun(): FixRun {
  return { phase: 'loading', preview: null, progress: [], result: null, candidates: null, updateFile: null, error: null };
}

export function runOf(state: FixesState, index: number): FixRun {
  return state.runs[index] ?? emptyRun();
}

function update(state: FixesState, index: number, change: (run: FixRun) => FixRun): FixesState {
  return { runs: { ...state.runs, [index]: change(runOf(state, index)) } };
}

export function previewRequested(state: FixesState, index: number): FixesState {
  return update(state, index, (run) => ({ ...run, phase: run.result ? run.phase : 'loading', error: null }));
}

export function previewLoaded(state: FixesState, index: number, preview: FixPreview): FixesState {
  return update(state, index, (run) => ({ ...run, preview, phase: run.result ? run.phase : 'ready' }));
}

export function requestFailed(state: FixesState, index: number, message: string): FixesState {
  return update(state, index, (run) => ({ ...run, phase: run.preview ? (run.result ? 'finished' : 'ready') : 'failed', error: message }));
}

export function candidatesOffered(state: FixesState, index: number, candidates: LocalFile[]): FixesState {
  return update(state, index, (run) => ({ ...run, candidates, error: null }));
}

export function updateFileChosen(state: FixesState, index: number, file: LocalFile): FixesState {
  return update(state, index, (run) => ({ ...run, updateFile: file, candidates: null, error: null }));
}

export function applyStarted(state: FixesState, index: number): FixesState {
  return update(state, index, (run) => ({ ...run, phase: 'applying', progress: [], result: null, error: null }));
}

/** A progress event goes to its step's run (events of other steps never mix in). */
export function progressArrived(state: FixesState, event: FixProgressEvent): FixesState {
  const run = state.runs[event.stepIndex];
  if (!run || (run.phase !== 'applying' && run.phase !== 'verifying' && run.phase !== 'undoing')) return state;
  return update(state, event.stepIndex, (current) => ({ ...current, progress: [...current.progress, event].slice(-50) }));
}

/** After apply: the main process's step state (the plan runner's transition, src-main/plan-runner/steps.ts)
 * says where the step is; the fix's status only tells "nothing to do" from done, and the kinds of failure
 * apart. Applied (not yet verified) goes on to verification. */
export function applyFinished(state: FixesState, index: number, outcome: ApplyOutcome): FixesState {
  return update(state, index, (run) => {
    const finished = (result: FixResult): FixRun => ({ ...run, phase: 'finished', result });
    const message = outcome.message;
    switch (outcome.state) {
      case 'awaiting-reboot':
        return finished({ kind: 'awaiting-reboot', message });
      case 'verified':
      case 'applied':
        if (outcome.status === 'nothing-to-do') return finished({ kind: 'nothing-to-do', message });
        return outcome.state === 'verified' ? finished({ kind: 'verified', message }) : { ...run, phase: 'verifying' };
      case 'previewed':
        // The step gave instructions only and stays where it was: the person acts outside the app.
        return finished({ kind: 'guidance', message });
      case 'failed':
        if (outcome.status === 'declined')
          return finished({
            kind: 'declined',
            message,
            adminInstructions: outcome.adminInstructions,
            ...(outcome.adminReason === 'portable-build' ? { portableBuild: true } : {}),
            ...(outcome.adminScriptFolder ? { adminFolder: outcome.adminScriptFolder } : {}),
          });
        return finished({ kind: outcome.status === 'refused' ? 'refused' : 'failed', message });
      default:
        return finished({ kind: 'failed', message });
    }
  });
}

/** The bridge refused the request or the work failed before an outcome: "cancelled" is told apart. */
export function applyRejected(state: FixesState, index: number, code: string, message: string): FixesState {
  const kind = code === 'cancelled' ? 'cancelled' : 'failed';
  return update(state, index, (run) => ({ ...run, phase: 'finished', result: { kind, message } }));
}

/** Restart requested: the run waits for Windows to come back (the app resumes at the next step). */
export function rebootStarted(state: FixesState, index: number, message: string): FixesState {
  return update(state, index, (run) => ({ ...run, phase: 'finished', result: { kind: 'restarting', message } }));
}

/** "Restart later": the journal remembers; the assistant continues when opened after the restart. */
export function rebootPostponed(state: FixesState, index: number, message: string): FixesState {
  return update(state, index, (run) => ({ ...run, phase: 'finished', result: { kind: 'restart-later', message } }));
}

export function verifyStarted(state: FixesState, index: number): FixesState {
  return update(state, index, (run) => ({ ...run, phase: 'verifying', error: null }));
}

export function verifyFinished(state: FixesState, index: number, outcome: VerifyOutcome): FixesState {
  return update(state, index, (run) => ({
    ...run,
    phase: 'finished',
    result: { kind: outcome.verified ? 'verified' : 'not-verified', message: outcome.message },
  }));
}

export function undoStarted(state: FixesState, index: number): FixesState {
  return update(state, index, (run) => ({ ...run, phase: 'undoing', progress: [], error: null }));
}

export function undoFinished(state: FixesState, index: number, outcome: UndoOutcome): FixesState {
  return update(state, index, (run) => ({
    ...run,
    phase: 'finished',
    result: outcome.undone ? { kind: 'undone', message: outcome.message } : run.result,
    error: outcome.undone ? null : outcome.message,
  }));
}

const CONTINUE_AFTER = new Set<FixResult['kind']>(['verified', 'awaiting-reboot', 'guidance', 'nothing-to-do']);

/** May the user move on to the next step? Only once this one reached a result that allows it. */
export function canContinue(run: FixRun): boolean {
  if (run.phase !== 'finished' || !run.result) return false;
  return CONTINUE_AFTER.has(run.result.kind);
}

export const fixesStore = createSlice(initialFixes);
