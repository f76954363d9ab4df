// Issue 14, the whole field-kit story on the Windows double: collect on the target (as COLLECT.cmd does)
// → build the kit on the laptop (the real builder; the update file checked by the app's package checks)
// → run the kit's fix.ps1 from the stick under pwsh as administrator (the restart in the middle is the
// double's shutdown.exe: the simulated machine restarts) → read the result back on the laptop.
// SIMULATED: pwsh 7.6 on Linux with the double's registry, stores, services and tools; not Windows
// PowerShell 2.0 / 5.1 (the 2.0 rules are the compatibility gate's, kit-files.test.ts) and not Windows.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { diagnose } from '#product/diagnosis/diagnose.js';
import { readKitResult } from '#product/kit/index.js';
import type { MachineState } from '../windows-double/host/machine-state.js';
import type { HelperMachine } from '../support/helper-double.js';
import { pwshMissingOutsideCi } from '../support/pwsh.js';
import { buildKitOnStick, collectOnTarget, laptopChecker, laptopPackage, runFix, targetMachine } from './kit-support.js';

const missing = pwshMissingOutsideCi();
const suite = missing ? describe.skip : describe;
const TIMEOUT = 900_000;

const machines: HelperMachine[] = [];
afterEach(async () => {
  await Promise.all(machines.splice(0).map((machine) => machine.dispose()));
});

suite('field kit story (real fix.ps1, helper and collector under pwsh on the Windows double)', () => {
  test('air-gapped Server 2019: root certificate and services, no restart; the laptop reads every step done and a ready diagnosis', { timeout: TIMEOUT }, async () => {
    const machine = await targetMachine('server2019-airgapped-missing-root');
    machines.push(machine);
    const snapshot = await collectOnTarget(machine);
    const kit = await buildKitOnStick(machine, snapshot);
    expect(kit.kit!.steps.map((step) => step.step)).toEqual(['install-root-certificate', 'start-agent-services']);
    const run = await runFix(machine, kit);
    expect(run.stdout).toContain('All steps are done');
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const back = await readKitResult(kit.dir);
    expect(back.changedFiles).toEqual([]);
    expect(back.result).toMatchObject({ status: 'finished', computer: snapshot.host!.computerName });
    expect(back.steps.map((step) => step.state)).toEqual(['done', 'done']);
    expect(back.diagnosis?.verdict).toBe('ready');
    const state = await machine.state();
    expect(state.services.filter((service) => ['ds_agent', 'ds_monitor', 'Amsp'].includes(service.name)).every((service) => service.state === 'Running')).toBe(true);
    // The journal on the stick has every step's start and end.
    const journal = (await readFile(join(kit.dir, 'result', 'journal.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string });
    expect(journal.map((line) => line.event)).toEqual(['run-started', 'step-started', 'step-finished', 'step-started', 'step-finished', 'run-ended']);
  });

  test('Windows 7 SP1: the update from the stick, the restart asked for and done in the middle, then FIX.cmd again finishes', { timeout: TIMEOUT }, async () => {
    const update = await laptopPackage({
      name: 'windows6.1-kb5022338-x64_0c9f4b5a1d2e.msu',
      kind: 'msu',
      kb: 'KB5022338',
      architecture: 'x64',
      forBuild: null,
      resultingUbr: null,
      grantsAcsSupport: true,
    });
    const machine = await targetMachine('win7-sp1-no-esu-rollup', (state) => void state.localFiles.push(update.entry));
    machines.push(machine);
    const snapshot = await collectOnTarget(machine);
    const checkPackage = await laptopChecker('win7-sp1-no-esu-rollup', [update.entry]);
    const kit = await buildKitOnStick(machine, snapshot, { packagePath: update.path, checkPackage });
    expect(kit.kit!.steps.map((step) => step.step)).toEqual(['install-windows-update', 'reboot', 'start-agent-services']);

    // First run: the update, then the question; "y" restarts (the double restarts at once).
    const first = await runFix(machine, kit, { answer: 'y\n' });
    expect(first.stdout).toContain('Restart now?');
    expect(first.exitCode, first.stdout + first.stderr).toBe(3);
    let back = await readKitResult(kit.dir);
    expect(back.result).toMatchObject({ status: 'waiting-for-restart', reason: 'restart-started' });
    expect(back.steps.map((step) => step.state)).toEqual(['done', 'to-do', 'to-do']);
    expect((await machine.state()).hotfixes.map((fix) => fix.id)).toContain('KB5022338');

    // After the restart: started again, it resumes and finishes.
    const second = await runFix(machine, kit);
    expect(second.stdout).toContain('already done');
    expect(second.exitCode, second.stdout + second.stderr).toBe(0);
    back = await readKitResult(kit.dir);
    expect(back.steps.map((step) => step.state)).toEqual(['done', 'done', 'done']);
    expect(back.result?.status).toBe('finished');
    expect(back.diagnosis?.verdict).toBe('ready');
  });

  test('Server 2012 R2 (the air-gapped Server 2019 machine with the Windows of 2012 R2): update, restart, root certificate, services', { timeout: TIMEOUT }, async () => {
    const server2012r2 = (state: MachineState) => {
      state.os = {
        ...state.os,
        productName: 'Windows Server 2012 R2 Standard',
        editionId: 'ServerStandard',
        currentBuild: 9600,
        ubr: null,
        displayVersion: null,
        currentVersion: '6.3',
        csdVersion: null,
        acsSupport: false,
      };
      state.hotfixes = [{ id: 'KB3000850', installedOn: '2014-11-18', description: 'Update' }];
      state.pendingOnReboot = null;
    };
    const machine = await targetMachine('server2019-airgapped-missing-root', server2012r2);
    machines.push(machine);
    const snapshot = await collectOnTarget(machine);
    const plan = diagnose(snapshot).plan;
    const kb = plan.find((step) => step.step === 'install-windows-update')?.kb;
    expect(kb).toMatch(/^KB\d+$/);
    const update = await laptopPackage({
      name: `windows8.1-${kb!.toLowerCase()}-x64_5a1b2c3d.msu`,
      kind: 'msu',
      kb: kb!,
      architecture: 'x64',
      forBuild: null,
      resultingUbr: null,
      grantsAcsSupport: true,
    });
    const state = await machine.state();
    machine.setState({ ...state, localFiles: [...state.localFiles, update.entry] });
    const checkPackage = await laptopChecker('server2019-airgapped-missing-root', [update.entry], server2012r2);
    const kit = await buildKitOnStick(machine, snapshot, { packagePath: update.path, checkPackage });
    expect(kit.kit!.steps.map((step) => step.step)).toContain('reboot');

    const first = await runFix(machine, kit, { answer: 'Y\n' });
    expect(first.exitCode, first.stdout + first.stderr).toBe(3);
    const second = await runFix(machine, kit);
    expect(second.exitCode, second.stdout + second.stderr).toBe(0);
    const back = await readKitResult(kit.dir);
    expect(back.steps.every((step) => step.state === 'done')).toBe(true);
    expect(back.result?.status).toBe('finished');
    expect(back.diagnosis?.verdict).toBe('ready');
  });
});
