// The contract's operation names as a runtime list, without importing the contract's zod schemas
// into the renderer bundle. The Record type makes the compiler insist the list is complete and exact.
import type { OperationName } from '../../src-main/contract/index.js';

const operationSet: Record<OperationName, true> = {
  getAppInfo: true,
  startProbe: true,
  cancelProbe: true,
  getDiagnosis: true,
  getSnapshot: true,
  listPlan: true,
  previewFix: true,
  applyFix: true,
  cancelFix: true,
  verifyFix: true,
  undoFix: true,
  chooseUpdateFile: true,
  reboot: true,
  resumeAfterRestart: true,
  previewRedaction: true,
  exportReport: true,
  openReceived: true,
  closeReceived: true,
  decodeSupportCode: true,
  allowNetwork: true,
  openExternalLink: true,
};

export const BRIDGE_OPERATIONS = Object.keys(operationSet) as OperationName[];
