// What a support code says about a machine: the verdict and the key facts, taken from a diagnosis and
// its snapshot, and told back in plain words for the helpdesk.
import { message, renderMessage, t, type Locale, type MessageId, type MessageRef } from '../shared/i18n/index.js';
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
export function describeSupportSummary(summary: SupportSummary, locale: Locale = 'en', options: { withMessages?: boolean } = {}): SupportFact[] {
  const build = summary.windows.build === null ? null : `${summary.windows.build}.${summary.windows.ubr ?? '?'}`;
  const fact = (label: MessageId, value: MessageRef): SupportFact =>
    options.withMessages
      ? { label: t(locale, label), value: renderMessage(value, locale), labelMessage: message(label), valueMessage: value }
      : { label: t(locale, label), value: renderMessage(value, locale) };
  return [
    fact('support.label.verdict', message(`support.verdict.${summary.verdict}`)),
    // A Windows name without a build is the catalogue's own name (a proper name): kept as it is.
    build === null
      ? windowsNameOnly(fact('support.label.windows', message('support.windowsBuild', { name: summary.windows.name, build: '?' })), summary.windows.name)
      : fact('support.label.windows', message('support.windowsBuild', { name: summary.windows.name, build })),
    fact('support.label.update', message(`support.update.${summary.windowsUpdate}`)),
    fact('support.label.root', message(`support.root.${summary.rootCertificate}`)),
    fact('support.label.autoUpdate', message(`support.autoUpdate.${summary.rootAutoUpdate}`)),
    fact('support.label.agent', message(`support.agent.${summary.agentServices}`)),
    fact('support.label.restart', message(summary.pendingReboot === null ? 'common.unknown' : summary.pendingReboot ? 'common.yes' : 'common.no')),
  ];
}

function windowsNameOnly(fact: SupportFact, name: string): SupportFact {
  const { valueMessage: _unused, ...rest } = fact;
  void _unused;
  return { ...rest, value: name };
}

/** One labelled fact; with `withMessages`, the messages let the app show it in the helpdesk's language. */
export interface SupportFact {
  label: string;
  value: string;
  labelMessage?: MessageRef;
  valueMessage?: MessageRef;
}
