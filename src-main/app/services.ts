// The other areas' modules the handler table adapts (probe, diagnosis, fixes, report, redaction,
// support code), gathered behind one interface so the table stays thin and tests can see its seams.
// default-services.ts binds the real modules.
import type { ProbeSection, RedactionReplacement } from '../contract/index.js';
import type { Diagnosis, PlanStep } from '../diagnosis/schema.js';
import type { ActionJournal } from '../fixes/journal.js';
import type { Fix, FixContext } from '../fixes/types.js';
import type { Snapshot } from '../snapshot/schema.js';
import type { CommandRunner } from '../windows/command-runner.js';

/** What the probe reports per section (src-main/probe/collect.ts ProbeProgress). */
export interface ProbeProgressReport {
  section: string;
  status: 'started' | 'done' | 'failed' | 'skipped';
  elapsedMs: number;
  message?: string;
}

export interface ProbeRequest {
  runner: CommandRunner;
  network?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ProbeProgressReport) => void;
  sections?: readonly ProbeSection[];
}

export interface ReportRequest {
  snapshot: Snapshot;
  diagnosis: Diagnosis;
  journal: ActionJournal | null;
  outDir: string;
  redact: boolean;
}

export interface WrittenReport {
  folder: string;
  files: string[];
  supportCode: string | null;
  /** The report as self-contained HTML (printed to PDF where the shell can). */
  html: string;
}

export interface AppServices {
  collectSnapshot(request: ProbeRequest): Promise<Snapshot>;
  diagnose(snapshot: Snapshot): Diagnosis;
  createFix(step: PlanStep, context: FixContext): Fix;
  openJournal(path: string): ActionJournal;
  redactSnapshot(snapshot: Snapshot): { snapshot: Snapshot; replacements: RedactionReplacement[] };
  writeReport(request: ReportRequest): Promise<WrittenReport>;
  decodeSupportCode(code: string): { ok: true; code: string; facts: { label: string; value: string }[] } | { ok: false; error: string };
}
