// The wizard's screens as a discriminated union: each member is one screen and carries what it needs.
import type { PlanStep } from '../../src-main/contract/index.js';

export type WizardStep =
  | { kind: 'welcome' }
  | { kind: 'checking' }
  | { kind: 'result' }
  /** One fix at a time: `index` points into the diagnosis plan. */
  | { kind: 'fix'; index: number }
  /** Probing again after the fixes, to prove the services run. */
  | { kind: 'verify' }
  | { kind: 'done' }
  | { kind: 'report' }
  | { kind: 'helpdesk' }
  /** Read-only view of a snapshot file (someone else's machine, some other time). */
  | { kind: 'snapshot' }
  /** Something went wrong that the user cannot act on inside a step. */
  | { kind: 'problem'; message: string };

export type StepKind = WizardStep['kind'];

/** Identity of a screen: a new key re-mounts it, so the heading takes focus again. */
export function stepKey(step: WizardStep): string {
  return step.kind === 'fix' ? `fix-${step.index}` : step.kind;
}

/** Plan steps the app carries out itself; "contact-support" is advice, not an action. */
export function isActionable(step: PlanStep): boolean {
  return step.step !== 'contact-support';
}

/** The screen after the fix at `index`: the next plan step that is an action and not yet done
 * (`done` lists indexes already verified), else verification. */
export function stepAfterFix(plan: readonly PlanStep[], index: number, done: ReadonlySet<number> = new Set()): WizardStep {
  for (let next = index + 1; next < plan.length; next += 1) {
    const candidate = plan[next];
    if (candidate && isActionable(candidate) && !done.has(next)) return { kind: 'fix', index: next };
  }
  return { kind: 'verify' };
}

/** Where "Start fixing" leads: the first actionable step, or straight to verification. */
export function firstFixStep(plan: readonly PlanStep[], done: ReadonlySet<number> = new Set()): WizardStep {
  return stepAfterFix(plan, -1, done);
}

/** How many actionable steps the plan has, and the 1-based position of `index` among them. */
export function fixPosition(plan: readonly PlanStep[], index: number): { position: number; total: number } {
  let position = 0;
  let total = 0;
  plan.forEach((step, i) => {
    if (!isActionable(step)) return;
    total += 1;
    if (i <= index) position = total;
  });
  return { position, total };
}
