// One fix step's run: preview, file choice, progress routing, how apply outcomes end the run, undo.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApplyOutcome, FixStatus } from '../../../src-main/contract/index.js';
import type { FixOutcome } from '../../../src-main/fixes/types.js';
import { stateAfterApply } from '../../../src-main/plan-runner/steps.js';
import {
  applyFinished,
  applyRejected,
  applyStarted,
  canContinue,
  fixesStore,
  initialFixes,
  previewLoaded,
  previewRequested,
  progressArrived,
  requestFailed,
  runOf,
  undoFinished,
  undoStarted,
  updateFileChosen,
  verifyFinished,
} from '../../../src-renderer/state/fixes.js';
import { diagnosisWith, planViewOf, previewOf, updateStep } from './fixtures.js';

const plan = planViewOf([updateStep]);

/** An apply outcome as the main process sends it: the step state is the plan runner's transition for the status. */
function outcome(status: FixStatus, extra: Partial<ApplyOutcome> = {}): ApplyOutcome {
  const state = stateAfterApply({ status, verification: null } as unknown as FixOutcome);
  return { stepIndex: 0, state, status, message: `status ${status}`, rebootRequired: status === 'reboot-required', commands: [], adminInstructions: null, plan, ...extra };
}

const ready = () => previewLoaded(previewRequested(initialFixes(), 0), 0, previewOf(0, updateStep));

describe('fixes slice', () => {
  beforeEach(() => fixesStore.reset());

  it('is loading until the preview arrives, then ready', () => {
    expect(runOf(previewRequested(initialFixes(), 0), 0).phase).toBe('loading');
    expect(runOf(ready(), 0).phase).toBe('ready');
    expect(runOf(ready(), 0).preview?.commands[0]?.file).toBe('wusa.exe');
  });

  it('a failed preview request shows the error and leaves nothing to apply', () => {
    const run = runOf(requestFailed(previewRequested(initialFixes(), 0), 0, 'no plan'), 0);
    expect(run).toMatchObject({ phase: 'failed', error: 'no plan', preview: null });
  });

  it('routes progress to the step it belongs to, only while that step runs', () => {
    let state = applyStarted(ready(), 0);
    state = progressArrived(state, { stepIndex: 0, action: 'apply', message: 'Installing', percent: 40, elapsedMs: 10 });
    state = progressArrived(state, { stepIndex: 3, action: 'apply', message: 'other step', percent: null, elapsedMs: 10 });
    expect(runOf(state, 0).progress.map((event) => event.message)).toEqual(['Installing']);
    expect(state.runs[3]).toBeUndefined();
    expect(progressArrived(ready(), { stepIndex: 0, action: 'apply', message: 'late', percent: null, elapsedMs: 1 })).toEqual(ready());
  });

  it('a success goes on to verification, and a verified result allows the next step', () => {
    const applied = applyFinished(applyStarted(ready(), 0), 0, outcome('succeeded'));
    expect(runOf(applied, 0).phase).toBe('verifying');
    const verified = verifyFinished(applied, 0, { stepIndex: 0, verified: true, message: 'KB installed', details: [], diagnosis: diagnosisWith([]), plan });
    expect(runOf(verified, 0).result).toEqual({ kind: 'verified', message: 'KB installed' });
    expect(canContinue(runOf(verified, 0))).toBe(true);
  });

  it('follows the main process step state: a success the fix verified itself ends verified, nothing to do ends at once', () => {
    const verified = runOf(applyFinished(applyStarted(ready(), 0), 0, outcome('succeeded', { state: 'verified' })), 0);
    expect(verified).toMatchObject({ phase: 'finished', result: { kind: 'verified' } });
    expect(runOf(applyFinished(applyStarted(ready(), 0), 0, outcome('nothing-to-do', { state: 'verified' })), 0).result?.kind).toBe('nothing-to-do');
    expect(outcome('guidance').state).toBe('previewed');
    expect(outcome('refused').state).toBe('failed');
  });

  it('a verification that fails does not allow moving on', () => {
    const verified = verifyFinished(applyStarted(ready(), 0), 0, { stepIndex: 0, verified: false, message: 'still missing', details: [], diagnosis: diagnosisWith([]), plan });
    expect(runOf(verified, 0).result?.kind).toBe('not-verified');
    expect(canContinue(runOf(verified, 0))).toBe(false);
  });

  it('a step that needs a restart ends waiting for it, which allows the restart step next', () => {
    const run = runOf(applyFinished(applyStarted(ready(), 0), 0, outcome('reboot-required', { rebootRequired: true })), 0);
    expect(run.result?.kind).toBe('awaiting-reboot');
    expect(canContinue(run)).toBe(true);
  });

  it('a declined administrator prompt keeps the admin instructions and allows a retry, not moving on', () => {
    const run = runOf(applyFinished(applyStarted(ready(), 0), 0, outcome('declined', { state: 'failed', adminInstructions: 'Run fix.cmd as administrator' })), 0);
    expect(run.result).toEqual({ kind: 'declined', message: 'status declined', adminInstructions: 'Run fix.cmd as administrator' });
    expect(canContinue(run)).toBe(false);
  });

  it.each([
    ['refused', 'refused', false],
    ['failed', 'failed', false],
    ['guidance', 'guidance', true],
    ['nothing-to-do', 'nothing-to-do', true],
  ] as const)('status %s ends as %s (continue: %s)', (status, kind, continues) => {
    const run = runOf(applyFinished(applyStarted(ready(), 0), 0, outcome(status)), 0);
    expect(run.result?.kind).toBe(kind);
    expect(canContinue(run)).toBe(continues);
  });

  it('tells a cancelled request from a failed one', () => {
    expect(runOf(applyRejected(ready(), 0, 'cancelled', 'stopped'), 0).result?.kind).toBe('cancelled');
    expect(runOf(applyRejected(ready(), 0, 'busy', 'another fix runs'), 0).result?.kind).toBe('failed');
  });

  it('remembers the chosen update file and forgets the offered list', () => {
    const file = { path: '/media/usb/windows10.0-kb5011487-x64.msu', name: 'windows10.0-kb5011487-x64.msu', sizeBytes: 1, kb: 'KB5011487' };
    const run = runOf(updateFileChosen(ready(), 0, file), 0);
    expect(run.updateFile).toEqual(file);
    expect(run.candidates).toBeNull();
  });

  it('undo replaces the result when it worked, and keeps it with an error when it did not', () => {
    const verified = verifyFinished(applyStarted(ready(), 0), 0, { stepIndex: 0, verified: true, message: 'ok', details: [], diagnosis: diagnosisWith([]), plan });
    const undone = undoFinished(undoStarted(verified, 0), 0, { stepIndex: 0, undone: true, status: 'succeeded', message: 'removed', plan });
    expect(runOf(undone, 0).result).toEqual({ kind: 'undone', message: 'removed' });
    const notUndone = undoFinished(undoStarted(verified, 0), 0, { stepIndex: 0, undone: false, status: 'failed', message: 'access denied', plan });
    expect(runOf(notUndone, 0)).toMatchObject({ result: { kind: 'verified' }, error: 'access denied', phase: 'finished' });
  });
});
