// The one plan runner of the app and the CLI: its step transitions, its policies (offline unless
// allowed; elevation from the snapshot) and its domain errors.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { ActionJournal } from '../../../src-main/fixes/journal.js';
import { findResumePoint, resumeAfterRestart } from '../../../src-main/fixes/reboot.js';
import type { FixContext } from '../../../src-main/fixes/types.js';
import { thisComputer } from '../../../src-main/host/create-host.js';
import { PlanRunError, PlanRunner } from '../../../src-main/plan-runner/index.js';
import type { Snapshot } from '../../../src-main/snapshot/schema.js';
import { fixtureSnapshot, recordingFix, type FixCall } from '../../support/app-fixture.js';

async function runnerOn(snapshot: Snapshot, allowNetwork?: boolean) {
  const calls: FixCall[] = [];
  const contexts: FixContext[] = [];
  const probes: { network: boolean | undefined }[] = [];
  const workDir = await mkdtemp(join(tmpdir(), 'acs-plan-runner-'));
  const runner = new PlanRunner({
    host: thisComputer('win32'),
    services: {
      collectSnapshot: async (request) => {
        probes.push({ network: request.network });
        return snapshot;
      },
      diagnose,
      createFix: (step, context) => {
        contexts.push(context);
        return recordingFix(step, calls, () => ({}));
      },
      findResumePoint,
      resumeAfterRestart,
    },
    journal: new ActionJournal(join(workDir, 'journal.jsonl')),
    workDir,
    ...(allowNetwork === undefined ? {} : { allowNetwork }),
  });
  return { runner, calls, contexts, probes };
}

describe('PlanRunner', () => {
  it('is offline unless the person allows the network: probes, fix contexts and the update step follow it', async () => {
    const { runner, contexts, probes } = await runnerOn(await fixtureSnapshot());
    expect(runner.offline).toBe(true);
    const state = runner.adopt(await runner.probe());
    expect(probes.at(-1)).toEqual({ network: false });
    const update = state.plan.findIndex((record) => record.step.step === 'install-windows-update');
    expect(update).toBeGreaterThanOrEqual(0);
    expect(runner.optionsFor(update)).toMatchObject({ updateSource: 'guidance' });
    runner.fixFor(update);
    expect(contexts.at(-1)?.network).toBe(false);
    runner.allowNetwork(true);
    expect(runner.optionsFor(update)).toMatchObject({ updateSource: 'online' });
    expect(runner.optionsFor(update, { online: false })).toMatchObject({ updateSource: 'guidance' });
    await runner.probe();
    expect(probes.at(-1)).toEqual({ network: true });
    runner.fixFor(update);
    expect(contexts.at(-1)?.network).toBe(true);
  });

  it('takes elevation from the snapshot: collected elevated runs directly, else through the helper', async () => {
    const snapshot = await fixtureSnapshot();
    for (const elevated of [true, false]) {
      const { runner } = await runnerOn({ ...snapshot, collector: { ...snapshot.collector!, elevated } });
      runner.adopt(await runner.probe());
      expect(runner.fixContext().elevation).toBe(elevated ? 'direct' : 'helper');
    }
  });

  it('moves a step pending -> previewed -> applied and refuses what cannot run now with a domain error', async () => {
    const { runner, calls } = await runnerOn(await fixtureSnapshot());
    expect(() => runner.current()).toThrow(PlanRunError);
    const state = runner.adopt(await runner.probe());
    const root = state.plan.findIndex((record) => record.step.step === 'install-root-certificate');
    await expect(runner.apply(root)).rejects.toMatchObject({ name: 'PlanRunError', code: 'precondition' });
    expect(state.plan[root]!.state).toBe('pending');
    await runner.preview(root);
    expect(state.plan[root]!.state).toBe('previewed');
    const { record, outcome } = await runner.apply(root);
    expect(outcome.status).toBe('succeeded');
    expect(record).toMatchObject({ state: 'applied', canUndo: true, lastMessage: 'Done' });
    expect(calls.map((call) => call.what)).toEqual(['preview', 'apply']);
    expect(() => runner.record(99)).toThrow(expect.objectContaining({ code: 'no-such-step' }));
    const reboot = state.plan.findIndex((record) => record.step.step === 'reboot');
    if (reboot >= 0) await expect(runner.apply(reboot)).rejects.toMatchObject({ code: 'precondition' });
  });
});
