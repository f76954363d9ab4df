// The report screen's state: redaction on by default, its preview, and the exported files with the
// support code for the phone.
import type { RedactionReplacement, ReportExport } from '../../src-main/contract/index.js';
import { createSlice } from './store.js';

export type ReportPhase = 'idle' | 'loading-preview' | 'ready' | 'saving' | 'saved' | 'failed';

export interface ReportState {
  phase: ReportPhase;
  redact: boolean;
  replacements: RedactionReplacement[] | null;
  exported: ReportExport | null;
  error: string | null;
}

export function initialReport(): ReportState {
  return { phase: 'idle', redact: true, replacements: null, exported: null, error: null };
}

export function redactionPreviewRequested(state: ReportState): ReportState {
  return { ...state, phase: 'loading-preview', error: null };
}

export function redactionPreviewLoaded(state: ReportState, replacements: RedactionReplacement[]): ReportState {
  return { ...state, phase: 'ready', replacements };
}

/** Changing the redaction choice makes an earlier export stale. */
export function redactionChosen(state: ReportState, redact: boolean): ReportState {
  return { ...state, redact, exported: null, phase: state.phase === 'saved' ? 'ready' : state.phase };
}

export function exportStarted(state: ReportState): ReportState {
  return { ...state, phase: 'saving', error: null };
}

export function exportFinished(state: ReportState, exported: ReportExport): ReportState {
  return { ...state, phase: 'saved', exported };
}

export function reportFailed(state: ReportState, message: string): ReportState {
  return { ...state, phase: 'failed', error: message };
}

export const reportStore = createSlice(initialReport);
