// The desktop session: the machine it works on (src-main/host), the plan runner that drives this
// machine's plan (src-main/plan-runner), a received snapshot when one is open, and the one-job lock.
import { join } from 'node:path';
import { BridgeError, type LocalFile, type ProbeSection, type ReceivedOrigin } from '../contract/index.js';
import type { Diagnosis } from '../diagnosis/schema.js';
import type { ActionJournal } from '../fixes/journal.js';
import type { HostBinding } from '../host/binding.js';
import { PlanRunner, type PlanState } from '../plan-runner/index.js';
import type { Snapshot } from '../snapshot/schema.js';
import { EventHub } from './events.js';
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

/** This machine's snapshot, diagnosis and plan records (the plan runner's state). */
export type MachineState = PlanState;

export interface ReceivedState {
  origin: ReceivedOrigin;
  snapshot: Snapshot;
  diagnosis: Diagnosis;
}

export class AppSession {
  readonly events = new EventHub();
  readonly journal: ActionJournal;
  readonly runner: PlanRunner;
  received: ReceivedState | null = null;
  /** Files the session offered to pick from (preview); a path argument must be one of them. */
  offeredFiles = new Map<string, LocalFile>();
  /** Folders the app made or named in this session (data, reports, a saved report, a kit, an administrator
   * script): openFolder opens these and nothing else. */
  readonly knownFolders = new Set<string>();
  /** The report saved last (its folder), for "Save as PDF". */
  lastReportFolder: string | null = null;
  private running: { what: string; controller: AbortController; probeId?: string } | null = null;

  constructor(readonly options: SessionOptions) {
    this.journal = options.services.openJournal(join(options.workDir, 'journal.jsonl'));
    this.runner = new PlanRunner({
      host: options.host,
      services: options.services,
      journal: this.journal,
      workDir: options.workDir,
      allowNetwork: options.network === true,
      ...(options.now ? { now: options.now } : {}),
      ...(options.fixPollIntervalMs === undefined ? {} : { fixPollIntervalMs: options.fixPollIntervalMs }),
    });
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

  /** This machine's state, once checked. */
  get thisMachine(): MachineState | null {
    return this.runner.state;
  }

  get offline(): boolean {
    return this.runner.offline;
  }

  now(): Date {
    return this.runner.now();
  }

  /** What the screens show: the received snapshot while one is open, else this machine's. */
  current(): { origin: 'this-machine' | 'received'; snapshot: Snapshot; diagnosis: Diagnosis } {
    if (this.received) return { origin: 'received', snapshot: this.received.snapshot, diagnosis: this.received.diagnosis };
    if (this.thisMachine) return { origin: 'this-machine', snapshot: this.thisMachine.snapshot, diagnosis: this.thisMachine.diagnosis };
    throw new BridgeError('no-snapshot', 'Nothing has been checked yet: start the check first, or open a snapshot.');
  }

  /** The plan runner, for actions that change this machine (refused while a received snapshot is open). */
  writable(): PlanRunner {
    if (this.received) {
      throw new BridgeError('read-only', `This is ${this.received.origin.computerName ?? 'another computer'}'s snapshot: nothing can be changed from here. Close it to work on this computer.`);
    }
    this.runner.current();
    return this.runner;
  }

  /** Vouches for a folder the app made or named, so openFolder may open it. */
  knowFolder(path: string): string {
    this.knownFolders.add(path);
    return path;
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

  /** Checks this machine (all sections or some), reporting each section as an event. */
  probe(signal: AbortSignal, probeId: string | null, sections?: readonly ProbeSection[]): Promise<Snapshot> {
    return this.runner.probe({
      signal,
      ...(sections ? { sections } : {}),
      onProgress: (progress) => {
        if (probeId) this.events.emit('probe-progress', { probeId, ...progress });
      },
    });
  }
}
