// The wizard's actions against a fake bridge: the whole journey from Start to Done, with the slices
// updated from bridge answers and streamed events; cancel, UAC declined, restart and resume.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActions } from '../../../src-renderer/app/actions.js';
import { checkingStore } from '../../../src-renderer/state/checking.js';
import { fixesStore, runOf } from '../../../src-renderer/state/fixes.js';
import { helpdeskStore } from '../../../src-renderer/state/helpdesk.js';
import { navigationStore } from '../../../src-renderer/state/navigation.js';
import { reportStore } from '../../../src-renderer/state/report.js';
import { sessionStore } from '../../../src-renderer/state/session.js';
import { appInfo, diagnosisWith, FakeBridge, ok, planViewOf, previewOf, rebootStep, servicesStep, supportStep, updateStep } from './fixtures.js';

const snapshotSummary = { collectedAt: '2026-11-24T10:00:00Z', computerName: 'PC-01', collector: null, durationMs: 300, sectionErrors: [] };
const plan = [updateStep, rebootStep, servicesStep];

function bridgeFor(): FakeBridge {
  const fake = new FakeBridge();
  fake
    .answer('getAppInfo', () => ok(appInfo))
    .answer('startProbe', () => {
      fake.emit('probe-progress', { probeId: 'p1', section: 'host', status: 'started', elapsedMs: 1 });
      fake.emit('probe-progress', { probeId: 'p1', section: 'host', status: 'done', elapsedMs: 12 });
      return ok({ probeId: 'p1', snapshot: snapshotSummary, diagnosis: diagnosisWith(plan) });
    })
    .answer('listPlan', () => ok(planViewOf(plan)))
    .answer('previewFix', (args) => {
      const index = (args as { stepIndex: number }).stepIndex;
      return ok(previewOf(index, plan[index]!));
    });
  return fake;
}

const step = () => navigationStore.getState().step;

describe('wizard actions', () => {
  beforeEach(() => {
    for (const store of [checkingStore, fixesStore, helpdeskStore, navigationStore, reportStore, sessionStore]) store.reset();
  });
  afterEach(() => vi.useRealTimers());

  it('boot loads the app info and listens to progress events for the whole session', async () => {
    const fake = bridgeFor();
    await createActions(fake.asBridge()).boot();
    expect(sessionStore.getState().appInfo?.host.kind).toBe('simulated');
    expect(fake.listenerCount('probe-progress')).toBe(1);
    expect(fake.listenerCount('fix-progress')).toBe(1);
  });

  it('Start checks the computer, ticks sections from events and shows the result with the plan', async () => {
    const fake = bridgeFor();
    const actions = createActions(fake.asBridge());
    await actions.boot();
    await actions.startCheck();
    expect(step()).toEqual({ kind: 'result' });
    const host = checkingStore.getState().lines.find((line) => line.section === 'host');
    expect(host).toMatchObject({ status: 'done', elapsedMs: 12 });
    expect(checkingStore.getState().phase).toBe('done');
    expect(sessionStore.getState().diagnosis?.plan).toHaveLength(3);
    expect(sessionStore.getState().plan?.steps).toHaveLength(3);
  });

  it('a cancelled check stays on the checking screen and says so', async () => {
    const fake = bridgeFor().answer('startProbe', () => ({ ok: false, code: 'cancelled', message: 'cancelled by the user' }));
    const actions = createActions(fake.asBridge());
    await actions.startCheck();
    expect(step()).toEqual({ kind: 'checking' });
    expect(checkingStore.getState().phase).toBe('cancelled');
  });

  it('cancel asks the main process to stop the probe', async () => {
    const fake = bridgeFor().answer('cancelProbe', () => ok({ cancelled: true }));
    const actions = createActions(fake.asBridge());
    checkingStore.apply((s) => ({ ...s, phase: 'running' }));
    await actions.cancelCheck();
    expect(fake.calls.map((call) => call.op)).toContain('cancelProbe');
    expect(checkingStore.getState().phase).toBe('cancelling');
  });

  it('walks fix -> verify -> next step, sending consent with apply', async () => {
    const fake = bridgeFor()
      .answer('applyFix', (args) =>
        ok({
          stepIndex: (args as { stepIndex: number }).stepIndex,
          state: 'applied',
          status: 'succeeded',
          message: 'Started',
          rebootRequired: false,
          commands: [],
          adminInstructions: null,
          plan: planViewOf(plan),
        }),
      )
      .answer('verifyFix', () => ok({ stepIndex: 2, verified: true, message: 'Services run', details: [], diagnosis: diagnosisWith([], 'ready'), plan: planViewOf(plan, [0, 1, 2]) }));
    const actions = createActions(fake.asBridge());
    await actions.startCheck();
    sessionStore.apply((s) => ({ ...s, plan: planViewOf(plan, [0, 1]) }));
    actions.startFixing();
    await vi.waitFor(() => expect(runOf(fixesStore.getState(), 2).phase).toBe('ready'));
    expect(step()).toEqual({ kind: 'fix', index: 2 });
    await actions.applyFix(2);
    expect(fake.calls.find((call) => call.op === 'applyFix')?.args).toEqual({ stepIndex: 2, consent: true });
    expect(runOf(fixesStore.getState(), 2).result).toEqual({ kind: 'verified', message: 'Services run' });
    expect(sessionStore.getState().diagnosis?.verdict).toBe('ready');
    // plan indexes stay those of the first plan although the new diagnosis has no steps left
    actions.nextAfterFix(2);
    await vi.waitFor(() => expect(step()).toEqual({ kind: 'done' }));
  });

  it('a file chosen in the system dialog (Electron) refreshes the step preview', async () => {
    const file = { path: 'E:\\kb5011487-x64.msu', name: 'kb5011487-x64.msu', sizeBytes: 1, kb: 'KB5011487' };
    const fake = bridgeFor().answer('chooseUpdateFile', () => ok({ status: 'chosen', file }));
    const actions = createActions(fake.asBridge());
    await actions.startCheck();
    await actions.openFix(0);
    const previews = fake.calls.filter((call) => call.op === 'previewFix').length;
    await actions.listUpdateFiles(0);
    expect(runOf(fixesStore.getState(), 0).updateFile).toEqual(file);
    expect(fake.calls.filter((call) => call.op === 'previewFix')).toHaveLength(previews + 1);
  });

  it('a step stopped while it runs ends as cancelled, not failed', async () => {
    let release: () => void = () => {};
    const fake = bridgeFor()
      .answer('cancelFix', () => {
        release();
        return ok({ cancelled: true });
      })
      .answer('applyFix', () => new Promise((resolve) => (release = () => resolve({ ok: false, code: 'cancelled', message: 'The step was cancelled.' }))));
    const actions = createActions(fake.asBridge());
    await actions.startCheck();
    await actions.openFix(2);
    const applying = actions.applyFix(2);
    await vi.waitFor(() => expect(runOf(fixesStore.getState(), 2).phase).toBe('applying'));
    await actions.cancelFix();
    await applying;
    expect(runOf(fixesStore.getState(), 2).result?.kind).toBe('cancelled');
  });

  it('UAC declined: the step ends declined with the administrator script, no verification', async () => {
    const fake = bridgeFor().answer('applyFix', () =>
      ok({
        stepIndex: 0,
        state: 'failed',
        status: 'declined',
        message: 'The administrator prompt was declined.',
        rebootRequired: false,
        commands: [],
        adminInstructions: 'Right-click fix.cmd, Run as administrator',
        plan: planViewOf(plan),
      }),
    );
    const actions = createActions(fake.asBridge());
    await actions.startCheck();
    await actions.openFix(0);
    await actions.applyFix(0);
    expect(runOf(fixesStore.getState(), 0).result?.kind).toBe('declined');
    expect(fake.calls.some((call) => call.op === 'verifyFix')).toBe(false);
  });

  it('restart now: the simulated host restarts, the app resumes at the step the main process names', async () => {
    const fake = bridgeFor()
      .answer('reboot', () => ok({ when: 'now', message: 'Restarting', restarted: true }))
      .answer('resumeAfterRestart', () =>
        ok({ resumed: true, stepIndex: 0, message: 'Continue with the services', diagnosis: diagnosisWith([servicesStep]), plan: planViewOf([servicesStep]), restarted: true, stepsBefore: 2 }),
      )
      .answer('previewFix', () => ok(previewOf(0, servicesStep)));
    const actions = createActions(fake.asBridge());
    await actions.startCheck();
    const restarting = vi.fn();
    const unsubscribe = fixesStore.subscribe((state) => restarting(state.runs[1]?.result?.kind));
    await actions.rebootNow(1);
    unsubscribe();
    expect(fake.calls.find((call) => call.op === 'reboot')?.args).toEqual({ when: 'now' });
    expect(restarting).toHaveBeenCalledWith('restarting');
    // the check after the restart made a fresh plan: its step 0 is the services step
    expect(step()).toEqual({ kind: 'fix', index: 0 });
    expect(runOf(fixesStore.getState(), 0).preview?.kind).toBe('start-agent-services');
    expect(fixesStore.getState().runs[1]).toBeUndefined();
    // Windows restarted (boot time changed): numbering goes on after the two steps and the restart
    expect(sessionStore.getState().resumed).toEqual({ offset: 3, stepIndex: 0, restarted: true });
  });

  it('a plan that needs no fixing goes straight to verification when Start fixing is pressed', async () => {
    const fake = bridgeFor()
      .answer('listPlan', () => ok(planViewOf([supportStep])))
      .answer('startProbe', () => ok({ probeId: 'p', snapshot: snapshotSummary, diagnosis: diagnosisWith([supportStep]) }));
    const actions = createActions(fake.asBridge());
    await actions.startCheck();
    actions.startFixing();
    await vi.waitFor(() => expect(step()).toEqual({ kind: 'done' }));
  });

  it('opening a received snapshot from the offered files shows it read-only', async () => {
    const received = { computerName: 'SRV-FILE-02', collectedAt: '2026-11-23T15:42:10Z', sourceName: 'srv-file-02.json', openedAt: '2026-11-24T10:00:00Z' };
    const fake = bridgeFor().answer('openReceived', (args) =>
      (args as { path?: string }).path
        ? ok({ status: 'opened', received, snapshot: snapshotSummary, diagnosis: diagnosisWith(plan) })
        : ok({ status: 'pick', candidates: [{ path: '/x/srv-file-02.json', name: 'srv-file-02.json', sizeBytes: 10, kb: null }] }),
    );
    const actions = createActions(fake.asBridge());
    await actions.openReceived();
    expect(step()).toEqual({ kind: 'snapshot' });
    expect(sessionStore.getState().receivedCandidates).toHaveLength(1);
    await actions.openReceived('/x/srv-file-02.json');
    expect(sessionStore.getState().received?.computerName).toBe('SRV-FILE-02');
  });

  it('exports with redaction on by default and keeps the support code', async () => {
    const fake = bridgeFor()
      .answer('previewRedaction', () => ok({ replacements: [{ kind: 'computer', original: 'PC-01', placeholder: 'COMPUTER-1' }] }))
      .answer('exportReport', () => ok({ folder: '/reports/PC', files: [{ name: 'report.html', path: '/reports/PC/report.html', kind: 'html' }], redacted: true, supportCode: 'ACS-7K2P-Q9XD' }));
    const actions = createActions(fake.asBridge());
    await actions.boot();
    await actions.openReport();
    expect(reportStore.getState().replacements).toHaveLength(1);
    await actions.exportReport();
    expect(fake.calls.find((call) => call.op === 'exportReport')?.args).toEqual({ redact: true, pdf: false, destination: 'default' });
    expect(reportStore.getState().exported?.supportCode).toBe('ACS-7K2P-Q9XD');
    actions.setRedact(false);
    await actions.exportReport('choose');
    expect(fake.calls.filter((call) => call.op === 'exportReport').at(-1)?.args).toEqual({ redact: false, pdf: false, destination: 'choose' });
  });

  it('allowing the internet updates the offline state and previews the step on screen again', async () => {
    const fake = bridgeFor().answer('allowNetwork', (args) => ok({ offline: !(args as { allowed: boolean }).allowed }));
    const actions = createActions(fake.asBridge());
    await actions.boot();
    await actions.startCheck();
    await actions.openFix(0);
    const previews = fake.calls.filter((call) => call.op === 'previewFix').length;
    await actions.setNetworkAllowed(true);
    expect(sessionStore.getState().appInfo?.offline).toBe(false);
    expect(fake.calls.filter((call) => call.op === 'previewFix')).toHaveLength(previews + 1);
    await actions.setNetworkAllowed(false);
    expect(sessionStore.getState().appInfo?.offline).toBe(true);
  });

  it('decodes a support code typed loosely', async () => {
    const fake = bridgeFor().answer('decodeSupportCode', (args) => ok({ code: (args as { code: string }).code, facts: [] }));
    const actions = createActions(fake.asBridge());
    actions.editSupportCode(' acs-7k2p-q9xd');
    await actions.decodeSupportCode();
    expect(fake.calls.at(-1)?.args).toEqual({ code: 'ACS-7K2P-Q9XD' });
    expect(helpdeskStore.getState().phase).toBe('decoded');
  });

  it('a bridge failure at start-up shows the problem screen with the message', async () => {
    const fake = bridgeFor().answer('getAppInfo', () => ({ ok: false, code: 'forbidden', message: 'missing token' }));
    await createActions(fake.asBridge()).boot();
    // refused at the first call: the preview's access token is missing; the screen words it (issue 16, point 13)
    expect(step()).toEqual({ kind: 'problem', message: 'missing token', reason: 'no-access' });
    const failed = bridgeFor().answer('getAppInfo', () => ({ ok: false, code: 'internal', message: 'broken' }));
    await createActions(failed.asBridge()).boot();
    expect(step()).toEqual({ kind: 'problem', message: 'broken' });
  });
});
