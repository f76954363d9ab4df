// The machine the app, the preview and the CLI work on, as one value that describes itself: what kind
// of machine it is and what it can do, so no product code has to ask "is this the simulated one?".
import type { HostView } from '../contract/results.js';
import type { FileAccess } from '../fixes/files.js';
import type { CommandRunner } from '../windows/command-runner.js';

/** "windows": this computer, running Windows; "other": this computer, not Windows (portable facts only);
 * "simulated": a Windows machine of the test double (development copies only, never a packaged app). */
export type HostKind = 'windows' | 'simulated' | 'other';

/** A file lying on the machine's disk that a fix step may use (offline update packages, certificates). */
export type HostLocalFile = { kind: 'msu' | 'cab'; path: string; kb: string; sizeBytes: number } | { kind: 'cer'; path: string; sizeBytes: number };

export interface HostCapabilities {
  /** A restart asked for "now" happens at once and this process carries on (a real restart ends it). */
  restartsInPlace: boolean;
  /** Pause between service state polls of the fixes (ms); absent: the fixes' own default. */
  fixPollIntervalMs?: number;
}

export interface HostBinding {
  kind: HostKind;
  runner: CommandRunner;
  /** What the screens show about the machine. */
  view: HostView;
  capabilities: HostCapabilities;
  /** How the CLI names it ("this computer", `simulated host "NAME"`). */
  label: string;
  /** Files on the machine's disk offered by the preview's picker (absent: the person picks with a dialog). */
  localFiles?: () => readonly HostLocalFile[];
  /** How fixes read picked files; absent: the local disk. */
  files?: FileAccess;
}
