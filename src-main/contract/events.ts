// Events the main process pushes to the renderer while long work runs (probe sections, fix progress).
// Electron sends them on `acs:event:<name>`; the preview streams them as server-sent events.
import type { PROBE_SECTIONS } from './operations.js';

export type ProbeSection = (typeof PROBE_SECTIONS)[number];

export interface ProbeProgressEvent {
  probeId: string;
  section: string;
  status: 'started' | 'done' | 'failed' | 'skipped';
  elapsedMs: number;
  message?: string;
}

export interface FixProgressEvent {
  stepIndex: number;
  action: 'apply' | 'verify' | 'undo' | 'reboot';
  message: string;
  /** 0..100 when the fix can tell, else null. */
  percent: number | null;
  elapsedMs: number;
}

export interface EventPayloads {
  'probe-progress': ProbeProgressEvent;
  'fix-progress': FixProgressEvent;
}

export type EventName = keyof EventPayloads;
export const EVENT_NAMES = ['probe-progress', 'fix-progress'] as const satisfies readonly EventName[];
