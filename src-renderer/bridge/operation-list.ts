// The contract's operation names as a runtime list: the shared names module (no zod, so the contract's
// schemas stay out of the renderer bundle).
import { OPERATION_NAMES, type OperationName } from '../../src-main/shared/names.js';

export const BRIDGE_OPERATIONS: readonly OperationName[] = OPERATION_NAMES;
