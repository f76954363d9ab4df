// What a support code says about a machine: the verdict and the key facts, taken from a diagnosis and
// its snapshot, and told back in plain words for the helpdesk.
import { t, type Locale } from '../shared/i18n/index.js';
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

/** The summary as labelled lines, for the command line and the helpdesk view. */
export function describeSupportSummary(summary: SupportSummary, locale: Locale = 'en'): { label: string; value: string }[] {
  const build = summary.windows.build === null ? null : `${summary.windows.build}.${summary.windows.ubr ?? '?'}`;
  return [
    { label: t(locale, 'support.label.verdict'), value: t(locale, `support.verdict.${summary.verdict}`) },
    { label: t(locale, 'support.label.windows'), value: build === null ? summary.windows.name : t(locale, 'support.windowsBuild', { name: summary.windows.name, build }) },
    { label: t(locale, 'support.label.update'), value: t(locale, `support.update.${summary.windowsUpdate}`) },
    { label: t(locale, 'support.label.root'), value: t(locale, `support.root.${summary.rootCertificate}`) },
    { label: t(locale, 'support.label.autoUpdate'), value: t(locale, `support.autoUpdate.${summary.rootAutoUpdate}`) },
    { label: t(locale, 'support.label.agent'), value: t(locale, `support.agent.${summary.agentServices}`) },
    { label: t(locale, 'support.label.restart'), value: t(locale, summary.pendingReboot === null ? 'common.unknown' : summary.pendingReboot ? 'common.yes' : 'common.no') },
  ];
}
