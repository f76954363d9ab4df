// What the session looks at: which machine (this one, simulated, or a received snapshot), its
// diagnosis and the plan with each step's state, as the main process reports them.
import type { AppInfo, LocalFile, PlanView, ReceivedOrigin, SnapshotSummary } from '../../src-main/contract/index.js';
import type { Diagnosis, PlanStep } from '../../src-main/contract/index.js';
import { createSlice } from './store.js';

export interface SessionState {
  appInfo: AppInfo | null;
  diagnosis: Diagnosis | null;
  snapshot: SnapshotSummary | null;
  plan: PlanView | null;
  /** Set while a received snapshot is open: the view is read-only. */
  received: ReceivedOrigin | null;
  /** The diagnosis before the fixes, to tell the user what changed. */
  firstDiagnosis: Diagnosis | null;
  /** Snapshot files offered to pick from when the shell has no file dialog (browser preview). */
  receivedCandidates: LocalFile[] | null;
  /** Why the chosen file or folder could not be opened (the chooser stays, with a way back). */
  receivedError: string | null;
  /** Plan steps the person skipped or postponed in this pass through the plan (they stay open). */
  skipped: SkippedStep[];
  /** After a restart (or reopening without one): steps counted before the fresh plan, so "Step 3 of 4"
   * stays "Step 3 of 4", and whether Windows really restarted (boot time changed) for the step shown. */
  resumed: { offset: number; stepIndex: number | null; restarted: boolean | null } | null;
}

export interface SkippedStep {
  index: number;
  kind: PlanStep['step'];
  title: string;
}

export function initialSession(): SessionState {
  return { appInfo: null, diagnosis: null, snapshot: null, plan: null, received: null, firstDiagnosis: null, receivedCandidates: null, receivedError: null, skipped: [], resumed: null };
}

export function appInfoLoaded(state: SessionState, appInfo: AppInfo): SessionState {
  return { ...state, appInfo, received: appInfo.received };
}

/** A fresh check of this machine: diagnosis and snapshot summary replace the old ones. */
export function diagnosed(state: SessionState, diagnosis: Diagnosis, snapshot: SnapshotSummary | null): SessionState {
  return {
    ...state,
    diagnosis,
    snapshot: snapshot ?? state.snapshot,
    firstDiagnosis: state.firstDiagnosis ?? diagnosis,
    received: null,
  };
}

export function planLoaded(state: SessionState, plan: PlanView): SessionState {
  return { ...state, plan };
}

export function receivedOpened(state: SessionState, received: ReceivedOrigin, snapshot: SnapshotSummary, diagnosis: Diagnosis): SessionState {
  return { ...state, received, snapshot, diagnosis, plan: null, firstDiagnosis: null, receivedCandidates: null, receivedError: null };
}

export function receivedCandidates(state: SessionState, candidates: LocalFile[]): SessionState {
  return { ...state, receivedCandidates: candidates, receivedError: null };
}

export function receivedFailed(state: SessionState, message: string): SessionState {
  return { ...state, receivedError: message };
}

export function receivedClosed(state: SessionState): SessionState {
  return { ...state, received: null, diagnosis: null, snapshot: null, plan: null, firstDiagnosis: null };
}

/** Resuming after a restart forgets the pending resume point. */
export function resumeConsumed(state: SessionState): SessionState {
  return state.appInfo ? { ...state, appInfo: { ...state.appInfo, resume: null } } : state;
}

/** The plan steps by index as the main process numbers them (the plan made by the first check; a
 * later diagnosis may list fewer steps, but step indexes stay those of this plan). */
export function planSteps(state: Pick<SessionState, 'plan' | 'diagnosis'>): PlanStep[] {
  if (state.plan) return [...state.plan.steps].sort((a, b) => a.index - b.index).map((view) => view.step);
  return state.diagnosis?.plan ?? [];
}

/** Indexes of steps that are finished (verified), so "next step" skips them. */
export function finishedSteps(state: Pick<SessionState, 'plan'>): Set<number> {
  return new Set((state.plan?.steps ?? []).filter((view) => view.state === 'verified').map((view) => view.index));
}

/** The person skipped (or postponed) a step: it stays open in the plan. */
export function stepSkipped(state: SessionState, skipped: SkippedStep): SessionState {
  return { ...state, skipped: [...state.skipped.filter((other) => other.index !== skipped.index), skipped] };
}

/** The person came back to a skipped step and started it after all. */
export function stepUnskipped(state: SessionState, index: number): SessionState {
  return state.skipped.some((other) => other.index === index) ? { ...state, skipped: state.skipped.filter((other) => other.index !== index) } : state;
}

/** Picked up after a restart: where the numbering continues, and whether Windows restarted. The offset
 * counts the steps before the restart step, plus the restart step itself once it is done (the fresh
 * plan no longer begins with it). */
export function resumedAt(state: SessionState, outcome: { stepIndex: number | null; restarted: boolean | null; stepsBefore: number | null; plan: PlanView }): SessionState {
  const first = [...outcome.plan.steps].sort((a, b) => a.index - b.index).find((view) => view.step.step !== 'contact-support');
  const offset = outcome.stepsBefore === null ? 0 : outcome.stepsBefore + (first?.step.step === 'reboot' ? 0 : 1);
  return { ...state, resumed: { offset, stepIndex: outcome.stepIndex, restarted: outcome.restarted } };
}

/** A new check of this computer numbers its plan from 1 again. */
export function resumeForgotten(state: SessionState): SessionState {
  return state.resumed === null ? state : { ...state, resumed: null };
}

/** A fresh pass through the plan. */
export function skipsCleared(state: SessionState): SessionState {
  return state.skipped.length === 0 ? state : { ...state, skipped: [] };
}

export function skippedIndexes(state: Pick<SessionState, 'skipped'>): Set<number> {
  return new Set(state.skipped.map((step) => step.index));
}

/** The person allowed or stopped the app's own network use. */
export function networkChosen(state: SessionState, offline: boolean): SessionState {
  return state.appInfo ? { ...state, appInfo: { ...state.appInfo, offline } } : state;
}

/** The app works offline unless the main process says otherwise. */
export function isOffline(state: SessionState): boolean {
  return state.appInfo?.offline ?? true;
}

export const sessionStore = createSlice(initialSession);
