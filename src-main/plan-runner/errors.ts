// What can go wrong driving the plan, as domain errors: the app maps them to bridge codes
// (src-main/app/dispatch.ts), the CLI to exit codes (src-main/cli/commands/fix.ts).
import { renderMessage, type MessageRef } from '../shared/i18n/index.js';

export type PlanRunErrorCode =
  /** Nothing has been checked yet: there is no plan. */
  | 'no-snapshot'
  /** The plan has no step with this index. */
  | 'no-such-step'
  /** The step cannot run now (not previewed, not undoable, wrong kind of step…). */
  | 'precondition'
  /** The step ran and could not finish (the message says why). */
  | 'failed';

export class PlanRunError extends Error {
  override readonly name = 'PlanRunError';
  /** The message as a message of the catalogue (the app and the CLI say it in the person's language). */
  readonly messageRef: MessageRef | undefined;
  /** `message`: English words, or a message of the catalogue (its English text becomes the error's message). */
  constructor(
    readonly code: PlanRunErrorCode,
    message: string | MessageRef,
  ) {
    super(typeof message === 'string' ? message : renderMessage(message, 'en'));
    this.messageRef = typeof message === 'string' ? undefined : message;
  }
}
