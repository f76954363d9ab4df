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
  /** Version, and where the journal and the reports live (issue 16, point 9). */
  | { kind: 'about' }
  /** Read-only view of a snapshot file (someone else's machine, some other time). */
  | { kind: 'snapshot' }
  /** Something went wrong that the user cannot act on inside a step. `reason: 'no-access'`: the preview
   * was opened without its access token (the screen says how to open it, in the chosen language). */
  | { kind: 'problem'; message: string; reason?: 'no-access' };

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

/** Windows versions this app never changes (Electron 45 runs on Windows 10 / Server 2016 and later):
 * older Windows are fixed with the PowerShell field kit, not here. */
const LEGACY_FAMILIES = new Set(['windows-8.1', 'windows-8', 'windows-7', 'windows-vista', 'windows-xp', 'windows-server-legacy']);

/** Why the wizard offers no "Start fixing": `legacy-windows` (the app cannot run on this Windows),
 * `upgrade-only` (only guidance to upgrade Windows), `nothing` (no step to take), or null (it can fix). */
export type NoFixReason = 'legacy-windows' | 'upgrade-only' | 'nothing' | null;

export function noFixReason(diagnosis: { windows: { family: string } | null; plan: readonly PlanStep[] }): NoFixReason {
  if (diagnosis.windows && LEGACY_FAMILIES.has(diagnosis.windows.family)) return 'legacy-windows';
  const actionable = diagnosis.plan.filter(isActionable);
  if (actionable.length === 0) return 'nothing';
  if (actionable.every((step) => step.step === 'upgrade-windows')) return 'upgrade-only';
  return null;
}

/** Indexes the person moves past going forward: steps finished, and steps skipped; a restart step is
 * passed over too when every earlier step that needed it was skipped (nothing was installed). */
export function passedOver(plan: readonly PlanStep[], done: ReadonlySet<number>, skipped: ReadonlySet<number>): Set<number> {
  const over = new Set([...done, ...skipped]);
  plan.forEach((step, index) => {
    if (step.step !== 'reboot') return;
    const before = plan
      .slice(0, index)
      .map((other, i) => ({ other, i }))
      .filter(({ other }) => other.needsReboot && other.step !== 'reboot');
    if (before.length > 0 && before.every(({ i }) => skipped.has(i))) over.add(index);
  });
  return over;
}

/** "Back" from the fix at `index`: the previous actionable step, else the result. */
export function stepBeforeFix(plan: readonly PlanStep[], index: number): WizardStep {
  for (let previous = index - 1; previous >= 0; previous -= 1) {
    const candidate = plan[previous];
    if (candidate && isActionable(candidate)) return { kind: 'fix', index: previous };
  }
  return { kind: 'result' };
}
