// The one sentence a person reads first on the result screen and in the command line's summary.
import type { Diagnosis } from './schema.js';
import { m, type MessageRef } from './text.js';

export function describeHeadline(diagnosis: Diagnosis): MessageRef {
  const { verdict, windowsUpdate, rootCertificate, agentServices } = diagnosis;
  // The agent may still run its old version: its next updates are what will fail (Trend's install check).
  const agentRuns = agentServices.status === 'running';
  if (verdict === 'unsupported') return m('headline.unsupported', { windows: diagnosis.windows?.name ?? m('headline.thisWindows'), agentRuns });
  if (verdict === 'unknown') return diagnosis.windows === null ? m('headline.unknownWindows') : m('headline.unknownFacts');
  const updateMissing = windowsUpdate.status === 'missing';
  const rootMissing = rootCertificate.status === 'missing' && rootCertificate.required;
  if (updateMissing && rootMissing) return m('headline.updateAndRootMissing', { agentRuns });
  if (updateMissing) return m('headline.updateMissing', { agentRuns });
  if (rootMissing) return m('headline.rootMissing', { agentRuns });
  if (rootCertificate.status === 'disallowed') return m('headline.rootBlocked', { agentRuns });
  if (windowsUpdate.status === 'pending-reboot') return m('headline.pendingRestart');
  if (diagnosis.plan.some((step) => step.step === 'contact-support') && agentServices.status === 'failed-signature') return m('headline.stillFailsSignature');
  if (agentServices.status === 'failed-signature' || agentServices.status === 'failed-other' || agentServices.status === 'stopped') return m('headline.startAgain');
  if (agentServices.status === 'running') return m('headline.readyRunning');
  return m('headline.ready');
}
