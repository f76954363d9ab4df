// Turns the rules' conclusions into the ordered plan of fix steps:
// Windows update (or upgrade) -> root certificate -> reboot when needed -> start the agent services
// -> contact support when nothing on Windows' side is left to fix.
import { ACS_ROOT_CERTIFICATE } from '../catalogue/root-certificate.js';
import { newestRollupWithinLimit, type UpdateRequirement } from '../catalogue/kb5022661.js';
import type { AgentServicesDiagnosis, PlanStep, RootCertificateDiagnosis, WindowsUpdateDiagnosis } from './schema.js';
import { adviceMessage, limitMessages, prerequisiteMessages } from './rules/requirement-text.js';
import { english, m, type MessageRef } from './text.js';

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
      ...texts(m('plan.upgrade.title'), requirement?.rule === 'none' ? adviceMessage(requirement) : m('plan.upgrade.why')),
      needsAdmin: true,
      needsReboot: true,
    });
    // Nothing else helps on this version; the other steps would only raise false hope.
    return plan;
  }

  if (windowsUpdate.status === 'missing') {
    const prerequisiteList = requirement?.rule === 'rollup' ? prerequisiteMessages(requirement) : [];
    const prerequisites = prerequisiteList.length > 0 ? m('plan.update.prerequisites', { list: prerequisiteList }) : '';
    const limited = requirement?.rule === 'rollup' ? newestRollupWithinLimit(requirement) : null;
    const limitTexts = requirement?.rule === 'rollup' ? limitMessages(requirement) : null;
    const limit =
      requirement?.rule === 'rollup' && requirement.limit && limited && limitTexts
        ? m('plan.update.limit', { who: limitTexts.whoStart, until: requirement.limit.until, kb: limited.kb, why: limitTexts.why })
        : '';
    const what =
      windowsUpdate.rule === 'rollup'
        ? m('plan.update.whatRollup', { kb: windowsUpdate.requiredKb ?? '', limit })
        : m('plan.update.whatCumulative', { kb: windowsUpdate.requiredKb ?? '', minimum: windowsUpdate.minimumBuild ?? '' });
    plan.push({
      step: 'install-windows-update',
      ...texts(m('plan.update.title'), m('plan.update.why', { what, prerequisites })),
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
      ...texts(m('plan.root.title'), m('plan.root.why', { name: ACS_ROOT_CERTIFICATE.name, thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint })),
      thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint,
      needsAdmin: true,
      needsReboot: false,
    });
  }

  if (windowsUpdate.status === 'missing' || windowsUpdate.status === 'pending-reboot') {
    plan.push({
      step: 'reboot',
      ...texts(
        m('plan.restart.title'),
        windowsUpdate.status !== 'pending-reboot'
          ? m('plan.restart.why')
          : windowsUpdate.satisfiedBy
            ? m('plan.restart.whyInstalled', { kb: windowsUpdate.satisfiedBy })
            : m('plan.restart.whyInstalledUnnamed'),
      ),
      needsAdmin: false,
      needsReboot: true,
    });
  }

  const windowsSideBlocked = rootCertificate.status === 'disallowed';
  if (input.toStart.length > 0 && !windowsSideBlocked) {
    plan.push({
      step: 'start-agent-services',
      ...texts(m('plan.start.title'), m('plan.start.why', { names: [...input.toStart], count: input.toStart.length })),
      services: [...input.toStart],
      needsAdmin: true,
      needsReboot: false,
    });
  }

  const support = supportReason(input, windowsSideBlocked);
  if (support) plan.push({ step: 'contact-support', ...texts(m('plan.support.title'), support), needsAdmin: false, needsReboot: false });
  return plan;
}

function supportReason(input: PlanInput, windowsSideBlocked: boolean): MessageRef | null {
  const { windowsUpdate, rootCertificate, agentServices } = input;
  if (input.damagedBinaries.length > 0) {
    return m('plan.support.damaged', { files: input.damagedBinaries.join(', ') });
  }
  if (windowsSideBlocked) {
    return m('plan.support.disallowed');
  }
  const windowsReady = windowsUpdate.status === 'ok' && (rootCertificate.status === 'present' || !rootCertificate.required);
  if (agentServices.status === 'failed-signature' && windowsReady) {
    return m('plan.support.stillFails');
  }
  const nonDependencyFailure = agentServices.services.some((service) => service.status === 'failed-other' && service.exitCode !== 1068);
  if (agentServices.status === 'failed-other' && nonDependencyFailure) {
    return m('plan.support.otherCause');
  }
  return null;
}

/** A step's English title and why, with the messages behind them. */
function texts(title: MessageRef, why: MessageRef): Pick<PlanStep, 'title' | 'why' | 'titleMessage' | 'whyMessage'> {
  return { title: english(title), why: english(why), titleMessage: title, whyMessage: why };
}
