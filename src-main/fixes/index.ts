// Entry point of the fixes: one Fix per plan step (describe -> preview -> apply -> verify -> undo),
// plus the journal, elevation detection and the restart resume that the app and the CLI call.
import type { PlanStep } from '../diagnosis/schema.js';
import { createAgentServicesFix } from './agent-services.js';
import { createGuidanceFix } from './guidance.js';
import { createRebootFix } from './reboot.js';
import { createRootCertificateFix } from './root-certificate.js';
import type { Fix, FixContext } from './types.js';
import { createWindowsUpdateFix } from './windows-update.js';

export type * from './types.js';
export { ActionJournal, JournalWriteError, nodeJournalFile, type JournalEntry, type JournalFile, type JournalReadResult, type UnfinishedRun } from './journal.js';
export { detectElevation } from './elevation.js';
export { findResumePoint, resumeAfterRestart, type ResumePoint, type ResumeResult } from './reboot.js';
export { localFiles, type FileAccess } from './files.js';
export { bundledRootCertificatePath } from './certificate-check.js';
export { formatCode } from './exit-codes.js';

export function createFix(step: PlanStep, context: FixContext): Fix {
  switch (step.step) {
    case 'install-root-certificate':
      return createRootCertificateFix(step, context);
    case 'install-windows-update':
      return createWindowsUpdateFix(step, context);
    case 'reboot':
      return createRebootFix(step, context);
    case 'start-agent-services':
      return createAgentServicesFix(step, context);
    case 'upgrade-windows':
    case 'contact-support':
      return createGuidanceFix({ ...step, step: step.step }, context);
  }
}
