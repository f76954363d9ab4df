// The one plan runner of the app and the CLI: plan -> preview -> apply -> verify (undo, restart,
// resume) over this machine's snapshot. It owns the step records and their transitions, the fix
// context, and the two policies both edges share:
// - network: offline unless the person allows it (the app's allowNetwork, the CLI's --allow-network);
// - elevation: from the snapshot (collected elevated: fixes run directly; else through the helper
//   and the administrator prompt).
// It raises PlanRunError; the app handlers (src-main/app/handlers/plan.ts, restart.ts) and the CLI
// (src-main/cli/commands/fix.ts) are thin adapters that map those to bridge codes and exit codes.
import type { Diagnosis, PlanStep } from '../diagnosis/schema.js';
import type { ActionJournal } from '../fixes/journal.js';
import type { ResumePoint, ResumeResult } from '../fixes/reboot.js';
import type { Fix, FixContext, FixDescription, FixOptions, FixOutcome, FixPreview, FixProgress, VerifyResult } from '../fixes/types.js';
import type { HostBinding } from '../host/binding.js';
import type { CollectOptions, ProbeProgress } from '../probe/collect.js';
import type { ProbeSectionName } from '../shared/names.js';
import type { Snapshot } from '../snapshot/schema.js';
import { message, renderMessage, type Locale, type MessageRef } from '../shared/i18n/index.js';
import { PlanRunError } from './errors.js';
import { planRecords, stateAfterApply, stateAfterUndo, stateAfterVerify, type StepRecord } from './steps.js';

/** The modules the runner drives (the app's services, or the real modules for the CLI). */
export interface PlanRunnerServices {
  collectSnapshot(request: CollectOptions): Promise<Snapshot>;
  diagnose(snapshot: Snapshot): Diagnosis;
  createFix(step: PlanStep, context: FixContext): Fix;
  findResumePoint(context: Pick<FixContext, 'journal'>): Promise<ResumePoint | null>;
  resumeAfterRestart(context: FixContext): Promise<ResumeResult | null>;
}

export interface PlanRunnerOptions {
  host: HostBinding;
  services: PlanRunnerServices;
  journal: ActionJournal;
  /** Folder for request files and ready-made administrator scripts. */
  workDir: string;
  /** The start setting of the network policy (default false: offline first). */
  allowNetwork?: boolean;
  now?: () => Date;
  /** Pause between service state polls of the fixes (ms); default: the host's capability, else the fixes' own. */
  fixPollIntervalMs?: number;
}

/** This machine's snapshot, its diagnosis and the plan's step records. */
export interface PlanState {
  snapshot: Snapshot;
  diagnosis: Diagnosis;
  plan: StepRecord[];
}

/** Choices made at the edge before a step runs (CLI flags; the app chooses files into the step record). */
export interface StepChoices {
  /** install-root-certificate: a technician's certificate file instead of the bundled copy. */
  certificateFile?: string;
  /** install-windows-update without a file: use Windows Update online when the network is allowed (default true). */
  online?: boolean;
  /** reboot: now or later (the app never restarts Windows on its own). */
  rebootWhen?: 'now' | 'later';
  /** The person's language: the notice Windows shows before a restart is written in it. */
  language?: Locale;
}

export interface RunControl {
  signal?: AbortSignal;
  /** Progress in plain words (English) and as a message for the person's language. */
  onProgress?: (message: string, ref?: MessageRef) => void;
  /** restart(): the language of the notice Windows shows before restarting. */
  language?: Locale;
}

export class PlanRunner {
  state: PlanState | null = null;
  private networkAllowed: boolean;
  private readonly fixes = new Map<number, Fix>();

  constructor(readonly options: PlanRunnerOptions) {
    this.networkAllowed = options.allowNetwork === true;
  }

  get host(): HostBinding {
    return this.options.host;
  }

  get journal(): ActionJournal {
    return this.options.journal;
  }

  /** Network policy: offline unless the person allowed it. */
  get offline(): boolean {
    return !this.networkAllowed;
  }

  allowNetwork(allowed: boolean): void {
    this.networkAllowed = allowed;
    // Fixes made so far captured the old setting in their context.
    this.fixes.clear();
  }

  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Checks this machine (all sections or some). */
  probe(control: { signal?: AbortSignal; sections?: readonly ProbeSectionName[]; onProgress?: (progress: ProbeProgress) => void } = {}): Promise<Snapshot> {
    return this.options.services.collectSnapshot({
      runner: this.host.runner,
      network: !this.offline,
      ...(control.signal ? { signal: control.signal } : {}),
      ...(control.sections ? { sections: control.sections } : {}),
      ...(control.onProgress ? { onProgress: control.onProgress } : {}),
    });
  }

  /** A new result for this machine: a fresh plan, forgetting fixes made for the old one. */
  adopt(snapshot: Snapshot, diagnosis: Diagnosis = this.options.services.diagnose(snapshot)): PlanState {
    this.state = { snapshot, diagnosis, plan: planRecords(diagnosis.plan) };
    this.fixes.clear();
    return this.state;
  }

  /** A fresh check without a new plan (after verify): the records keep their states. */
  refresh(snapshot: Snapshot): PlanState {
    const state = this.current();
    state.snapshot = snapshot;
    state.diagnosis = this.options.services.diagnose(snapshot);
    return state;
  }

  current(): PlanState {
    if (!this.state) throw new PlanRunError('no-snapshot', message('runner.noSnapshot'));
    return this.state;
  }

  record(stepIndex: number): StepRecord {
    const record = this.current().plan[stepIndex];
    if (!record) throw new PlanRunError('no-such-step', message('runner.noStep', { number: stepIndex + 1 }));
    return record;
  }

  /** The Fix object of a plan step (created once per plan, so it keeps its own memory). */
  fixFor(stepIndex: number): Fix {
    const existing = this.fixes.get(stepIndex);
    if (existing) return existing;
    const fix = this.options.services.createFix(this.record(stepIndex).step, this.fixContext());
    this.fixes.set(stepIndex, fix);
    return fix;
  }

  /** What every fix gets: the host's runner and files, the journal, a reprobe, the snapshot, and the policies. */
  fixContext(): FixContext {
    const { snapshot } = this.current();
    const pollIntervalMs = this.options.fixPollIntervalMs ?? this.host.capabilities.fixPollIntervalMs;
    return {
      ...(this.host.files ? { files: this.host.files } : {}),
      network: !this.offline,
      runner: this.host.runner,
      journal: this.journal,
      reprobe: (sections) => this.probe({ sections }),
      snapshot,
      elevation: snapshot.collector?.elevated ? 'direct' : 'helper',
      workDir: this.options.workDir,
      now: () => this.now(),
      ...(pollIntervalMs === undefined ? {} : { pollIntervalMs }),
    };
  }

  /** The fixes module's options for a step: offline first (a chosen file, else online only when allowed, else guidance). */
  optionsFor(stepIndex: number, choices: StepChoices = {}): FixOptions {
    const record = this.record(stepIndex);
    const options: FixOptions = {};
    if (record.step.step === 'reboot')
      options.remainingPlan = this.current()
        .plan.slice(stepIndex + 1)
        .filter((other) => other.state !== 'verified')
        .map((other) => other.step);
    if (choices.certificateFile) options.certificateFile = choices.certificateFile;
    if (choices.rebootWhen) options.rebootWhen = choices.rebootWhen;
    if (choices.language) options.language = choices.language;
    if (record.step.step === 'install-windows-update') {
      if (record.updateFile) Object.assign(options, { packagePath: record.updateFile.path, updateSource: 'offline' });
      else options.updateSource = !this.offline && choices.online !== false ? 'online' : 'guidance';
    }
    return options;
  }

  async preview(stepIndex: number, choices: StepChoices = {}): Promise<{ record: StepRecord; description: FixDescription; preview: FixPreview }> {
    const record = this.record(stepIndex);
    const fix = this.fixFor(stepIndex);
    const preview = await fix.preview(this.optionsFor(stepIndex, choices));
    record.previewed = true;
    if (record.state === 'pending') record.state = 'previewed';
    return { record, description: fix.describe(), preview };
  }

  /** Runs a previewed step (a restart goes through restart()). */
  async apply(stepIndex: number, control: RunControl & { choices?: StepChoices } = {}): Promise<{ record: StepRecord; outcome: FixOutcome }> {
    const record = this.record(stepIndex);
    if (record.step.step === 'reboot') throw new PlanRunError('precondition', message('runner.restartOperation'));
    if (!record.previewed) throw new PlanRunError('precondition', message('runner.previewFirst'));
    const fix = this.fixFor(stepIndex);
    const report = this.reporter(record, control.onProgress);
    record.state = 'applying';
    try {
      const outcome = await fix.apply({
        ...this.optionsFor(stepIndex, control.choices),
        ...(control.signal ? { signal: control.signal } : {}),
        onProgress: (progress: FixProgress) => report(progress.message, progress.messageRef),
      });
      record.state = stateAfterApply(outcome);
      setLastMessage(record, outcome.message, outcome.messageRef);
      record.canUndo = typeof fix.undo === 'function' && (outcome.status === 'succeeded' || outcome.status === 'reboot-required');
      return { record, outcome };
    } catch (error) {
      record.state = 'failed';
      setLastMessage(record, error instanceof Error ? error.message : String(error), error instanceof PlanRunError ? error.messageRef : undefined);
      throw error;
    }
  }

  /** Checks the step's goal again, then checks the machine again (the plan's records keep their states). */
  async verify(stepIndex: number, control: RunControl = {}): Promise<{ record: StepRecord; result: VerifyResult; state: PlanState }> {
    const record = this.record(stepIndex);
    const fix = this.fixFor(stepIndex);
    const checking = message('fix.progress.checkingAgain');
    this.reporter(record, control.onProgress)(renderMessage(checking, 'en'), checking);
    const result = await fix.verify();
    // Installed but Windows has not restarted yet: still waiting for the restart, not failed.
    record.state = record.state === 'awaiting-reboot' && result.verified !== true ? 'awaiting-reboot' : stateAfterVerify(result);
    setLastMessage(record, result.message, result.messageRef);
    const state = this.refresh(await this.probe(control.signal ? { signal: control.signal } : {}));
    return { record, result, state };
  }

  /** Undoes an applied step where its fix can. */
  async undo(stepIndex: number, control: RunControl = {}): Promise<{ record: StepRecord; outcome: FixOutcome }> {
    const record = this.record(stepIndex);
    const fix = this.fixFor(stepIndex);
    if (!fix.undo || !record.canUndo) {
      const description = fix.describe();
      throw new PlanRunError('precondition', message('runner.cannotUndo', { number: stepIndex + 1, undoable: !!fix.undo, note: description.undoNoteMessage ?? description.undoNote }));
    }
    const before = record.state;
    record.state = 'undoing';
    const undoing = message('fix.progress.undoing');
    this.reporter(record, control.onProgress)(renderMessage(undoing, 'en'), undoing);
    try {
      const outcome = await fix.undo();
      record.state = stateAfterUndo(outcome.status, before);
      record.canUndo = record.state !== 'undone';
      setLastMessage(record, outcome.message, outcome.messageRef);
      return { record, outcome };
    } catch (error) {
      record.state = before;
      throw error;
    }
  }

  /** Restarts Windows now, or records the restart for later; the plan's reboot step (or a stand-in) does it. */
  async restart(when: 'now' | 'later', control: RunControl = {}): Promise<{ outcome: FixOutcome; stepIndex: number | null; restartedInPlace: boolean }> {
    const machine = this.current();
    const index = machine.plan.findIndex((record) => record.step.step === 'reboot' && record.state !== 'verified');
    const fix = index >= 0 ? this.fixFor(index) : this.options.services.createFix(REBOOT_STEP, this.fixContext());
    const remainingPlan = machine.plan
      .slice(index + 1)
      .filter((record) => record.state !== 'verified')
      .map((record) => record.step);
    const stepsBefore = index >= 0 ? machine.plan.slice(0, index).filter((record) => record.step.step !== 'contact-support').length : undefined;
    const outcome = await fix.apply({
      rebootWhen: when,
      remainingPlan,
      ...(stepsBefore === undefined ? {} : { stepsBefore }),
      ...(control.signal ? { signal: control.signal } : {}),
      ...(control.language ? { language: control.language } : {}),
      ...(control.onProgress ? { onProgress: (progress: FixProgress) => control.onProgress!(progress.message, progress.messageRef) } : {}),
    });
    if (outcome.status !== 'reboot-required' && outcome.status !== 'succeeded') throw new PlanRunError('failed', outcome.messageRef ?? outcome.message);
    const record = index >= 0 ? machine.plan[index] : undefined;
    if (record) {
      record.state = 'awaiting-reboot';
      setLastMessage(record, outcome.message, outcome.messageRef);
    }
    return { outcome, stepIndex: index >= 0 ? index : null, restartedInPlace: when === 'now' && this.host.capabilities.restartsInPlace };
  }

  /** The restart the plan should continue after (from the journal), or null. */
  findResumePoint(): Promise<ResumePoint | null> {
    return this.options.services.findResumePoint({ journal: this.journal });
  }

  /** After a restart: checks it took effect (journaled) against the current snapshot. */
  resumeAfterRestart(): Promise<ResumeResult | null> {
    return this.options.services.resumeAfterRestart(this.fixContext());
  }

  private reporter(record: StepRecord, onProgress: RunControl['onProgress']): (text: string, ref?: MessageRef) => void {
    return (text, ref) => {
      setLastMessage(record, text, ref);
      onProgress?.(text, ref);
    };
  }
}

/** The step's last message, in English and as a message (when there is one). */
function setLastMessage(record: StepRecord, text: string, ref: MessageRef | undefined): void {
  record.lastMessage = text;
  if (ref) record.lastMessageRef = ref;
  else delete record.lastMessageRef;
}

/** The restart when the plan has no reboot step of its own (the person restarts after a step anyway). */
export const REBOOT_STEP: PlanStep = {
  step: 'reboot',
  title: renderMessage(message('fix.reboot.title'), 'en'),
  why: renderMessage(message('fix.reboot.stepWhy'), 'en'),
  titleMessage: message('fix.reboot.title'),
  whyMessage: message('fix.reboot.stepWhy'),
  needsAdmin: false,
  needsReboot: true,
};
