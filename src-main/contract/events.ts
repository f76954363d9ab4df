// Events the main process pushes to the renderer while long work runs (probe sections, fix progress).
// Electron sends them on `acs:event:<name>`; the preview streams them as server-sent events.
import type { MessageRef } from '../shared/i18n/format.js';
import type { EventName as SharedEventName, ProbeProgressStatus, ProbeSectionName } from '../shared/names.js';

export { EVENT_NAMES } from '../shared/names.js';

export type ProbeSection = ProbeSectionName;

export interface ProbeProgressEvent {
  probeId: string;
  section: string;
  status: ProbeProgressStatus;
  elapsedMs: number;
  message?: string;
}

export interface FixProgressEvent {
  stepIndex: number;
  action: 'apply' | 'verify' | 'undo' | 'reboot';
  /** English; `messageRef` says it in the wizard's language. */
  message: string;
  messageRef?: MessageRef;
  /** 0..100 when the fix can tell, else null. */
  percent: number | null;
  elapsedMs: number;
}

export interface EventPayloads {
  'probe-progress': ProbeProgressEvent;
  'fix-progress': FixProgressEvent;
}

export type EventName = keyof EventPayloads;
// The payload table has exactly the shared event names (a compile error otherwise).
type Assert<T extends true> = T;
export type EventNamesMatch = Assert<[EventName] extends [SharedEventName] ? ([SharedEventName] extends [EventName] ? true : false) : false>;
