// The "Checking" screen's state: one line per probe section, ticking off as progress events arrive.
import { createSlice } from './store.js';

export type SectionStatus = 'waiting' | 'started' | 'done' | 'failed' | 'skipped';

/** A progress event from the probe (same shape as ProbeProgress in src-main/probe/collect.ts). */
export interface SectionProgress {
  section: string;
  status: 'started' | 'done' | 'failed' | 'skipped';
  elapsedMs: number;
  message?: string;
}

export interface SectionLine {
  section: string;
  status: SectionStatus;
  /** Time the section took (done/failed/skipped) or has taken so far (started). */
  elapsedMs: number | null;
  message: string | null;
}

export type CheckingPhase = 'idle' | 'running' | 'cancelling' | 'cancelled' | 'done' | 'failed';

export interface CheckingState {
  phase: CheckingPhase;
  lines: SectionLine[];
  /** Milliseconds since the check started, from the newest event or clock tick. */
  elapsedMs: number;
  error: string | null;
  /** The newest change in words, for the screen reader live region. */
  lastEvent: SectionProgress | null;
}

export function initialChecking(): CheckingState {
  return { phase: 'idle', lines: [], elapsedMs: 0, error: null, lastEvent: null };
}

export function startChecking(_state: CheckingState, sections: readonly string[]): CheckingState {
  return {
    phase: 'running',
    lines: sections.map((section) => ({ section, status: 'waiting', elapsedMs: null, message: null })),
    elapsedMs: 0,
    error: null,
    lastEvent: null,
  };
}

/** A progress event updates its section's line; a section the list did not know is appended. */
export function applySectionProgress(state: CheckingState, progress: SectionProgress): CheckingState {
  // Events may trail the probe's answer by a moment (a separate stream): 'done' still takes them.
  if (state.phase !== 'running' && state.phase !== 'cancelling' && state.phase !== 'done') return state;
  const line: SectionLine = {
    section: progress.section,
    status: progress.status,
    elapsedMs: progress.elapsedMs,
    message: progress.message ?? null,
  };
  const known = state.lines.some((existing) => existing.section === progress.section);
  const lines = known ? state.lines.map((existing) => (existing.section === progress.section ? line : existing)) : [...state.lines, line];
  return { ...state, lines, lastEvent: progress, elapsedMs: Math.max(state.elapsedMs, progress.elapsedMs) };
}

/** The clock ticks while sections run, so the elapsed time moves even between events. */
export function tickChecking(state: CheckingState, elapsedMs: number): CheckingState {
  if (state.phase !== 'running' && state.phase !== 'cancelling') return state;
  return { ...state, elapsedMs: Math.max(state.elapsedMs, elapsedMs) };
}

export function requestCancel(state: CheckingState): CheckingState {
  return state.phase === 'running' ? { ...state, phase: 'cancelling' } : state;
}

export type CheckingOutcome = { kind: 'done'; sectionErrors?: readonly { section: string; message: string }[] } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/** When the snapshot has arrived, every section in it is finished: those the snapshot lists as
 * failed are failed, the others done (their own events may still follow with the timings). */
function settleLines(lines: readonly SectionLine[], sectionErrors: readonly { section: string; message: string }[]): SectionLine[] {
  return lines.map((line) => {
    if (line.status !== 'waiting' && line.status !== 'started') return line;
    const error = sectionErrors.find((candidate) => candidate.section === line.section && !candidate.message.startsWith('skipped'));
    return error ? { ...line, status: 'failed', message: error.message } : { ...line, status: 'done' };
  });
}

export function finishChecking(state: CheckingState, outcome: CheckingOutcome): CheckingState {
  switch (outcome.kind) {
    case 'done':
      return { ...state, phase: 'done', error: null, lines: settleLines(state.lines, outcome.sectionErrors ?? []) };
    case 'cancelled':
      return { ...state, phase: 'cancelled', error: null };
    case 'failed':
      return { ...state, phase: 'failed', error: outcome.message };
  }
}

/** Sections that did not finish: the result screen says its answer may be incomplete. */
export function unfinishedSections(state: CheckingState): SectionLine[] {
  return state.lines.filter((line) => line.status === 'failed');
}

export const checkingStore = createSlice(initialChecking);
