// What a support code says about a machine: the verdict and the key facts, taken from a diagnosis and
// its snapshot, and told back in plain words for the helpdesk.
import type { Diagnosis, Verdict, WindowsUpdateStatus } from '../diagnosis/schema.js';
import { isWindowsOs, type Snapshot } from '../snapshot/schema.js';
import { releaseIndexOfBuild, releaseName } from './windows-releases.js';

export type RootStatus = Diagnosis['rootCertificate']['status'];
export type RootAutoUpdate = Diagnosis['rootCertificate']['autoUpdate'];
export type AgentStatus = Diagnosis['agentServices']['status'];

/** Field values in code order: the position of each value is what the code stores (never reorder). */
export const VERDICTS: readonly Verdict[] = ['ready', 'action-required', 'unsupported', 'unknown'];
export const UPDATE_STATUSES: readonly WindowsUpdateStatus[] = ['ok', 'missing', 'pending-reboot', 'unsupported-os', 'unknown'];
export const ROOT_STATUSES: readonly RootStatus[] = ['present', 'missing', 'disallowed', 'unknown'];
export const ROOT_AUTO_UPDATES: readonly RootAutoUpdate[] = ['enabled', 'disabled', 'unknown'];
export const AGENT_STATUSES: readonly AgentStatus[] = ['running', 'failed-signature', 'failed-other', 'stopped', 'not-installed', 'unknown'];
export const PENDING_REBOOTS: readonly (boolean | null)[] = [false, true, null];

/** Largest UBR a code can carry; larger or unknown UBRs are sent as "unknown". */
export const MAX_CODED_UBR = 32766;

export interface SupportSummary {
  verdict: Verdict;
  windows: {
    /** The build number when the code table lists it, else null (not Windows, or an unlisted build). */
    build: number | null;
    ubr: number | null;
    server: boolean;
    /** "Windows Server 2019", or "unknown Windows version". */
    name: string;
  };
  windowsUpdate: WindowsUpdateStatus;
  rootCertificate: RootStatus;
  rootAutoUpdate: RootAutoUpdate;
  agentServices: AgentStatus;
  pendingReboot: boolean | null;
}

export function windowsName(build: number | null, server: boolean): string {
  return build === null ? 'unknown Windows version' : releaseName(build, server);
}

/** The facts a code carries, from a diagnosis and the snapshot it was made from. */
export function summarizeForSupportCode(diagnosis: Diagnosis, snapshot: Snapshot): SupportSummary {
  const os = snapshot.os;
  let build: number | null = null;
  let ubr: number | null = null;
  let server = false;
  if (isWindowsOs(os)) {
    build = releaseIndexOfBuild(os.currentBuild) === 0 ? null : os.currentBuild;
    ubr = os.ubr !== null && os.ubr <= MAX_CODED_UBR ? os.ubr : null;
    server = os.installationType !== 'Client';
  }
  return {
    verdict: diagnosis.verdict,
    windows: { build, ubr, server, name: windowsName(build, server) },
    windowsUpdate: diagnosis.windowsUpdate.status,
    rootCertificate: diagnosis.rootCertificate.status,
    rootAutoUpdate: diagnosis.rootCertificate.autoUpdate,
    agentServices: diagnosis.agentServices.status,
    pendingReboot: diagnosis.pendingReboot,
  };
}

const VERDICT_WORDS: Record<Verdict, string> = {
  ready: 'Ready: nothing to do',
  'action-required': 'Action required',
  unsupported: 'Unsupported Windows version',
  unknown: 'Unknown: not enough facts to decide',
};
const UPDATE_WORDS: Record<WindowsUpdateStatus, string> = {
  ok: 'installed (or not needed)',
  missing: 'missing',
  'pending-reboot': 'installed, waiting for a restart',
  'unsupported-os': 'not available for this Windows version',
  unknown: 'unknown',
};
const ROOT_WORDS: Record<RootStatus, string> = {
  present: 'present',
  missing: 'missing',
  disallowed: 'blocked (in the Disallowed store)',
  unknown: 'unknown',
};
const AUTO_UPDATE_WORDS: Record<RootAutoUpdate, string> = {
  enabled: 'allowed',
  disabled: 'turned off by policy',
  unknown: 'unknown',
};
const AGENT_WORDS: Record<AgentStatus, string> = {
  running: 'running',
  'failed-signature': 'failing: signature not trusted (error 577)',
  'failed-other': 'failing for another reason',
  stopped: 'stopped',
  'not-installed': 'not installed',
  unknown: 'unknown',
};

/** The summary as labelled lines, for the command line and the helpdesk view. */
export function describeSupportSummary(summary: SupportSummary): { label: string; value: string }[] {
  const build = summary.windows.build === null ? null : `${summary.windows.build}.${summary.windows.ubr ?? '?'}`;
  return [
    { label: 'Verdict', value: VERDICT_WORDS[summary.verdict] },
    { label: 'Windows', value: build === null ? summary.windows.name : `${summary.windows.name} (build ${build})` },
    { label: 'Required Windows update', value: UPDATE_WORDS[summary.windowsUpdate] },
    { label: 'ACS root certificate', value: ROOT_WORDS[summary.rootCertificate] },
    { label: 'Automatic root updates', value: AUTO_UPDATE_WORDS[summary.rootAutoUpdate] },
    { label: 'Agent services', value: AGENT_WORDS[summary.agentServices] },
    { label: 'Restart pending', value: summary.pendingReboot === null ? 'unknown' : summary.pendingReboot ? 'yes' : 'no' },
  ];
}
