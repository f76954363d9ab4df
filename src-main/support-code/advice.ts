// What a decoded support code means for the helpdesk (issue 16, point 12): what is missing — the update
// by its KB, found from the coded Windows release in the KB5022661 catalogue — and what to tell the
// caller next, in order. Facts only (KBs, builds, step kinds): the screens put them into words.
import { identifyWindows } from '../catalogue/windows-versions.js';
import type { WindowsOs } from '../snapshot/schema.js';
import type { SupportSummary } from './summary.js';

/** What the helpdesk tells the caller to do, in the order it should happen. */
export type SupportNextStep =
  /** Install the missing update (its KB in `missingUpdate`), from Windows Update or the Update Catalog. */
  | 'install-update'
  /** Restart Windows (an update waits for it). */
  | 'restart'
  /** Install the Microsoft root certificate (the assistant's "Install the certificate" step). */
  | 'install-root'
  /** An administrator removes the root certificate from the Disallowed store (and the policy that put it there). */
  | 'unblock-root'
  /** Start the security agent's services again (the assistant's last step). */
  | 'start-agent'
  /** No update exists for this Windows: it must be upgraded. */
  | 'upgrade-windows'
  /** The code alone does not say enough: ask for the report (saved by the assistant). */
  | 'send-report'
  /** Nothing to do: the agent can start. */
  | 'nothing';

export interface SupportAdvice {
  /** The update the code says is missing or waiting (null: none, or the release is not in the code table). */
  missingUpdate: {
    kb: string;
    /** "19044.1586": the build that must be reached (Windows 10 / 11 / Server 2016 and later); null for rollups. */
    minimumBuild: string | null;
    /** A later cumulative update or monthly rollup for the same Windows also does. */
    orLater: boolean;
    /** Installed already, waiting for the restart. */
    installed: boolean;
  } | null;
  next: SupportNextStep[];
  /** The assistant runs on that Windows (10 / Server 2016 and later); false: the field kit does the fix; null: unknown release. */
  appRunsThere: boolean | null;
}

/** The KB and minimum build the catalogue names for a coded release; null when it names none. */
function requiredUpdate(summary: SupportSummary): { kb: string; minimumBuild: string | null } | null {
  const build = summary.windows.build;
  if (build === null) return null;
  // The code carries the build, the UBR and client/server: enough for the catalogue's rule (editions
  // whose servicing ended early are the one thing it cannot tell; the report has them).
  const os = { currentBuild: build, ubr: summary.windows.ubr, installationType: summary.windows.server ? 'Server' : 'Client', editionId: '', displayVersion: null } as unknown as WindowsOs;
  const identified = identifyWindows(os);
  if (!identified.ok) return null;
  const requirement = identified.requirement;
  if (requirement.rule === 'cumulative') {
    const kb = requirement.stricter?.requiredKb ?? requirement.requiredKb;
    const ubr = requirement.stricter?.minimumUbr ?? requirement.minimumUbr;
    return { kb, minimumBuild: `${requirement.build}.${ubr}` };
  }
  if (requirement.rule === 'rollup') return { kb: requirement.monthlyRollup, minimumBuild: null };
  return null;
}

/** Windows 10 / Server 2016: the first build the desktop app (Electron 45) runs on. */
const FIRST_APP_BUILD = 10240;

export function adviseSupportSummary(summary: SupportSummary): SupportAdvice {
  const appRunsThere = summary.windows.build === null ? null : summary.windows.build >= FIRST_APP_BUILD;
  return { ...steps(summary), appRunsThere };
}

function steps(summary: SupportSummary): Omit<SupportAdvice, 'appRunsThere'> {
  const next: SupportNextStep[] = [];
  const update = summary.windowsUpdate === 'missing' || summary.windowsUpdate === 'pending-reboot' ? requiredUpdate(summary) : null;
  const missingUpdate = update ? { ...update, orLater: true, installed: summary.windowsUpdate === 'pending-reboot' } : null;

  if (summary.windowsUpdate === 'unsupported-os' || summary.verdict === 'unsupported') return { missingUpdate: null, next: ['upgrade-windows'] };
  if (summary.verdict === 'ready') return { missingUpdate: null, next: ['nothing'] };

  if (summary.windowsUpdate === 'missing') next.push('install-update');
  if (summary.rootCertificate === 'missing') next.push('install-root');
  if (summary.windowsUpdate === 'missing' || summary.windowsUpdate === 'pending-reboot' || summary.pendingReboot === true) next.push('restart');
  if (summary.rootCertificate === 'disallowed') next.push('unblock-root');
  const agentDown = summary.agentServices === 'failed-signature' || summary.agentServices === 'failed-other' || summary.agentServices === 'stopped';
  if (agentDown && summary.rootCertificate !== 'disallowed') next.push('start-agent');
  // Nothing on Windows' side explains it, or the code knows too little: the report says more.
  const windowsSide = next.some((step) => step !== 'start-agent');
  if (summary.rootCertificate === 'disallowed' || summary.agentServices === 'failed-other' || summary.verdict === 'unknown' || (!windowsSide && summary.agentServices !== 'stopped'))
    next.push('send-report');
  return { missingUpdate, next };
}
