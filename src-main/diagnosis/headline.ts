// The one sentence a person reads first on the result screen and in the command line's summary.
import type { Diagnosis } from './schema.js';

export function describeHeadline(diagnosis: Diagnosis): string {
  const { verdict, windowsUpdate, rootCertificate, agentServices } = diagnosis;
  const agentRuns = agentServices.status === 'running';
  if (verdict === 'unsupported') {
    return `${diagnosis.windows?.name ?? 'This version of Windows'} cannot run your security agent's new updates: Windows itself must be upgraded.${agentRuns ? ' The agent still runs, but its next updates will fail to install.' : ''}`;
  }
  if (verdict === 'unknown') {
    return diagnosis.windows === null
      ? 'We could not tell which version of Windows this is, so we cannot say whether your security agent can run.'
      : 'We could not tell whether Windows is ready for your security agent: some facts could not be read.';
  }
  const updateMissing = windowsUpdate.status === 'missing';
  const rootMissing = rootCertificate.status === 'missing' && rootCertificate.required;
  // The agent may still run its old version: its next updates are what will fail (Trend's install check).
  const stillRuns = agentRuns ? ' The agent still runs, but its next updates will fail to install.' : '';
  if (updateMissing && rootMissing) return `Windows on this computer is missing an update and a certificate that your security agent needs.${stillRuns}`;
  if (updateMissing) return `Windows on this computer is missing an update that your security agent needs.${stillRuns}`;
  if (rootMissing) return `Windows on this computer is missing a Microsoft certificate that your security agent needs.${stillRuns}`;
  if (rootCertificate.status === 'disallowed') return `A Microsoft certificate your security agent needs is blocked on this computer.${stillRuns}`;
  if (windowsUpdate.status === 'pending-reboot') return 'Windows needs a restart to finish installing an update your security agent needs.';
  if (diagnosis.plan.some((step) => step.step === 'contact-support') && agentServices.status === 'failed-signature') {
    return 'Windows is ready, but your security agent still fails its signature check.';
  }
  if (agentServices.status === 'failed-signature' || agentServices.status === 'failed-other' || agentServices.status === 'stopped') {
    return 'Windows is ready; your security agent just needs to be started again.';
  }
  if (agentServices.status === 'running') return 'Windows is ready for your security agent, and the agent is running.';
  return 'Windows on this computer is ready for your security agent’s signed updates.';
}
