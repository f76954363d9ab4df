// diagnose(snapshot) -> acs-diagnosis: a pure function (no clock, no I/O) that says whether Windows
// can run ACS-signed agent binaries, what is wrong, with evidence, and the ordered plan to fix it.
import { CATALOGUE_DATE, type UpdateRequirement } from '../catalogue/kb5022661.js';
import { identifyWindows } from '../catalogue/windows-versions.js';
import { isWindowsOs, type Snapshot } from '../snapshot/schema.js';
import { describeHeadline } from './headline.js';
import { english, finding, m, note, type MessageRef } from './text.js';
import { buildPlan } from './plan.js';
import { checkAgentServices } from './rules/agent-services.js';
import { checkDriverFailures } from './rules/drivers.js';
import { checkRootCertificate } from './rules/root-certificate.js';
import { checkBootConfiguration, checkCollectionErrors } from './rules/system-switches.js';
import { checkWindowsUpdate } from './rules/windows-update.js';
import { DIAGNOSIS_FORMAT, DIAGNOSIS_VERSION, type Diagnosis, type Finding, type Verdict, type WindowsUpdateDiagnosis, type WindowsVersion } from './schema.js';

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

export function diagnose(snapshot: Snapshot): Diagnosis {
  const findings: Finding[] = [];
  let windows: WindowsVersion | null = null;
  let requirement: UpdateRequirement | null = null;
  let windowsUpdate: WindowsUpdateDiagnosis;

  const os = snapshot.os;
  if (!isWindowsOs(os)) {
    const reason = m('os.notWindows.reason', { product: os.productName, platform: os.platform });
    windowsUpdate = unknownUpdate(reason, null);
    findings.push(
      finding('not-windows', 'warning', m('os.notWindows.title'), reason, [
        { path: 'os.platform', value: os.platform },
        { path: 'os.productName', value: os.productName },
      ]),
    );
  } else {
    const identified = identifyWindows(os);
    const build = os.ubr === null ? String(os.currentBuild) : `${os.currentBuild}.${os.ubr}`;
    if (identified.ok) {
      requirement = identified.requirement;
      windows = { key: requirement.key, name: requirement.name, family: requirement.family, installationType: os.installationType, build, architecture: os.architecture };
      const update = checkWindowsUpdate(snapshot, os, requirement);
      windowsUpdate = update.diagnosis;
      findings.push(...update.findings);
    } else {
      const why = m(os.installationType === 'Client' ? 'os.unknownClientBuild' : 'os.unknownServerBuild', { build: String(os.currentBuild) });
      const reason = m('os.unknown.reason', { why });
      windowsUpdate = unknownUpdate(reason, build);
      findings.push(
        finding('os-unknown', 'warning', m('os.unknown.title'), reason, [
          { path: 'os.currentBuild', value: os.currentBuild },
          { path: 'os.installationType', value: os.installationType },
        ]),
      );
    }
  }

  const agents = checkAgentServices(snapshot);
  const root = checkRootCertificate(snapshot, {
    agentSignatureFailure: agents.diagnosis.status === 'failed-signature',
    windowsUpdateOk: windowsUpdate.status === 'ok',
  });
  findings.push(...root.findings, ...agents.findings, ...checkDriverFailures(snapshot, requirement), ...checkBootConfiguration(snapshot), ...checkCollectionErrors(snapshot));

  findings.push(...agentUpdatesWillFail(windowsUpdate, root.diagnosis, agents.diagnosis));

  const pendingReboot = snapshot.pendingReboot?.required ?? null;
  if (pendingReboot === true && windowsUpdate.status !== 'pending-reboot') {
    const reasons = snapshot.pendingReboot?.reasons ?? [];
    findings.push(
      finding('pending-reboot', 'info', m('pendingRestart.title'), m('pendingRestart.explanation', { hasReasons: reasons.length > 0, reasons: reasons.join(', ') }), [
        { path: 'pendingReboot', value: snapshot.pendingReboot },
      ]),
    );
  }

  const plan = windows
    ? buildPlan({ requirement, windowsUpdate, rootCertificate: root.diagnosis, agentServices: agents.diagnosis, toStart: agents.toStart, damagedBinaries: agents.damagedBinaries })
    : [];
  const verdict = decideVerdict(
    windows !== null,
    plan.map((step) => step.step),
    windowsUpdate,
    root.diagnosis,
  );
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);

  const diagnosis: Diagnosis = {
    format: DIAGNOSIS_FORMAT,
    version: DIAGNOSIS_VERSION,
    snapshot: { collectedAt: snapshot.collectedAt, computerName: snapshot.host?.computerName ?? null },
    catalogueDate: CATALOGUE_DATE,
    verdict,
    headline: '',
    headlineMessage: { id: '' },
    windows,
    windowsUpdate,
    rootCertificate: root.diagnosis,
    agentServices: agents.diagnosis,
    pendingReboot,
    findings,
    plan,
  };
  const headline = describeHeadline(diagnosis);
  diagnosis.headline = english(headline);
  diagnosis.headlineMessage = headline;
  return diagnosis;
}

function decideVerdict(windowsKnown: boolean, steps: readonly string[], update: WindowsUpdateDiagnosis, root: Diagnosis['rootCertificate']): Verdict {
  if (!windowsKnown) return 'unknown';
  if (steps.includes('upgrade-windows')) return 'unsupported';
  if (steps.length > 0) return 'action-required';
  // Nothing to do, but only say "ready" when nothing essential was left undecided.
  const rootUndecided = root.status === 'unknown' && root.autoUpdate !== 'enabled';
  if (update.status === 'unknown' || rootUndecided) return 'unknown';
  return 'ready';
}

/**
 * Trend Micro's own install check (KA-0013629 Worry-Free, KA-0014129 Apex One; KA-0013628 for the
 * other agents: "future engine or module updates … may fail to install") refuses ACS-signed installs
 * and upgrades on Windows without ACS support, so the old agent keeps running and the machine looks
 * healthy. When the agent runs (or is not installed) but Windows cannot take ACS-signed programs,
 * say that its next updates (or its installation) will fail.
 */
function agentUpdatesWillFail(update: WindowsUpdateDiagnosis, root: Diagnosis['rootCertificate'], agents: Diagnosis['agentServices']): Finding[] {
  const blockers: MessageRef[] = [];
  if (update.status === 'missing') blockers.push(m('agentUpdates.blocker.updateMissing', { kb: update.requiredKb ?? m('agentUpdates.blocker.anyUpdate') }));
  if (update.status === 'unsupported-os') blockers.push(m('agentUpdates.blocker.unsupported'));
  if (root.status === 'disallowed') blockers.push(m('agentUpdates.blocker.rootBlocked'));
  else if (root.status === 'missing' && root.required) blockers.push(m('agentUpdates.blocker.rootMissing'));
  if (blockers.length === 0) return [];
  const why = m('agentUpdates.why', { blockers });
  if (agents.status === 'running') {
    return [
      finding('agent-updates-will-fail', 'warning', m('agentUpdates.running.title'), m('agentUpdates.running.explanation', { why }), [
        { path: 'services', value: agents.services.filter((service) => service.status === 'running').map((service) => service.name), ...note(m('ev.running')) },
      ]),
    ];
  }
  if (agents.status === 'not-installed') {
    return [
      finding('agent-updates-will-fail', 'info', m('agentUpdates.notInstalled.title'), m('agentUpdates.notInstalled.explanation', { why }), [
        { path: 'services', value: [], ...note(m('ev.noTrendServices')) },
      ]),
    ];
  }
  return [];
}

function unknownUpdate(reason: MessageRef, currentBuild: string | null): WindowsUpdateDiagnosis {
  return {
    status: 'unknown',
    requiredKb: null,
    minimumBuild: null,
    currentBuild,
    rule: 'none',
    acceptedKbs: [],
    satisfiedBy: null,
    stricterRule: null,
    reason: english(reason),
    reasonMessage: reason,
    sources: [],
  };
}
