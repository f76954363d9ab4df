// Turns the rules' conclusions into the ordered plan of fix steps:
// Windows update (or upgrade) -> root certificate -> reboot when needed -> start the agent services
// -> contact support when nothing on Windows' side is left to fix.
import { ACS_ROOT_CERTIFICATE } from '../catalogue/root-certificate.js';
import { newestRollupWithinLimit, type UpdateRequirement } from '../catalogue/kb5022661.js';
import type { AgentServicesDiagnosis, PlanStep, RootCertificateDiagnosis, WindowsUpdateDiagnosis } from './schema.js';

export interface PlanInput {
  requirement: UpdateRequirement | null;
  windowsUpdate: WindowsUpdateDiagnosis;
  rootCertificate: RootCertificateDiagnosis;
  agentServices: AgentServicesDiagnosis;
  /** Services that should run and do not. */
  toStart: readonly string[];
  damagedBinaries: readonly string[];
}

export function buildPlan(input: PlanInput): PlanStep[] {
  const { requirement, windowsUpdate, rootCertificate } = input;
  const plan: PlanStep[] = [];

  if (windowsUpdate.status === 'unsupported-os') {
    plan.push({
      step: 'upgrade-windows',
      title: 'Upgrade Windows',
      why: requirement?.rule === 'none' ? requirement.advice : 'This version of Windows cannot trust ACS-signed programs.',
      needsAdmin: true,
      needsReboot: true,
    });
    // Nothing else helps on this version; the other steps would only raise false hope.
    return plan;
  }

  if (windowsUpdate.status === 'missing') {
    const prerequisites = requirement?.rule === 'rollup' && requirement.prerequisites.length > 0 ? ` First make sure Windows has: ${requirement.prerequisites.join('; ')}.` : '';
    const limited = requirement?.rule === 'rollup' ? newestRollupWithinLimit(requirement) : null;
    const limit = requirement?.rule === 'rollup' && requirement.limit && limited
      ? ` ${capitalise(requirement.limit.who)}, pick one from October 2021 to ${monthName(requirement.limit.until)} (the newest of those is ${limited.kb}): ${requirement.limit.why}.`
      : '';
    const what =
      windowsUpdate.rule === 'rollup'
        ? `${windowsUpdate.requiredKb} (the October 2021 monthly rollup) or a later monthly rollup (the newest is best).${limit}`
        : `${windowsUpdate.requiredKb} or any later cumulative update (build ${windowsUpdate.minimumBuild} or later; the newest is best).`;
    plan.push({
      step: 'install-windows-update',
      title: 'Install the Windows update',
      why: `Windows trusts programs signed through Azure Code Signing only with ${what}${prerequisites}`,
      kb: windowsUpdate.requiredKb,
      acceptedKbs: windowsUpdate.acceptedKbs,
      acceptsLaterKbs: windowsUpdate.rule === 'cumulative',
      minimumBuild: windowsUpdate.minimumBuild,
      needsAdmin: true,
      needsReboot: true,
    });
  }

  if (rootCertificate.status === 'missing' && rootCertificate.required) {
    plan.push({
      step: 'install-root-certificate',
      title: 'Install the Microsoft root certificate',
      why: `${ACS_ROOT_CERTIFICATE.name} must be in the computer's trusted roots, and Windows will not download it by itself here. This program carries a verified copy (SHA-1 ${ACS_ROOT_CERTIFICATE.sha1Thumbprint}).`,
      thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint,
      needsAdmin: true,
      needsReboot: false,
    });
  }

  if (windowsUpdate.status === 'missing' || windowsUpdate.status === 'pending-reboot') {
    plan.push({
      step: 'reboot',
      title: 'Restart the computer',
      why:
        windowsUpdate.status === 'pending-reboot'
          ? `${windowsUpdate.satisfiedBy ?? 'The update'} is installed but takes effect only after a restart.`
          : 'The update takes effect only after a restart.',
      needsAdmin: false,
      needsReboot: true,
    });
  }

  const windowsSideBlocked = rootCertificate.status === 'disallowed';
  if (input.toStart.length > 0 && !windowsSideBlocked) {
    plan.push({
      step: 'start-agent-services',
      title: 'Start the security agent',
      why: `Start ${joinNames(input.toStart)} and check that ${input.toStart.length === 1 ? 'it keeps' : 'they keep'} running.`,
      services: [...input.toStart],
      needsAdmin: true,
      needsReboot: false,
    });
  }

  const support = supportReason(input, windowsSideBlocked);
  if (support) plan.push({ step: 'contact-support', title: 'Contact support with the report', why: support, needsAdmin: false, needsReboot: false });
  return plan;
}

function supportReason(input: PlanInput, windowsSideBlocked: boolean): string | null {
  const { windowsUpdate, rootCertificate, agentServices } = input;
  if (input.damagedBinaries.length > 0) {
    return `The agent's program files ${input.damagedBinaries.join(', ')} are damaged or unsigned. Windows cannot fix that: Trend Micro support must repair or replace the agent. Send them the report.`;
  }
  if (windowsSideBlocked) {
    return 'The Microsoft root certificate is in the Disallowed store. An administrator must remove it from there and find the policy that put it there; send them the report.';
  }
  const windowsReady = windowsUpdate.status === 'ok' && (rootCertificate.status === 'present' || !rootCertificate.required);
  if (agentServices.status === 'failed-signature' && windowsReady) {
    return 'Windows has the update and the certificate, yet the agent failed a signature check. If it fails again after starting it, a file may be damaged or must be replaced by the vendor: send the report to Trend Micro support.';
  }
  const nonDependencyFailure = agentServices.services.some((service) => service.status === 'failed-other' && service.exitCode !== 1068);
  if (agentServices.status === 'failed-other' && nonDependencyFailure) {
    return 'The agent fails for a reason other than signatures. If starting it again does not help, send the report to Trend Micro support.';
  }
  return null;
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function monthName(iso: string): string {
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
