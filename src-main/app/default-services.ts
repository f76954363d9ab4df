// Binds the handler table's services to the real modules of the other areas.
import { diagnose } from '../diagnosis/diagnose.js';
import { ActionJournal, createFix, findResumePoint, resumeAfterRestart } from '../fixes/index.js';
import { collectSnapshot } from '../probe/collect.js';
import { previewRedaction } from '../redaction/redact.js';
import { exportReport } from '../report/export.js';
import { openReceived } from '../report/open-received.js';
import { adviseSupportSummary, decodeSupportCode, describeSupportSummary } from '../support-code/index.js';
import type { AppServices } from './services.js';

export const defaultServices: AppServices = {
  collectSnapshot,
  diagnose,
  createFix,
  openJournal: (path) => new ActionJournal(path),
  findResumePoint,
  resumeAfterRestart,
  previewRedaction,
  exportReport,
  openReceived,
  decodeSupportCode(code) {
    const decoded = decodeSupportCode(code);
    return decoded.ok ? { ok: true, code: decoded.code, facts: describeSupportSummary(decoded.summary, 'en', { withMessages: true }), advice: adviseSupportSummary(decoded.summary) } : decoded;
  },
};
