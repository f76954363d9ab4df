// The gate every request passes, from Electron IPC and from the preview bridge alike: a known
// operation name, an argument small enough and valid against the contract's strict schema, then the
// handler; whatever happens, the answer is an Outcome (errors as data, never a thrown exception).
import { z } from 'zod';
import { BridgeError, MAX_ARGUMENT_BYTES, failWith, isOperationName, operationArgumentSchemas, succeed, type Outcome } from '../contract/index.js';
import type { HandlerTable } from './handler-types.js';
import { PlanRunError } from '../plan-runner/errors.js';

export type Dispatch = (operation: unknown, args: unknown) => Promise<Outcome<unknown>>;

/** Size of an argument as UTF-8 JSON; null when it is not JSON at all (functions, cycles, bigint). */
export function argumentBytes(args: unknown): number | null {
  try {
    const text = JSON.stringify(args ?? {});
    return text === undefined ? null : Buffer.byteLength(text, 'utf8');
  } catch {
    return null;
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'argument'}: ${issue.message}`)
    .join('; ');
}

export function createDispatcher(handlers: HandlerTable, log: (line: string) => void = () => {}): Dispatch {
  // Every refused call leaves one log line (never the argument itself: it may carry anything).
  const refuse = (code: Parameters<typeof failWith>[0], message: string) => {
    log(`refused call: ${code}: ${message.slice(0, 200)}`);
    return failWith(code, message);
  };
  return async (operation, args) => {
    if (!isOperationName(operation)) {
      const name = typeof operation === 'string' ? operation : `(a ${typeof operation})`;
      return refuse('unknown-operation', `There is no operation called ${JSON.stringify(name).slice(0, 80)}.`);
    }
    const bytes = argumentBytes(args);
    if (bytes === null) return refuse('invalid-argument', `${operation}: the argument is not plain data.`);
    if (bytes > MAX_ARGUMENT_BYTES) {
      return refuse('payload-too-large', `${operation}: the argument is ${bytes} bytes; at most ${MAX_ARGUMENT_BYTES} are accepted.`);
    }
    const parsed = operationArgumentSchemas[operation].safeParse(args ?? {});
    if (!parsed.success) return refuse('invalid-argument', `${operation}: ${describeIssues(parsed.error)}`);
    try {
      const handler = handlers[operation] as (validated: unknown) => Promise<unknown>;
      return succeed(await handler(parsed.data));
    } catch (error) {
      if (error instanceof BridgeError) return failWith(error.code, error.message);
      // The plan runner's domain errors carry a code the bridge has too.
      if (error instanceof PlanRunError) return failWith(error.code, error.message, error.messageRef);
      log(`${operation} failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return failWith('internal', `${operation} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
