// Steps the app cannot carry out itself: upgrading Windows and contacting support. They share the
// life cycle (describe, preview, apply records the advice in the journal, verify probes again).
import { diagnose } from '../diagnosis/diagnose.js';
import type { PlanStep } from '../diagnosis/schema.js';
import { journaled } from './step-run.js';
import { blockersOf, describeStep, factsOf, messageAndRef, said, sentences, type MessageRef } from './texts.js';
import type { Fix, FixContext, FixOutcome, FixPreview, VerifyResult } from './types.js';

const ADVICE: Record<'upgrade-windows' | 'contact-support', { what: MessageRef; steps: MessageRef[] }> = {
  'upgrade-windows': { what: said('fix.upgrade.what'), steps: [said('fix.upgrade.step1'), said('fix.upgrade.step2')] },
  'contact-support': { what: said('fix.support.what'), steps: [said('fix.support.step1'), said('fix.support.step2')] },
};

export function createGuidanceFix(step: PlanStep & { step: 'upgrade-windows' | 'contact-support' }, context: FixContext): Fix {
  const advice = ADVICE[step.step];
  async function preview(): Promise<FixPreview> {
    return { kind: step.step, checks: [], commands: [], ...factsOf([['advice', said('fix.fact.advice'), sentences(advice.steps)]]), ready: true, ...blockersOf([]) };
  }
  async function verify(): Promise<VerifyResult> {
    const snapshot = await context.reprobe(['os', 'hotfixes', 'certificates', 'rootAutoUpdate', 'services', 'events', 'signatures', 'pendingReboot']);
    const verdict = diagnose(snapshot).verdict;
    return { verified: verdict === 'ready', ...messageAndRef(verdict === 'ready' ? said('fix.guidance.verify.ready') : said('fix.guidance.verify.still', { verdict })), details: [] };
  }
  async function apply(): Promise<FixOutcome> {
    return journaled(context, step.step, 'apply', {}, async () => ({ status: 'guidance', ...messageAndRef(sentences([advice.what, ...advice.steps])), commands: [], verification: null }));
  }
  return {
    kind: step.step,
    step,
    describe: () => describeStep(step, { what: advice.what, undoNote: said('fix.guidance.undoNote'), needsAdmin: false, needsReboot: false, undoable: false }),
    preview,
    apply,
    verify,
  };
}
