// The checking list stays on screen for a minimum time when the check answers at once (issue 16,
// point 13): the result is already in the slices, only the next screen waits; a slow check never waits.
import { beforeEach, describe, expect, it } from 'vitest';
import { createActions } from '../../../src-renderer/app/actions.js';
import { checkingStore } from '../../../src-renderer/state/checking.js';
import { fixesStore } from '../../../src-renderer/state/fixes.js';
import { navigationStore } from '../../../src-renderer/state/navigation.js';
import { sessionStore } from '../../../src-renderer/state/session.js';
import { appInfo, diagnosisWith, FakeBridge, ok, planViewOf, updateStep } from './fixtures.js';

const snapshotSummary = { collectedAt: '2026-11-24T10:00:00Z', computerName: 'PC-01', collector: null, durationMs: 30, sectionErrors: [] };

function bridge(): FakeBridge {
  return new FakeBridge()
    .answer('getAppInfo', () => ok(appInfo))
    .answer('startProbe', () => ok({ probeId: 'p1', snapshot: snapshotSummary, diagnosis: diagnosisWith([updateStep]) }))
    .answer('listPlan', () => ok(planViewOf([updateStep])));
}

describe('checking screen minimum time', () => {
  beforeEach(() => {
    for (const store of [checkingStore, fixesStore, navigationStore, sessionStore]) store.reset();
  });

  it('a check that answers at once: the list stays, ticked off ("done"), then the result opens', async () => {
    const actions = createActions(bridge().asBridge(), () => performance.now(), { minCheckingMs: 150 });
    const started = performance.now();
    const running = actions.startCheck();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(navigationStore.getState().step).toEqual({ kind: 'checking' });
    expect(checkingStore.getState().phase).toBe('done');
    // the diagnosis is there already: nothing about the result is held back
    expect(sessionStore.getState().diagnosis?.plan).toHaveLength(1);
    await running;
    expect(navigationStore.getState().step).toEqual({ kind: 'result' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('a check that took longer than the minimum opens the result at once', async () => {
    let now = 0;
    const actions = createActions(bridge().asBridge(), () => (now += 1000), { minCheckingMs: 800 });
    const started = performance.now();
    await actions.startCheck();
    expect(navigationStore.getState().step).toEqual({ kind: 'result' });
    expect(performance.now() - started).toBeLessThan(500);
  });
});
