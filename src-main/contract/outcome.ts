// How every answer crosses the bridge: data, never a thrown exception. `{ ok: true, value }` or
// `{ ok: false, code, message }` with a code the renderer can branch on and a message people can read.
import type { MessageRef } from '../shared/i18n/format.js';

export const BRIDGE_ERROR_CODES = [
  /** The operation name is not in the contract. */
  'unknown-operation',
  /** Arguments failed validation (wrong type, missing or extra field). */
  'invalid-argument',
  /** The serialized arguments exceed MAX_ARGUMENT_BYTES. */
  'payload-too-large',
  /** Wrong sender frame, foreign origin, missing or wrong preview token. */
  'forbidden',
  /** Another probe or fix is running; wait for it or cancel it. */
  'busy',
  /** Nothing has been checked yet (no snapshot, no diagnosis, no plan). */
  'no-snapshot',
  /** The step index is not in the current plan. */
  'no-such-step',
  /** The session shows a snapshot received from someone else's machine: nothing can be changed. */
  'read-only',
  /** The step needs something first (a preview, an update file, an earlier step). */
  'precondition',
  /** The user or the program cancelled the work. */
  'cancelled',
  /** The file or folder does not exist or is not what was expected. */
  'not-found',
  /** The URL is not on the allow-list of external links. */
  'link-not-allowed',
  /** This shell cannot do that (e.g. a PDF in the browser preview), or a module is not available. */
  'not-available',
  /** The work ran and failed; the message says why. */
  'failed',
  /** A bug: an unexpected exception in the main process. */
  'internal',
] as const;

export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

export interface BridgeFailure {
  ok: false;
  code: BridgeErrorCode;
  /** English; `messageRef`, when set, says it in the wizard's language. */
  message: string;
  messageRef?: MessageRef;
}

export type Outcome<T> = { ok: true; value: T } | BridgeFailure;

/** Thrown inside handlers only; the dispatcher turns it into a BridgeFailure before it leaves. */
export class BridgeError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

export function succeed<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function failWith(code: BridgeErrorCode, message: string, messageRef?: MessageRef): BridgeFailure {
  return messageRef ? { ok: false, code, message, messageRef } : { ok: false, code, message };
}
