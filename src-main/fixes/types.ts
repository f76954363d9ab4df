// Public shapes of the fix life cycle (describe -> preview -> apply -> verify -> undo), shared by the
// desktop app (IPC), the CLI and the tests. docs/fixes.md describes every field; add, never rename.
// Every text field is English; the message next to it (`whatMessage`, `messageRef`…, docs/i18n.md) renders
// it in the chosen language. This version's fixes always set them; they are optional for other writers.
import type { PlanStep, PlanStepKind } from '../diagnosis/schema.js';
import type { Locale, MessageRef } from '../shared/i18n/index.js';
import type { Snapshot } from '../snapshot/schema.js';
import type { CommandRunner } from '../windows/command-runner.js';
import type { FileAccess } from './files.js';
import type { ActionJournal } from './journal.js';

/** Probe sections a fix asks for again when it verifies (same names as src-main/probe/collect.ts). */
export type ReprobeSection = 'host' | 'os' | 'hotfixes' | 'certificates' | 'rootAutoUpdate' | 'services' | 'signatures' | 'events' | 'products' | 'pendingReboot' | 'bootConfiguration';

/** How a step that needs administrator rights gets them. */
export type ElevationMode =
  /** This process already runs as an administrator or SYSTEM (Intune, ConfigMgr, elevated CLI): run commands directly. */
  | 'direct'
  /** Standard user: start one elevated helper (UAC prompt) for this step only. */
  | 'helper';

export interface FixContext {
  runner: CommandRunner;
  journal: ActionJournal;
  /** Collects the given sections again (the probe's collectSnapshot with the same runner). */
  reprobe: (sections: readonly ReprobeSection[]) => Promise<Snapshot>;
  /** The snapshot the plan was made from: Windows version, architecture, services and their dependencies. */
  snapshot: Snapshot;
  elevation: ElevationMode;
  /** Folder for request files and ready-made administrator scripts (the app's data folder). */
  workDir: string;
  /** Account name written to the journal; defaults to os.userInfo(). */
  user?: string;
  /** Clock, replaceable in tests. */
  now?: () => Date;
  /** Pause between service state polls (ms, default 1000); tests use 0. */
  pollIntervalMs?: number;
  /** Where picked files are read (default: the local disk; the simulated host serves its profile's files). */
  files?: FileAccess;
  /** Does the machine have a network (for the online Windows Update path)? Default true. */
  network?: boolean;
}

/** Plain-language description for the "what will happen" card. */
export interface FixDescription {
  kind: PlanStepKind;
  title: string;
  /** What the fix does, in one or two sentences. */
  what: string;
  /** Why this machine needs it (from the diagnosis). */
  why: string;
  needsAdmin: boolean;
  needsReboot: boolean;
  /** Can the app undo it afterwards? */
  undoable: boolean;
  /** What undo would do, or why there is none. */
  undoNote: string;
  titleMessage?: MessageRef;
  whatMessage?: MessageRef;
  whyMessage?: MessageRef;
  undoNoteMessage?: MessageRef;
}

/** Choices the person (or the CLI flags) make before applying. Each fix reads the fields it needs. */
export interface FixOptions {
  /** install-root-certificate: a technician's certificate file instead of the bundled copy. */
  certificateFile?: string;
  /** install-windows-update: a local .msu or .cab (offline path). */
  packagePath?: string;
  /** install-windows-update: offline (a file), online (Windows Update) or guidance only. Default: offline when packagePath is set, else online when the machine has network, else guidance. */
  updateSource?: 'offline' | 'online' | 'guidance';
  /** reboot: must be chosen explicitly; the app never restarts Windows on its own. */
  rebootWhen?: 'now' | 'later';
  /** reboot: plan steps to resume after the restart (written to the journal). */
  remainingPlan?: PlanStep[];
  /** reboot: how many plan steps came before the restart (journaled, so step numbers stay stable after it). */
  stepsBefore?: number;
  /** start-agent-services: how long to wait for each service (ms, default 60000). */
  serviceTimeoutMs?: number;
  /** reboot: the language of the notice Windows shows before restarting (default English). */
  language?: Locale;
}

export type FixProgress = { stage: 'checking' | 'elevating' | 'running' | 'verifying'; message: string; messageRef?: MessageRef };

export interface ApplyOptions extends FixOptions {
  onProgress?: (progress: FixProgress) => void;
  signal?: AbortSignal;
}

/** One command exactly as it will run (or ran): program and arguments, one element each. */
export interface CommandPreview {
  file: string;
  args: readonly string[];
  /** Runs inside the elevated helper rather than in this process. */
  elevated: boolean;
  /** Plain words: what this command does. */
  purpose: string;
  purposeMessage?: MessageRef;
}

export interface CheckResult {
  id: string;
  passed: boolean;
  /** Plain words, e.g. "SHA-256 fingerprint matches the pinned value". */
  message: string;
  messageRef?: MessageRef;
}

export interface FixPreview {
  kind: PlanStepKind;
  /** Checks made before anything changes (fingerprints, package name, signature...). */
  checks: CheckResult[];
  commands: CommandPreview[];
  /** Facts the person should see: thumbprint, package name and size, services and their order (English labels and values). */
  facts: Record<string, string>;
  /** Per fact (same keys): its label as a message, and its value when the value is words rather than data. */
  factMessages?: Record<string, { label: MessageRef; value?: MessageRef }>;
  /** Can apply run with these options? false when a check failed or a choice is missing. */
  ready: boolean;
  /** Why it cannot run yet (failed checks, missing choices), in plain words. */
  blockers: string[];
  blockersMessages?: MessageRef[];
}

/** One command as it ran, with its exit code in plain words. */
export interface CommandRecord {
  file: string;
  args: readonly string[];
  exitCode: number | null;
  /** The exit code's meaning, e.g. "restart needed (3010)". */
  meaning: string;
  meaningMessage?: MessageRef;
  elevated: boolean;
}

export type FixStatus =
  /** Done and verified. */
  | 'succeeded'
  /** Done; Windows must restart before it takes effect. */
  | 'reboot-required'
  /** Nothing to change (already installed / present / running). */
  | 'nothing-to-do'
  /** Instructions only: the person must act outside the app (catalogue download, upgrade, support). */
  | 'guidance'
  /** Refused before changing anything (a check failed). */
  | 'refused'
  /** The administrator prompt was declined or the account has no admin rights; see adminScript. */
  | 'declined'
  | 'failed';

export interface VerifyResult {
  /** true: the machine now shows the intended state; false: it does not; null: cannot tell yet (reboot pending). */
  verified: boolean | null;
  message: string;
  messageRef?: MessageRef;
  /** Per-item results (certificate store, each service...). */
  details: { item: string; ok: boolean; message: string; messageRef?: MessageRef }[];
}

export interface AdminScript {
  /** Folder holding the script, its request file and the .cmd launcher. */
  folder: string;
  ps1Path: string;
  cmdPath: string;
  requestPath: string;
  /** What to tell the person: "Ask an administrator to right-click ... Run as administrator". */
  instructions: string;
  instructionsMessage?: MessageRef;
  /** Why an administrator is needed: the prompt was declined, the account has no admin rights, or this is
   * the portable build (which never starts the elevated helper itself). */
  reason?: AdminScriptReason;
}

export type AdminScriptReason = 'prompt-declined' | 'no-admin-rights' | 'portable-build';

export interface FixOutcome {
  kind: PlanStepKind;
  status: FixStatus;
  /** One or two sentences in plain words. */
  message: string;
  messageRef?: MessageRef;
  /** The elevated helper's own words (English, assets/fixes/acs-fix-helper.ps1), when it reported a result: for support. */
  helperMessage?: string;
  commands: CommandRecord[];
  verification: VerifyResult | null;
  /** Set when the step needs an administrator who is not here (status 'declined'). */
  adminScript?: AdminScript;
  /** The step the person should take next when this one cannot finish the job. */
  next?: PlanStepKind;
  /** Pairs the journal's 'started' and 'finished' entries of this run. */
  runId: string;
}

export interface Fix {
  readonly kind: PlanStepKind;
  readonly step: PlanStep;
  describe(): FixDescription;
  preview(options?: FixOptions): Promise<FixPreview>;
  apply(options?: ApplyOptions): Promise<FixOutcome>;
  verify(): Promise<VerifyResult>;
  /** Present only on fixes that can be undone (root certificate). */
  undo?(): Promise<FixOutcome>;
}
