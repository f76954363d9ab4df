// The handler table on the real modules (probe, diagnosis, fixes, report) against simulated Windows
// machines: whole stories through the same dispatcher the window and the preview use. Simulated only:
// no real Windows is touched. Integration, not unit: the elevated steps run the real helper under pwsh
// on the Windows double.
import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../src-main/app/dispatch.js';
import type { OperationName, OperationResults, PlanView } from '../../../src-main/contract/index.js';
import { createPreviewApp } from '../../../src-main/preview/start.js';

async function simulated(profile: string, options: { declineUac?: boolean } = {}) {
  const { app, dataDir } = await createPreviewApp({ profile, ...options });
  const dispatch: Dispatch = app.dispatch;
  async function ok<Op extends OperationName>(op: Op, args: unknown = {}): Promise<OperationResults[Op]> {
    const outcome = await dispatch(op, args);
    if (!outcome.ok) throw new Error(`${op}: ${outcome.code}: ${outcome.message}`);
    return outcome.value as OperationResults[Op];
  }
  const indexOf = (plan: PlanView, kind: string) => plan.steps.findIndex((step) => step.step.step === kind);
  return { app, dataDir, dispatch, ok, indexOf };
}

describe('simulated journeys through the handler table', () => {
  it('healthy Windows 11: ready, nothing to do', async () => {
    const { ok } = await simulated('healthy-win11');
    const probe = await ok('startProbe');
    expect(probe.diagnosis.verdict).toBe('ready');
    expect((await ok('listPlan')).steps).toEqual([]);
    expect((await ok('getAppInfo')).host).toMatchObject({ kind: 'simulated', profile: 'healthy-win11' });
  });

  it('offline Windows 10 21H2: local update file, root certificate, restart, services running', async () => {
    const { ok, indexOf } = await simulated('win10-21h2-offline-unpatched');
    expect((await ok('startProbe')).diagnosis.verdict).toBe('action-required');
    let plan = await ok('listPlan');
    const update = indexOf(plan, 'install-windows-update');
    const pick = await ok('chooseUpdateFile', { stepIndex: update });
    expect(pick.status).toBe('pick');
    const candidate = pick.status === 'pick' ? pick.candidates[0]! : null;
    expect(candidate?.kb).toBe('KB5011487');
    await ok('chooseUpdateFile', { stepIndex: update, path: candidate!.path });
    const preview = await ok('previewFix', { stepIndex: update });
    expect(preview).toMatchObject({ ready: true, needsReboot: true, needsNetwork: false });
    expect(preview.commands.some((command) => /(^|\\)wusa\.exe$/i.test(command.file))).toBe(true);
    expect(await ok('applyFix', { stepIndex: update, consent: true })).toMatchObject({ state: 'awaiting-reboot', rebootRequired: true });
    expect((await ok('verifyFix', { stepIndex: update })).plan.steps[update]?.state).toBe('awaiting-reboot');

    const root = indexOf(plan, 'install-root-certificate');
    await ok('previewFix', { stepIndex: root });
    expect(await ok('applyFix', { stepIndex: root, consent: true })).toMatchObject({ state: 'verified', status: 'succeeded' });

    expect(await ok('reboot', { when: 'now' })).toMatchObject({ when: 'now', restarted: true });
    expect((await ok('getAppInfo')).resume).not.toBeNull();
    const resumed = await ok('resumeAfterRestart');
    // the boot time changed: a real restart; update and root came before the restart step
    expect(resumed).toMatchObject({ resumed: true, diagnosis: { verdict: 'ready' }, restarted: true, stepsBefore: 2 });
    plan = await ok('listPlan');
    expect(plan.nextStepIndex).toBeNull();
    expect((await ok('resumeAfterRestart')).resumed).toBe(false);
  });

  it('restart later, reopened without a restart: the boot time is unchanged, so not restarted (issue 16)', async () => {
    const { ok, indexOf } = await simulated('german-server2016-pending-reboot');
    await ok('startProbe');
    const plan = await ok('listPlan');
    await ok('previewFix', { stepIndex: indexOf(plan, 'reboot') });
    expect(await ok('reboot', { when: 'later' })).toMatchObject({ when: 'later', restarted: false });
    expect(await ok('resumeAfterRestart')).toMatchObject({ resumed: true, restarted: false, stepsBefore: 0 });
  });

  it('air-gapped Server 2019 without the root: bundled root installed, services started and running', async () => {
    const { ok, indexOf } = await simulated('server2019-airgapped-missing-root');
    const probe = await ok('startProbe');
    expect(probe.diagnosis.rootCertificate).toMatchObject({ status: 'missing', autoUpdate: 'disabled' });
    const plan = await ok('listPlan');
    for (const step of plan.steps) {
      if (step.step.step === 'reboot') continue;
      const preview = await ok('previewFix', { stepIndex: step.index });
      expect(preview.offlineAlternative === null || step.step.step === 'install-root-certificate').toBe(true);
      const applied = await ok('applyFix', { stepIndex: step.index, consent: true });
      expect(applied.status, applied.message).toBe('succeeded');
      if (applied.state !== 'verified') expect((await ok('verifyFix', { stepIndex: step.index })).verified).toBe(true);
    }
    expect(indexOf(plan, 'install-root-certificate')).toBeGreaterThanOrEqual(0);
    const after = await ok('startProbe');
    expect(after.diagnosis.agentServices.status).toBe('running');
  });

  it('administrator prompt declined: the step fails as data with instructions for an administrator', async () => {
    const { ok, indexOf } = await simulated('server2019-airgapped-missing-root', { declineUac: true });
    await ok('startProbe');
    const root = indexOf(await ok('listPlan'), 'install-root-certificate');
    await ok('previewFix', { stepIndex: root });
    const applied = await ok('applyFix', { stepIndex: root, consent: true });
    expect(applied).toMatchObject({ state: 'failed', status: 'declined' });
    expect(applied.adminInstructions).toMatch(/administrator/i);
  });

  it('a probe section that times out still gives a result, naming the section', async () => {
    const { ok } = await simulated('probe-events-timeout');
    const probe = await ok('startProbe');
    expect(probe.snapshot.sectionErrors.map((error) => error.section)).toContain('events');
  });

  it('a report folder is written redacted by default, and a received snapshot opens read-only', async () => {
    const { ok, dispatch } = await simulated('win7-sp1-no-esu-rollup');
    await ok('startProbe');
    const report = await ok('exportReport');
    expect(report.redacted).toBe(true);
    expect(report.supportCode).toMatch(/^ACS-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(report.files.map((file) => file.name)).toEqual(expect.arrayContaining(['snapshot.json', 'report.html']));
    expect((await ok('decodeSupportCode', { code: report.supportCode! })).facts.length).toBeGreaterThan(0);
    expect(await dispatch('decodeSupportCode', { code: 'ACS-HELLO-WORLD' })).toMatchObject({ ok: false, code: 'invalid-argument' });

    const pick = await ok('openReceived');
    expect(pick.status).toBe('pick');
    const folder = pick.status === 'pick' ? pick.candidates : [];
    expect(folder.length).toBeGreaterThan(0);
    const broken = folder.find((file) => file.name === 'broken');
    // A folder that is not a report folder lists the snapshot files in it (issue 16, point 8), no dead end.
    if (broken) expect(await ok('openReceived', { path: broken.path })).toMatchObject({ status: 'pick' });
    // Back to the first folder's list (the offered files are those of the last listing).
    const again = await ok('openReceived');
    const offered = again.status === 'pick' ? again.candidates : [];
    const snapshotFile = offered.find((file) => file.name === 'server2019-air-gapped-missing-update-and-root.json');
    const opened = await ok('openReceived', { path: snapshotFile!.path });
    expect(opened).toMatchObject({ status: 'opened', received: { computerName: 'SRV-FILE-02' } });
    expect(await dispatch('applyFix', { stepIndex: 0, consent: true })).toMatchObject({ ok: false, code: 'read-only' });
  });
});
