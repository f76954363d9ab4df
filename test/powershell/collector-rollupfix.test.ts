// collect.ps1's pendingReboot section reads the RollupFix packages of Component Based Servicing (issue 13,
// item 1): run the SHIPPED script by pwsh on the PowerShell Windows double, for a machine with an installed
// and an install-pending cumulative update, and compare with the TypeScript simulated host.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultProbeInput, SECTION_BUDGET_MS } from '#product/probe/protocol.js';
import { diagnose } from '#product/diagnosis/diagnose.js';
import { validateSnapshot } from '#product/snapshot/parse.js';
import { runCollectorScript } from '../windows-double/host/powershell-probe.js';
import { createSimulatedHost, loadMachineProfile } from '../windows-double/host/index.js';
import { createDoubleMachine, pwshMissingOutsideCi, REPO_ROOT, runScriptOnDouble, type DoubleMachine } from '../support/pwsh.js';

const COLLECTOR = join(REPO_ROOT, 'assets/probe/collect.ps1');
const missing = pwshMissingOutsideCi();
const machines: DoubleMachine[] = [];
afterAll(async () => Promise.all(machines.map((machine) => machine.dispose())));

describe.skipIf(missing !== null)('collect.ps1 pendingReboot.rollupFixPackages', () => {
  it('lists every Package_for_RollupFix with its CurrentState, as the simulated host does, and the diagnosis says restart', { timeout: 90_000 }, async () => {
    const profile = await loadMachineProfile('win10-21h2-offline-unpatched');
    const state = {
      ...profile.machine,
      pendingRebootMarkers: ['ComponentBasedServicing.RebootPending' as const],
      rollupFixPackages: [
        { name: 'Package_for_RollupFix~31bf3856ad364e35~amd64~~19041.1387.1.4', currentState: 112 },
        { name: 'Package_for_RollupFix~31bf3856ad364e35~amd64~~19041.1586.1.7', currentState: 96 },
      ],
    };
    const generous = Object.fromEntries(Object.entries(SECTION_BUDGET_MS).map(([section, ms]) => [section, ms * 5]));
    const input = JSON.stringify(defaultProbeInput({ network: false, budgetsMs: generous }));
    const host = await createSimulatedHost({ ...profile, machine: state });
    const expected = JSON.parse(runCollectorScript(host.machine, input).stdout) as { pendingReboot: unknown };
    const machine = await createDoubleMachine(host.machine.state);
    machines.push(machine);
    const run = await runScriptOnDouble(machine, COLLECTOR, { stdin: input, env: { LANG: 'en_US.UTF-8' } });
    expect(run.exitCode, run.stderr).toBe(0);
    const actual = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(actual.pendingReboot).toEqual(expected.pendingReboot);
    expect(actual.pendingReboot).toMatchObject({
      required: true,
      rollupFixPackages: [
        { name: expect.stringContaining('19041.1387'), currentState: 112 },
        { name: expect.stringContaining('19041.1586'), currentState: 96 },
      ],
    });
    const validated = validateSnapshot(actual);
    if (!validated.ok) throw new Error(validated.error);
    expect(diagnose(validated.snapshot).windowsUpdate).toMatchObject({ status: 'pending-reboot', satisfiedBy: 'KB5011487' });
  });
});
