// The one typed contract between the renderer and the main process. The renderer imports it with
// `import type` only; the main process (Electron IPC and the preview bridge) validates with it.
import type { EventName, EventPayloads } from './events.js';
import type { OperationArgs, OperationName } from './operations.js';
import type { Outcome } from './outcome.js';
import type { OperationResults } from './results.js';

export * from './outcome.js';
export * from './operations.js';
export * from './events.js';
export type * from './results.js';
/** Domain types the screens show, re-exported so the renderer imports the contract only. */
export type { Diagnosis, Finding, PlanStep, PlanStepKind } from '../diagnosis/schema.js';

/** IPC channel of an operation (ipcMain.handle / ipcRenderer.invoke) and of an event. */
export const OPERATION_CHANNEL_PREFIX = 'acs:op:';
export const EVENT_CHANNEL_PREFIX = 'acs:event:';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "{}" is exactly "an object with no required field" here
type EmptyArgs<Op extends OperationName> = {} extends OperationArgs<Op> ? true : false;

/** One function per operation: `bridge.previewFix({ stepIndex: 0 })`. Argument-less ones take none. */
export type BridgeOperations = {
  [Op in OperationName]: EmptyArgs<Op> extends true ? (args?: OperationArgs<Op>) => Promise<Outcome<OperationResults[Op]>> : (args: OperationArgs<Op>) => Promise<Outcome<OperationResults[Op]>>;
};

/** What `window.acsBridge` (Electron preload) and the preview's HTTP client both provide. */
export interface AcsBridge extends BridgeOperations {
  /** Listen to an event; returns the function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

export type OperationResult<Op extends OperationName> = Outcome<OperationResults[Op]>;
