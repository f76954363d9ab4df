// The other areas' modules the handler table adapts (probe, diagnosis, fixes, report, redaction,
// support code), gathered behind one interface so the table stays thin and tests can see its seams.
// default-services.ts binds the real modules.
import type { RedactionReplacement } from '../contract/index.js';
import type { Diagnosis, PlanStep } from '../diagnosis/schema.js';
import type { ActionJournal } from '../fixes/journal.js';
import type { ResumePoint, ResumeResult } from '../fixes/reboot.js';
import type { Fix, FixContext } from '../fixes/types.js';
import type { RedactionInput } from '../redaction/redact.js';
import type { Snapshot } from '../snapshot/schema.js';
import type { CollectOptions, ProbeProgress } from '../probe/collect.js';
import type { ExportReportOptions, ExportResult } from '../report/export.js';
import type { ReceivedResult } from '../report/open-received.js';
import type { SupportAdvice } from '../support-code/advice.js';

export type ProbeRequest = CollectOptions;
export type ProbeProgressReport = ProbeProgress;

export interface AppServices {
  collectSnapshot(request: ProbeRequest): Promise<Snapshot>;
  diagnose(snapshot: Snapshot): Diagnosis;
  createFix(step: PlanStep, context: FixContext): Fix;
  openJournal(path: string): ActionJournal;
  /** The restart the plan should continue after, from the journal (null: none pending). */
  findResumePoint(context: Pick<FixContext, 'journal'>): Promise<ResumePoint | null>;
  /** Checks the restart took effect (journaled) and hands back the rest of the plan. */
  resumeAfterRestart(context: FixContext): Promise<ResumeResult | null>;
  /** Exactly what an export with redaction on would replace, and where. */
  previewRedaction(input: RedactionInput): { replacements: RedactionReplacement[] };
  /** Writes the report folder (redacted unless told otherwise; PDF when renderPdf is given). */
  exportReport(options: ExportReportOptions): Promise<ExportResult>;
  /** Opens a snapshot file or report folder from a customer (manifest checked, diagnosed again). */
  openReceived(path: string): Promise<ReceivedResult>;
  /** The code's facts as labelled lines and, where known, what is missing and what to tell the caller next. */
  decodeSupportCode(code: string): { ok: true; code: string; facts: { label: string; value: string }[]; advice?: SupportAdvice } | { ok: false; error: string };
}
