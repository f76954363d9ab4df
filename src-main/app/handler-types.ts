// The shape of the handler table: one async function per contract operation, receiving the
// validated argument and returning the operation's result (or throwing a BridgeError).
import type { OperationName, OperationResults, ValidatedArgs } from '../contract/index.js';

export type HandlerTable = {
  [Op in OperationName]: (args: ValidatedArgs<Op>) => Promise<OperationResults[Op]>;
};
