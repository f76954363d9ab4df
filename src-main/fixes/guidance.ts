// Steps the app cannot carry out itself: upgrading Windows and contacting support. They share the
// life cycle (describe, preview, apply records the advice in the journal, verify probes again).
import { diagnose } from '../diagnosis/diagnose.js';
import type { PlanStep } from '../diagnosis/schema.js';
import { journaled } from './step-run.js';
import type { Fix, FixContext, FixOutcome, FixPreview, VerifyResult } from './types.js';

const ADVICE: Record<'upgrade-windows' | 'contact-support', { what: string; steps: string[] }> = {
  'upgrade-windows': {
    what: 'This Windows version can never get the update that trusts ACS signatures: it has to be upgraded to a supported version (Windows 10 22H2, Windows 11, or a supported Windows Server).',
    steps: ['Ask your IT department to plan the upgrade; it cannot be done from this app.', 'Until then the agent keeps its older (non-ACS) build only if the vendor still offers one.'],
  },
  'contact-support': {
    what: 'The rest of the problem is outside Windows settings: support needs the report to look further.',
    steps: ['Export the report (it can hide names and addresses).', 'Send it to your helpdesk or Trend Micro support, with the support code shown on the result screen.'],
  },
};

export function createGuidanceFix(step: PlanStep & { step: 'upgrade-windows' | 'contact-support' }, context: FixContext): Fix {
  const advice = ADVICE[step.step];
  async function preview(): Promise<FixPreview> {
    return { kind: step.step, checks: [], commands: [], facts: { advice: advice.steps.join(' ') }, ready: true, blockers: [] };
  }
  async function verify(): Promise<VerifyResult> {
    const snapshot = await context.reprobe(['os', 'hotfixes', 'certificates', 'rootAutoUpdate', 'services', 'events', 'signatures', 'pendingReboot']);
    const verdict = diagnose(snapshot).verdict;
    return { verified: verdict === 'ready', message: verdict === 'ready' ? 'The agent services now run.' : `The check still says: ${verdict}.`, details: [] };
  }
  async function apply(): Promise<FixOutcome> {
    return journaled(context, step.step, 'apply', {}, async () => ({ status: 'guidance', message: `${advice.what} ${advice.steps.join(' ')}`, commands: [], verification: null }));
  }
  return {
    kind: step.step,
    step,
    describe: () => ({ kind: step.step, title: step.title, what: advice.what, why: step.why, needsAdmin: false, needsReboot: false, undoable: false, undoNote: 'Nothing changes on this computer.' }),
    preview,
    apply,
    verify,
  };
}
