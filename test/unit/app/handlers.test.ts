// The handler table adapts probe, diagnosis and fixes: a check gives a diagnosis and plan, steps are
// previewed before they run, progress arrives as events, and a received snapshot is read-only.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../src-main/contract/index.js';
import { createTestApp, fixtureSnapshot } from '../../support/app-fixture.js';

function collectEvents(app: Awaited<ReturnType<typeof createTestApp>>) {
  const seen: { event: EventName; payload: unknown }[] = [];
  app.session.events.subscribe((event, payload) => seen.push({ event, payload }));
  return seen;
}

describe('checking this computer', () => {
  it('answers "nothing checked yet" before the first probe', async () => {
    const app = await createTestApp();
    expect(await app.dispatch('getDiagnosis', {})).toMatchObject({ ok: false, code: 'no-snapshot' });
    expect(await app.dispatch('listPlan', {})).toMatchObject({ ok: false, code: 'no-snapshot' });
  });

  it('probes with the network off, streams each section and returns the diagnosis with its plan', async () => {
    const app = await createTestApp();
    const events = collectEvents(app);
    const outcome = await app.dispatch('startProbe', {});
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const value = outcome.value as { probeId: string; diagnosis: { verdict: string; plan: unknown[] }; snapshot: { computerName: string } };
    expect(value.snapshot.computerName).toBe('SRV-FILE-02');
    expect(value.diagnosis.verdict).toBe('action-required');
    expect(app.probes[0]?.network).toBe(false);
    const progress = events.filter((e) => e.event === 'probe-progress').map((e) => e.payload);
    expect(progress[0]).toEqual({ probeId: value.probeId, section: 'os', status: 'started', elapsedMs: 0 });
    expect(progress).toHaveLength(4);
    const plan = await app.dispatch('listPlan', {});
    expect(plan).toMatchObject({ ok: true, value: { readOnly: false, nextStepIndex: 0 } });
  });

  it('refuses a second probe while one runs, and cancels the running one', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const app = await createTestApp({
      async collectSnapshot(request) {
        await gate;
        if (request.signal?.aborted) throw new Error('stopped');
        return fixtureSnapshot();
      },
    });
    const first = app.dispatch('startProbe', {});
    await Promise.resolve();
    expect(await app.dispatch('startProbe', {})).toMatchObject({ ok: false, code: 'busy' });
    expect(await app.dispatch('cancelProbe', {})).toEqual({ ok: true, value: { cancelled: true } });
    release();
    expect(await first).toMatchObject({ ok: false, code: 'cancelled' });
    expect(await app.dispatch('cancelProbe', {})).toEqual({ ok: true, value: { cancelled: false } });
  });
});

describe('one fix at a time', () => {
  async function checkedApp() {
    const app = await createTestApp();
    await app.dispatch('startProbe', {});
    const plan = await app.dispatch('listPlan', {});
    if (!plan.ok) throw new Error(plan.message);
    const steps = (plan.value as { steps: { index: number; step: { step: string } }[] }).steps;
    return { app, steps, indexOf: (kind: string) => steps.find((s) => s.step.step === kind)!.index };
  }

  it('will not apply a step before its preview has been shown', async () => {
    const { app, indexOf } = await checkedApp();
    const root = indexOf('install-root-certificate');
    expect(await app.dispatch('applyFix', { stepIndex: root, consent: true })).toMatchObject({ ok: false, code: 'precondition' });
    expect(app.calls.filter((c) => c.what === 'apply')).toHaveLength(0);
  });

  it('previews with exact commands, applies with progress events, verifies and undoes', async () => {
    const { app, indexOf } = await checkedApp();
    const events = collectEvents(app);
    const root = indexOf('install-root-certificate');
    const preview = await app.dispatch('previewFix', { stepIndex: root });
    expect(preview).toMatchObject({
      ok: true,
      value: {
        kind: 'install-root-certificate',
        commands: [{ display: 'certutil.exe -addstore Root "C:\\a b.cer"', elevated: true }],
        facts: [{ label: 'Thumbprint', value: 'F400' }],
        needsNetwork: false,
        offlineAlternative: expect.stringContaining('comes with this app'),
        ready: true,
      },
    });
    const applied = await app.dispatch('applyFix', { stepIndex: root, consent: true });
    expect(applied).toMatchObject({ ok: true, value: { state: 'applied', status: 'succeeded', rebootRequired: false } });
    expect(events).toContainEqual({ event: 'fix-progress', payload: expect.objectContaining({ stepIndex: root, action: 'apply', message: 'Working' }) });
    const verified = await app.dispatch('verifyFix', { stepIndex: root });
    expect(verified).toMatchObject({ ok: true, value: { verified: true, message: 'Verified' } });
    const undone = await app.dispatch('undoFix', { stepIndex: root, consent: true });
    expect(undone).toMatchObject({ ok: true, value: { undone: true, message: 'Removed' } });
    const plan = await app.dispatch('listPlan', {});
    expect(plan.ok && (plan.value as { steps: { state: string }[] }).steps[root]?.state).toBe('undone');
  });

  it('reports a declined administrator prompt as data with the admin instructions', async () => {
    const { app, indexOf } = await checkedApp();
    const root = indexOf('install-root-certificate');
    await app.dispatch('previewFix', { stepIndex: root });
    app.setOutcome({
      status: 'declined',
      message: 'The administrator prompt was declined.',
      adminScript: { folder: 'x', ps1Path: 'a', cmdPath: 'b', requestPath: 'c', instructions: 'Ask an administrator' },
    });
    expect(await app.dispatch('applyFix', { stepIndex: root, consent: true })).toMatchObject({
      ok: true,
      value: { state: 'failed', status: 'declined', adminInstructions: 'Ask an administrator' },
    });
  });

  it('installs an update only from a file the session offered, and previews again after the choice', async () => {
    const { app, indexOf } = await checkedApp();
    const update = indexOf('install-windows-update');
    const offered = { path: 'D:\\updates\\windows10.0-kb5011551-x64.msu', name: 'windows10.0-kb5011551-x64.msu', sizeBytes: 10, kb: 'KB5011551' };
    app.shell.next = { kind: 'pick', candidates: [offered] };
    expect(await app.dispatch('chooseUpdateFile', { stepIndex: update })).toEqual({ ok: true, value: { status: 'pick', candidates: [offered] } });
    expect(await app.dispatch('chooseUpdateFile', { stepIndex: update, path: 'C:\\Windows\\evil.msu' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await app.dispatch('chooseUpdateFile', { stepIndex: update, path: offered.path })).toEqual({ ok: true, value: { status: 'chosen', file: offered } });
    expect(await app.dispatch('applyFix', { stepIndex: update, consent: true })).toMatchObject({ ok: false, code: 'precondition' });
    await app.dispatch('previewFix', { stepIndex: update });
    app.setOutcome({ status: 'reboot-required', message: 'Restart needed' });
    expect(await app.dispatch('applyFix', { stepIndex: update, consent: true })).toMatchObject({ ok: true, value: { state: 'awaiting-reboot', rebootRequired: true } });
    const applyCall = app.calls.find((c) => c.what === 'apply' && c.kind === 'install-windows-update');
    expect(applyCall?.options).toMatchObject({ packagePath: offered.path, updateSource: 'offline' });
  });

  it('without a chosen file an update step gives guidance instead of going online', async () => {
    const { app, indexOf } = await checkedApp();
    const update = indexOf('install-windows-update');
    const preview = await app.dispatch('previewFix', { stepIndex: update });
    expect(preview).toMatchObject({ ok: true, value: { needsNetwork: false, offlineAlternative: expect.stringContaining('Update Catalog') } });
    expect(app.calls.at(-1)?.options).toMatchObject({ updateSource: 'guidance' });
  });

  it('rejects steps that are not in the plan', async () => {
    const { app } = await checkedApp();
    expect(await app.dispatch('previewFix', { stepIndex: 40 })).toMatchObject({ ok: false, code: 'no-such-step' });
  });
});

describe('a snapshot received from a customer', () => {
  it('opens a report folder read-only, marked with whose machine and when, and closes again', async () => {
    const app = await createTestApp();
    const folder = join(app.workDir, 'from-customer');
    await mkdir(folder);
    await writeFile(join(folder, 'notes.json'), '{"not":"a snapshot"}');
    await writeFile(join(folder, 'snapshot.json'), JSON.stringify(await fixtureSnapshot()));
    app.shell.next = { kind: 'pick', candidates: [{ path: folder, name: 'from-customer', sizeBytes: null, kb: null }] };
    await app.dispatch('openReceived', {});
    const opened = await app.dispatch('openReceived', { path: folder });
    expect(opened).toMatchObject({
      ok: true,
      value: { status: 'opened', received: { computerName: 'SRV-FILE-02', collectedAt: '2026-11-23T15:42:10Z', sourceName: 'from-customer', kind: 'report-folder', integrity: { checked: false } } },
    });
    expect(await app.dispatch('getAppInfo', {})).toMatchObject({ ok: true, value: { readOnly: true, received: { computerName: 'SRV-FILE-02' } } });
    expect(await app.dispatch('listPlan', {})).toMatchObject({ ok: true, value: { readOnly: true } });
    expect(await app.dispatch('previewFix', { stepIndex: 0 })).toMatchObject({ ok: false, code: 'read-only' });
    expect(await app.dispatch('getDiagnosis', {})).toMatchObject({ ok: true, value: { origin: 'received' } });
    expect(await app.dispatch('closeReceived', {})).toEqual({ ok: true, value: { closed: true } });
    expect(await app.dispatch('getAppInfo', {})).toMatchObject({ ok: true, value: { readOnly: false, received: null } });
  });

  it('says clearly when a chosen file is not a snapshot', async () => {
    const app = await createTestApp();
    const file = join(app.workDir, 'broken.json');
    await writeFile(file, '{"format":"acs-snapshot"');
    app.shell.next = { kind: 'chosen', file: { path: file, name: 'broken.json', sizeBytes: 24, kb: null } };
    expect(await app.dispatch('openReceived', {})).toMatchObject({ ok: false, code: 'not-found', message: expect.stringContaining('JSON') });
    expect(await app.dispatch('getAppInfo', {})).toMatchObject({ ok: true, value: { readOnly: false } });
  });
});

describe('links and app info', () => {
  it('opens only allow-listed https documentation links', async () => {
    const app = await createTestApp();
    expect(await app.dispatch('openExternalLink', { url: 'https://support.microsoft.com/kb/5022661' })).toMatchObject({ ok: true, value: { openedBy: 'renderer' } });
    for (const url of [
      'http://support.microsoft.com/',
      'https://evil.example/',
      'https://support.microsoft.com.evil.example/',
      'https://user:pw@learn.microsoft.com/',
      'file:///C:/Windows',
      'javascript:alert(1)',
    ]) {
      expect(await app.dispatch('openExternalLink', { url })).toMatchObject({ ok: false, code: 'link-not-allowed' });
    }
    expect(app.shell.opened).toEqual(['https://support.microsoft.com/kb/5022661']);
  });

  it('makes network requests only after the person allows them', async () => {
    const app = await createTestApp();
    await app.dispatch('startProbe', {});
    expect(app.probes.at(-1)?.network).toBe(false);
    expect(await app.dispatch('allowNetwork', { allowed: true })).toEqual({ ok: true, value: { offline: false } });
    expect(await app.dispatch('getAppInfo', {})).toMatchObject({ ok: true, value: { offline: false } });
    await app.dispatch('startProbe', {});
    expect(app.probes.at(-1)?.network).toBe(true);
    await app.dispatch('allowNetwork', { allowed: false });
    await app.dispatch('startProbe', {});
    expect(app.probes.at(-1)?.network).toBe(false);
    expect(await app.dispatch('allowNetwork', { allowed: 'yes' })).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it('describes the shell, the machine and the offline state', async () => {
    const app = await createTestApp();
    expect(await app.dispatch('getAppInfo', {})).toMatchObject({
      ok: true,
      value: { productName: 'ACS Support Assistant', shell: 'preview', host: { kind: 'windows' }, offline: true, resume: null, capabilities: { pdf: false } },
    });
  });
});
