// The desktop session: which machine it looks at (src-main/host: this computer or a simulated profile), the current
// snapshot, diagnosis and plan progress, a received snapshot when one is open, and the work running.
import { join } from 'node:path';
import { BridgeError, type LocalFile, type ProbeSection, type ReceivedOrigin } from '../contract/index.js';
import type { Diagnosis } from '../diagnosis/schema.js';
import type { ActionJournal } from '../fixes/journal.js';
import type { Fix, FixContext } from '../fixes/types.js';
import type { Snapshot } from '../snapshot/schema.js';
import type { HostBinding } from '../host/binding.js';
import { EventHub } from './events.js';
import { planRecords, type StepRecord } from './plan-state.js';
import type { AppServices } from './services.js';
import type { ShellAdapter } from './shell-adapter.js';

export type { HostBinding } from '../host/binding.js';

export interface SessionOptions {
  host: HostBinding;
  services: AppServices;
  shell: ShellAdapter;
  /** The app's data folder: action journal, request files, default reports folder. */
  workDir: string;
  /** Allow the app's own network use (root auto-update reachability, online updates). Default false. */
  network?: boolean;
  now?: () => Date;
  /** Pause between service state polls of the fixes (ms); default: the host's capability, else the fixes' own. */
  fixPollIntervalMs?: number;
}

export interface MachineState {
  snapshot: Snapshot;
  diagnosis: Diagnosis;
  plan: StepRecord[];
}

export interface ReceivedState {
  origin: ReceivedOrigin;
  snapshot: Snapshot;
  diagnosis: Diagnosis;
}

export class AppSession {
  readonly events = new EventHub();
  readonly journal: ActionJournal;
  thisMachine: MachineState | null = null;
  received: ReceivedState | null = null;
  /** Files the session offered to pick from (preview); a path argument must be one of them. */
  offeredFiles = new Map<string, LocalFile>();
  private running: { what: string; controller: AbortController; probeId?: string } | null = null;
  private readonly fixes = new Map<number, Fix>();

  constructor(readonly options: SessionOptions) {
    this.journal = options.services.openJournal(join(options.workDir, 'journal.jsonl'));
  }

  get services(): AppServices {
    return this.options.services;
  }

  get shell(): ShellAdapter {
    return this.options.shell;
  }

  get host(): HostBinding {
    return this.options.host;
  }

  /** The person's choice (allowNetwork) over the start setting. */
  private networkAllowed: boolean | null = null;

  get offline(): boolean {
    return (this.networkAllowed ?? this.options.network === true) !== true;
  }

  allowNetwork(allowed: boolean): void {
    this.networkAllowed = allowed;
    // Fixes made so far captured the old setting in their context.
    this.fixes.clear();
  }

  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** What the screens show: the received snapshot while one is open, else this machine's. */
  current(): { origin: 'this-machine' | 'received'; snapshot: Snapshot; diagnosis: Diagnosis } {
    if (this.received) return { origin: 'received', snapshot: this.received.snapshot, diagnosis: this.received.diagnosis };
    if (this.thisMachine) return { origin: 'this-machine', snapshot: this.thisMachine.snapshot, diagnosis: this.thisMachine.diagnosis };
    throw new BridgeError('no-snapshot', 'Nothing has been checked yet: start the check first, or open a snapshot.');
  }

  /** This machine's state, for actions that change it (refused while a received snapshot is open). */
  writable(): MachineState {
    if (this.received) {
      throw new BridgeError('read-only', `This is ${this.received.origin.computerName ?? 'another computer'}'s snapshot: nothing can be changed from here. Close it to work on this computer.`);
    }
    if (!this.thisMachine) throw new BridgeError('no-snapshot', 'Check this computer first: the plan comes from the result.');
    return this.thisMachine;
  }

  /** Remembers the candidates just offered, so the next call can choose one of them (and nothing else). */
  offer(candidates: LocalFile[]): LocalFile[] {
    this.offeredFiles = new Map(candidates.map((file) => [file.path, file]));
    return candidates;
  }

  /** The offered file with this path, else a 'forbidden' error (a path the session never offered). */
  offered(path: string): LocalFile {
    const file = this.offeredFiles.get(path);
    if (!file) throw new BridgeError('forbidden', 'Choose one of the files offered.');
    return file;
  }

  record(stepIndex: number): StepRecord {
    const record = this.writable().plan[stepIndex];
    if (!record) throw new BridgeError('no-such-step', `The plan has no step ${stepIndex + 1}.`);
    return record;
  }

  /** Runs one piece of long work at a time; the controller lets cancelProbe / cancelFix stop it. */
  async exclusive<T>(what: string, work: (signal: AbortSignal) => Promise<T>, probeId?: string): Promise<T> {
    if (this.running) throw new BridgeError('busy', `Please wait: ${this.running.what} is still running.`);
    const controller = new AbortController();
    this.running = probeId === undefined ? { what, controller } : { what, controller, probeId };
    try {
      return await work(controller.signal);
    } catch (error) {
      if (controller.signal.aborted && !(error instanceof BridgeError)) throw new BridgeError('cancelled', `${what} was cancelled.`);
      throw error;
    } finally {
      this.running = null;
    }
  }

  /** Cancels running work of the given kind; false when none was running. */
  cancel(kind: 'probe' | 'fix'): boolean {
    if (!this.running) return false;
    const isProbe = this.running.probeId !== undefined;
    if ((kind === 'probe') !== isProbe) return false;
    this.running.controller.abort();
    return true;
  }

  /** Probes this machine (all sections or some), reporting each section as an event. */
  probe(signal: AbortSignal, probeId: string | null, sections?: readonly ProbeSection[]): Promise<Snapshot> {
    return this.services.collectSnapshot({
      runner: this.host.runner,
      network: !this.offline,
      signal,
      ...(sections ? { sections } : {}),
      onProgress: (progress) => {
        if (probeId) this.events.emit('probe-progress', { probeId, ...progress });
      },
    });
  }

  /** A new result for this machine: a fresh plan, forgetting fixes made for the old one. */
  adoptDiagnosis(snapshot: Snapshot, diagnosis: Diagnosis): MachineState {
    this.thisMachine = { snapshot, diagnosis, plan: planRecords(diagnosis.plan) };
    this.fixes.clear();
    return this.thisMachine;
  }

  /** The Fix object of a plan step (created once per plan, so it keeps its own memory). */
  fixFor(stepIndex: number): Fix {
    const existing = this.fixes.get(stepIndex);
    if (existing) return existing;
    const fix = this.services.createFix(this.record(stepIndex).step, this.fixContext());
    this.fixes.set(stepIndex, fix);
    return fix;
  }

  private pollIntervalMs(): number | undefined {
    return this.options.fixPollIntervalMs ?? this.host.capabilities.fixPollIntervalMs;
  }

  /** What every fix gets: the same runner and journal, a reprobe, this machine's snapshot. */
  fixContext(): FixContext {
    const machine = this.writable();
    return {
      ...(this.host.files ? { files: this.host.files } : {}),
      network: !this.offline,
      runner: this.host.runner,
      journal: this.journal,
      reprobe: (sections) => this.probe(new AbortController().signal, null, sections),
      snapshot: machine.snapshot,
      elevation: machine.snapshot.collector?.elevated ? 'direct' : 'helper',
      workDir: this.options.workDir,
      now: () => this.now(),
      ...(this.pollIntervalMs() === undefined ? {} : { pollIntervalMs: this.pollIntervalMs() }),
    };
  }
}
