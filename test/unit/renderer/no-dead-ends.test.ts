// Issue 16, points 1 and 10: skipping moves on (a restart only needed by skipped steps is passed over),
// Back leads to the step before or the result, and the wizard knows when it cannot fix at all.
import { describe, expect, it } from 'vitest';
import { noFixReason, passedOver, stepAfterFix, stepBeforeFix } from '../../../src-renderer/wizard/steps.js';
import { rebootStep, servicesStep, supportStep, updateStep } from './fixtures.js';

const plan = [updateStep, rebootStep, servicesStep];

describe('no dead ends', () => {
  it('a skipped update takes its restart with it; a finished one does not', () => {
    expect([...passedOver(plan, new Set(), new Set([0]))].sort()).toEqual([0, 1]);
    expect(stepAfterFix(plan, 0, passedOver(plan, new Set(), new Set([0])))).toEqual({ kind: 'fix', index: 2 });
    expect([...passedOver(plan, new Set([0]), new Set())]).toEqual([0]);
    // a restart that is the first step (a pending restart) is never passed over by itself
    expect([...passedOver([rebootStep, servicesStep], new Set(), new Set())]).toEqual([]);
  });

  it('Back goes to the previous actionable step, else to the result', () => {
    expect(stepBeforeFix(plan, 2)).toEqual({ kind: 'fix', index: 1 });
    expect(stepBeforeFix([supportStep, servicesStep], 1)).toEqual({ kind: 'result' });
    expect(stepBeforeFix(plan, 0)).toEqual({ kind: 'result' });
  });

  it('no "Start fixing" on older Windows or when only an upgrade helps', () => {
    const windows = (family: string) => ({ family });
    expect(noFixReason({ windows: windows('windows-7'), plan })).toBe('legacy-windows');
    expect(noFixReason({ windows: windows('windows-server-legacy'), plan })).toBe('legacy-windows');
    expect(noFixReason({ windows: windows('windows-10'), plan: [{ ...supportStep, step: 'upgrade-windows' }] })).toBe('upgrade-only');
    expect(noFixReason({ windows: windows('windows-10'), plan: [supportStep] })).toBe('nothing');
    expect(noFixReason({ windows: windows('windows-10'), plan })).toBeNull();
  });
});
