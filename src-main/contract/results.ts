// What each operation answers with when it succeeds. Plain data (structured-clone and JSON safe):
// the same values reach the renderer through Electron IPC and through the preview's HTTP bridge.
import type { Diagnosis, PlanStep, PlanStepKind } from '../diagnosis/schema.js';
import type { CheckResult, CommandPreview as FixCommand, FixPreview as DomainFixPreview, FixStatus } from '../fixes/types.js';
import type { StepState } from '../shared/names.js';
import type { MessageRef } from '../shared/i18n/format.js';

export type { FixStatus } from '../fixes/types.js';
export type { StepState } from '../shared/names.js';
import type { Snapshot } from '../snapshot/schema.js';
import type { SupportAdvice } from '../support-code/advice.js';

export type { SupportAdvice, SupportNextStep } from '../support-code/advice.js';

/** Which machine the session looks at. */
export type HostView =
  | { kind: 'windows' }
  /** A computer that is not Windows (a packaged app has no simulated machines to show instead). */
  | { kind: 'other'; platform: string }
  | { kind: 'simulated'; profile: string; title: string; story: string };

/** A snapshot received from someone else: whose machine, when collected, when opened here. */
export interface ReceivedOrigin {
  computerName: string | null;
  collectedAt: string;
  /** File or folder name it was opened from (not the full path). */
  sourceName: string;
  openedAt: string;
  kind?: 'snapshot-file' | 'report-folder';
  /** Names were replaced by placeholders (HOST-1…) before it was sent. */
  redacted?: boolean;
  /** Report folders: the manifest's SHA-256 check (`checked` false without a manifest). */
  integrity?: { checked: boolean; problems: string[] };
  /** Things the reader should know (no manifest, verdict changed with this catalogue…). */
  warnings?: string[];
}

/** An unfinished fix found in the journal at start (the machine was restarted mid-plan). */
export interface ResumePoint {
  stepIndex: number | null;
  stepKind: PlanStepKind | null;
  title: string;
  titleMessage?: MessageRef;
  since: string;
}

export interface AppInfo {
  productName: string;
  version: string;
  /** "electron": the desktop app; "preview": the browser preview (simulated Windows only). */
  shell: 'electron' | 'preview';
  host: HostView;
  /** True while the app makes no network request of its own (the default; offline-first). */
  offline: boolean;
  /** Set while a received snapshot is open (read-only session). */
  received: ReceivedOrigin | null;
  readOnly: boolean;
  resume: ResumePoint | null;
  /** What the shell can do: a PDF export needs Electron's printToPDF. */
  capabilities: { pdf: boolean; nativeDialogs: boolean; reboot: boolean };
}

export interface SnapshotSummary {
  collectedAt: string;
  computerName: string | null;
  collector: { name: string; version: string; elevated: boolean; method: string | null } | null;
  durationMs: number | null;
  /** Sections that failed or timed out (the rest of the snapshot is still valid). */
  sectionErrors: { section: string; message: string }[];
}

export interface ProbeOutcome {
  probeId: string;
  snapshot: SnapshotSummary;
  diagnosis: Diagnosis;
}

export interface DiagnosisView {
  origin: 'this-machine' | 'received';
  received: ReceivedOrigin | null;
  snapshot: SnapshotSummary;
  diagnosis: Diagnosis;
}

export interface SnapshotView {
  origin: 'this-machine' | 'received';
  snapshot: Snapshot;
}

export interface LocalFile {
  path: string;
  name: string;
  sizeBytes: number | null;
  /** The KB the file name says it carries ("windows10.0-kb5011487-x64.msu" -> "KB5011487"). */
  kb: string | null;
}

export interface PlanStepView {
  index: number;
  step: PlanStep;
  state: StepState;
  canUndo: boolean;
  /** The step installs an update and needs a local file (offline) before it can run. */
  needsUpdateFile: boolean;
  updateFile: LocalFile | null;
  /** The last thing the fix said (progress, result or error). */
  lastMessage: string | null;
  lastMessageRef?: MessageRef;
}

export interface PlanView {
  readOnly: boolean;
  steps: PlanStepView[];
  /** The first step that is not verified yet; null when every step is done. */
  nextStepIndex: number | null;
}

/** A command of the fixes module (program and arguments exactly as they will run, purpose, elevated)
 * with the same as one readable line for the details panel. */
export interface CommandPreview extends FixCommand {
  display: string;
}

// Texts below are English; the message next to each (`xMessage` beside `x`, `messageRef` beside a field
// named …message, `xMessages` beside a list `x`) renders it in the wizard's language (docs/i18n.md).

/** A check made before anything changes (fingerprint, package name, signature…): the fixes module's own. */
export type FixCheck = CheckResult;

/** The fixes module's preview (kind, ready, blockers) with what the screen shows beside it. */
export interface FixPreview extends Pick<DomainFixPreview, 'kind' | 'ready' | 'blockers'> {
  stepIndex: number;
  title: string;
  titleMessage?: MessageRef;
  /** What will happen and why, in plain words. */
  whatWillHappen: string[];
  whatWillHappenMessages?: MessageRef[];
  commands: CommandPreview[];
  needsAdmin: boolean;
  needsReboot: boolean;
  needsNetwork: boolean;
  /** When the step would use the internet: what to do without it (local update file, bundled certificate). */
  offlineAlternative: string | null;
  offlineAlternativeMessage?: MessageRef;
  canUndo: boolean;
  /** What undo would do, or why there is none. */
  undoNote: string;
  undoNoteMessage?: MessageRef;
  warnings: string[];
  warningsMessages?: MessageRef[];
  blockersMessages?: MessageRef[];
  checks: FixCheck[];
  /** Facts to show: thumbprint, package name and size, services in order. */
  facts: { label: string; value: string; labelMessage?: MessageRef; valueMessage?: MessageRef }[];
}

/** One command as it ran. */
export interface CommandRun {
  display: string;
  exitCode: number | null;
  /** The exit code in plain words, e.g. "restart needed (3010)". */
  meaning: string;
  meaningMessage?: MessageRef;
}

export interface ApplyOutcome {
  stepIndex: number;
  state: StepState;
  status: FixStatus;
  message: string;
  messageRef?: MessageRef;
  /** The elevated helper's own words (English), when it reported a result: for support. */
  helperMessage?: string;
  rebootRequired: boolean;
  commands: CommandRun[];
  /** Set when status is "declined": how an administrator can run the step (ready-made script). */
  adminInstructions: string | null;
  adminInstructionsMessage?: MessageRef;
  /** Why an administrator is needed (set with adminInstructions): the screen says so in its own words. */
  adminReason?: 'prompt-declined' | 'no-admin-rights' | 'portable-build' | null;
  /** The folder holding the administrator script (set with adminInstructions): Copy / Open folder. */
  adminScriptFolder?: string | null;
  plan: PlanView;
}

export interface VerifyOutcome {
  stepIndex: number;
  verified: boolean;
  message: string;
  messageRef?: MessageRef;
  /** Per item (certificate store, each service…). */
  details: { item: string; ok: boolean; message: string; messageRef?: MessageRef }[];
  diagnosis: Diagnosis;
  plan: PlanView;
}

export interface UndoOutcome {
  stepIndex: number;
  undone: boolean;
  status: FixStatus;
  message: string;
  messageRef?: MessageRef;
  plan: PlanView;
}

/** "pick": the shell has no native dialog (preview); show the candidates and call again with a path. */
export type FileChoice = { status: 'chosen'; file: LocalFile } | { status: 'cancelled' } | { status: 'pick'; candidates: LocalFile[] };

export interface RebootOutcome {
  when: 'now' | 'later';
  message: string;
  messageRef?: MessageRef;
  /** "now" in the simulated host: Windows restarted and the app is ready to resume. */
  restarted: boolean;
}

export type ResumeOutcome =
  | { resumed: false; reason: string; reasonMessage?: MessageRef }
  | {
      resumed: true;
      stepIndex: number | null;
      message: string;
      messageRef?: MessageRef;
      diagnosis: Diagnosis;
      plan: PlanView;
      /** Did Windows start again since the restart was chosen (boot time changed)? null: unknown (no boot time). */
      restarted: boolean | null;
      /** Plan steps that came before the restart step, so the wizard keeps its step numbers; null: unknown. */
      stepsBefore: number | null;
    };

export interface RedactionReplacement {
  kind: string;
  original: string;
  placeholder: string;
  /** How often the value occurs in the snapshot, diagnosis and journal that would be exported. */
  occurrences?: number;
  /** Where it occurs, e.g. "snapshot.events[].message" (at most 8). */
  fields?: string[];
}

export interface RedactionPreview {
  replacements: RedactionReplacement[];
}

export interface ReportFile {
  name: string;
  path: string;
  kind: 'json' | 'html' | 'pdf' | 'text' | 'other';
}

export interface ReportExport {
  folder: string;
  files: ReportFile[];
  redacted: boolean;
  supportCode: string | null;
}

export type ReceivedChoice = { status: 'opened'; received: ReceivedOrigin; snapshot: SnapshotSummary; diagnosis: Diagnosis } | { status: 'cancelled' } | { status: 'pick'; candidates: LocalFile[] };

export interface DecodedSupportCode {
  code: string;
  /** What the code says, as label/value lines for a definition list. */
  facts: { label: string; value: string }[];
  /** What is missing (the update by its KB) and what to tell the caller next, in order (issue 16, point 12). */
  advice?: SupportAdvice | null;
}

export interface ExternalLinkOutcome {
  url: string;
  /** "renderer": the preview validated the link and the browser tab opens it itself. */
  openedBy: 'system-browser' | 'renderer';
}

export interface ProbeCancelOutcome {
  cancelled: boolean;
}

export interface OperationResults {
  getAppInfo: AppInfo;
  startProbe: ProbeOutcome;
  cancelProbe: ProbeCancelOutcome;
  getDiagnosis: DiagnosisView;
  getSnapshot: SnapshotView;
  listPlan: PlanView;
  previewFix: FixPreview;
  applyFix: ApplyOutcome;
  cancelFix: { cancelled: boolean };
  verifyFix: VerifyOutcome;
  undoFix: UndoOutcome;
  chooseUpdateFile: FileChoice;
  reboot: RebootOutcome;
  resumeAfterRestart: ResumeOutcome;
  previewRedaction: RedactionPreview;
  exportReport: ReportExport;
  openReceived: ReceivedChoice;
  closeReceived: { closed: boolean };
  decodeSupportCode: DecodedSupportCode;
  allowNetwork: { offline: boolean };
  openExternalLink: ExternalLinkOutcome;
  kitInfo: KitInfo;
  buildFixKit: KitBuildOutcome;
  readFixKit: KitReadView;
  copyText: CopyOutcome;
  openFolder: FolderOutcome;
  getPlaces: AppPlaces;
  saveReportPdf: PdfOutcome;
  closeWindow: CloseOutcome;
  openUpgradeGuide: UpgradeGuideOutcome;
}

/** Where the upgrade guide is (`url`: ms-settings:windowsupdate or Microsoft's page), and whether it opened:
 * "none" — the preview, a simulated or a received machine: the screen says where it is. */
export interface UpgradeGuideOutcome {
  target: 'settings' | 'web';
  url: string;
  openedBy: 'system' | 'none';
}

/** "renderer": the preview checked the text and the page copies it itself (navigator.clipboard). */
export interface CopyOutcome {
  copiedBy: 'system' | 'renderer';
}

/** "none": the preview opens nothing on this computer; the screen says where the folder is. */
export interface FolderOutcome {
  path: string;
  openedBy: 'system' | 'none';
}

/** Where the app keeps what it writes (the About panel); each folder can be opened with openFolder. */
export interface AppPlaces {
  productName: string;
  version: string;
  shell: 'electron' | 'preview';
  /** The app's data folder (journal, administrator scripts, reports). */
  dataFolder: string;
  /** The action journal: one line per change the app made or started. */
  journalFile: string;
  /** Where "Save the report" writes. */
  reportsFolder: string;
}

export type PdfOutcome = { status: 'saved'; path: string; folder: string } | { status: 'cancelled' };

export interface CloseOutcome {
  /** false: the preview cannot close the browser tab; the screen says it can be closed. */
  closed: boolean;
}

/** A kit folder read back on the laptop: per step done / failed / still to do, and the new diagnosis. */
export type KitReadView =
  | {
      status: 'read';
      folder: string;
      computerName: string;
      /** null: the kit has not run yet. */
      result: { status: string; message: string } | null;
      changedFiles: string[];
      steps: { title: string; state: 'done' | 'failed' | 'to-do'; message: string | null }[];
      /** The fresh check the kit made at the end, diagnosed here. */
      after: { verdict: string; headline: string } | null;
    }
  | { status: 'not-a-kit'; message: string; messageRef?: MessageRef }
  | { status: 'cancelled' }
  | { status: 'pick'; candidates: LocalFile[] };

/** Field kit for the current snapshot (docs/field-kit.md). */
export interface KitInfo {
  /** A kit can be built (the plan has only steps a kit carries out). */
  offered: boolean;
  /** The desktop app runs on the snapshot's Windows (10 / Server 2016 and later). */
  appRunsOnTarget: boolean;
  computerName: string | null;
  productName: string | null;
  /** The plan installs an update: the person chooses the file (this KB, or one the diagnosis accepts). */
  needsPackage: boolean;
  kb: string | null;
  steps: string[];
  stepsMessages?: MessageRef[];
}

export type KitBuildOutcome =
  | {
      status: 'built';
      folder: string;
      computerName: string;
      /** Step titles in the kit's language (the wizard's, when it built the kit). */
      steps: { title: string; file: string | null }[];
      files: number;
      checks: { passed: boolean; message: string; messageRef?: MessageRef }[];
    }
  | { status: 'refused'; message: string; messageRef?: MessageRef; details: string[]; detailsMessages?: MessageRef[] }
  | { status: 'cancelled' }
  | { status: 'pick'; candidates: LocalFile[] };
