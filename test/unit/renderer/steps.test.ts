// The wizard's step union helpers: which fix comes next, positions, the exhaustive-switch guard.
import { describe, expect, it } from 'vitest';
import { assertNever } from '../../../src-renderer/wizard/assert-never.js';
import { firstFixStep, fixPosition, stepAfterFix, stepKey } from '../../../src-renderer/wizard/steps.js';
import { rebootStep, servicesStep, supportStep, updateStep } from './fixtures.js';

const plan = [updateStep, rebootStep, supportStep, servicesStep];

describe('wizard steps', () => {
  it('starts fixing at the first actionable step', () => {
    expect(firstFixStep(plan)).toEqual({ kind: 'fix', index: 0 });
    expect(firstFixStep([supportStep, servicesStep])).toEqual({ kind: 'fix', index: 1 });
  });

  it('moves to the next step, skipping advice-only and finished steps', () => {
    expect(stepAfterFix(plan, 0)).toEqual({ kind: 'fix', index: 1 });
    expect(stepAfterFix(plan, 1)).toEqual({ kind: 'fix', index: 3 });
    expect(stepAfterFix(plan, 0, new Set([1]))).toEqual({ kind: 'fix', index: 3 });
  });

  it('goes to verification after the last step, or at once when nothing is actionable', () => {
    expect(stepAfterFix(plan, 3)).toEqual({ kind: 'verify' });
    expect(firstFixStep([supportStep])).toEqual({ kind: 'verify' });
    expect(firstFixStep([])).toEqual({ kind: 'verify' });
  });

  it('numbers the actionable steps for "Step 2 of 3"', () => {
    expect(fixPosition(plan, 0)).toEqual({ position: 1, total: 3 });
    expect(fixPosition(plan, 1)).toEqual({ position: 2, total: 3 });
    expect(fixPosition(plan, 3)).toEqual({ position: 3, total: 3 });
  });

  it('gives each fix step its own key so the screen re-mounts and focuses its heading', () => {
    expect(stepKey({ kind: 'fix', index: 0 })).not.toBe(stepKey({ kind: 'fix', index: 1 }));
    expect(stepKey({ kind: 'result' })).toBe('result');
  });

  it('assertNever throws when a value slips past the type system', () => {
    expect(() => assertNever('surprise' as never, 'wizard step')).toThrow(/Unhandled wizard step: "surprise"/);
  });
});
